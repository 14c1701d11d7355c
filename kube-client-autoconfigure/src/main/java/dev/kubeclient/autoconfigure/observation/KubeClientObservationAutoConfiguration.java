package dev.kubeclient.autoconfigure.observation;

import dev.kubeclient.autoconfigure.RestConfigCustomizer;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer Observation for kube-client, when an {@link ObservationRegistry} bean exists: a
 * {@link KubeRequestObservations} listener bean (each request an Observation, a child of the caller's) and a
 * {@link RestConfigCustomizer} that adds the {@link TraceHeadersInterceptor}, so the trace context reaches the
 * API server. A {@link KubeRequestObservationConvention} bean renames the observation or its key values.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        beforeName = "dev.kubeclient.autoconfigure.KubeClientAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
public final class KubeClientObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KubeRequestObservations kubeRequestObservations(ObservationRegistry registry,
                                                    ObjectProvider<KubeRequestObservationConvention> convention) {
        return new KubeRequestObservations(registry, convention.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean(name = "kubeClientTraceHeadersCustomizer")
    RestConfigCustomizer kubeClientTraceHeadersCustomizer(ObservationRegistry registry) {
        TraceHeadersInterceptor interceptor = new TraceHeadersInterceptor(registry);
        return builder -> builder.addInterceptor(interceptor);
    }
}
