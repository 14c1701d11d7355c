package dev.kubeclient.autoconfigure.metrics;

import dev.kubeclient.rest.KubeRestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters for kube-client, when a {@link MeterRegistry} bean exists: a {@link KubeClientMetrics}
 * listener bean, which the kube-client auto-configuration adds to the {@code RestConfig} with every other
 * {@code KubeClientListener} bean.
 *
 * <p>The {@code kube.client.requests} timer comes from this listener unless an {@link ObservationRegistry} and a
 * {@link MeterObservationHandler} are both present: then each request is an Observation (see
 * {@code KubeClientObservationAutoConfiguration}) and the handler records the same timer with the same tags.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" },
        beforeName = "dev.kubeclient.autoconfigure.KubeClientAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class KubeClientMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KubeClientMetrics kubeClientMetrics(MeterRegistry registry, ObjectProvider<KubeRestClient> clients,
                                        ObjectProvider<ObservationRegistry> observationRegistries,
                                        ObjectProvider<MeterObservationHandler<?>> meterHandlers) {
        boolean observationsRecordRequests = observationRegistries.getIfAvailable() != null
                && meterHandlers.stream().findAny().isPresent();
        return new KubeClientMetrics(registry, !observationsRecordRequests, () -> {
            KubeRestClient client = clients.getIfUnique();
            return client == null ? null : client.rateLimiter();
        });
    }
}
