package dev.kubeclient.autoconfigure.health;

import dev.kubeclient.autoconfigure.KubeClientConnectionDetails;
import dev.kubeclient.config.ConfigOrigin;
import dev.kubeclient.rest.KubeRestClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code kube} health indicator ({@link KubeHealthIndicator}), when Spring Boot's health support is present
 * and a {@link KubeRestClient} bean exists. {@code management.health.kube.enabled=false} turns it off. It joins no
 * liveness or readiness group by itself: an API-server outage must not restart every pod; see
 * {@code docs/observability.md} to add it to readiness.
 */
@AutoConfiguration(afterName = "dev.kubeclient.autoconfigure.KubeClientAutoConfiguration",
        beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(KubeRestClient.class)
@ConditionalOnEnabledHealthIndicator("kube")
@EnableConfigurationProperties(KubeHealthProperties.class)
public final class KubeClientHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "kubeHealthIndicator")
    KubeHealthIndicator kubeHealthIndicator(KubeRestClient client, KubeHealthProperties properties,
                                            ObjectProvider<KubeClientConnectionDetails> connectionDetails) {
        // Only the connection details the client was built from know the origin; they say so once they have run.
        Supplier<Optional<ConfigOrigin>> origin = () -> {
            KubeClientConnectionDetails details = connectionDetails.getIfUnique();
            return details == null ? Optional.empty() : details.getConfigOrigin();
        };
        return new KubeHealthIndicator(client, origin, properties.getTimeout(), properties.getCacheTtl(),
                Clock.systemUTC());
    }
}
