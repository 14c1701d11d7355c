package dev.kubeclient.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * Auto-configuration for kube-client: a {@link dev.kubeclient.config.RestConfig} from the {@code kube.client.*}
 * properties (or a {@link KubeClientConnectionDetails} bean), one shared
 * {@link dev.kubeclient.rest.KubeRestClient} (one transport, rate limiter and connection pool), and the
 * {@link dev.kubeclient.clientset.Clientset}, {@link dev.kubeclient.dynamic.DynamicClient}, cached discovery and
 * {@link dev.kubeclient.discovery.RestMapper} on top of it; retry-on-conflict templates. Every bean backs off
 * for one of the user's own.
 */
@AutoConfiguration
@ConditionalOnClass(name = "dev.kubeclient.rest.KubeRestClient")
@EnableConfigurationProperties(KubeClientProperties.class)
@ImportRuntimeHints(KubeClientRuntimeHints.class)
@Import({ KubeClientConnectionConfiguration.class, KubeClientWatcherThreadsConfiguration.PlatformThreads.class,
        KubeClientWatcherThreadsConfiguration.VirtualThreads.class, KubeClientClientsConfiguration.class,
        KubeClientRetryConfigurations.CoreRetryConfiguration.class,
        KubeClientRetryConfigurations.SpringRetryConfiguration.class })
public final class KubeClientAutoConfiguration {
}
