package dev.kubeclient.sample;

import dev.kubeclient.autoconfigure.KubeClientConnectionDetails;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.server.KubeApiServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the sample against the test kit's in-JVM Kubernetes API server, seeded with demo objects, when
 * {@code sample.embedded-cluster} says so (by default: only when no cluster is configured at all; see
 * {@link NoClusterConfiguredCondition}). It hands the starter a {@link KubeClientConnectionDetails} bean, so every
 * client bean points at the embedded server; nothing else in the application changes.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoClusterConfiguredCondition.class)
class EmbeddedClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedClusterConfiguration.class);

    @Bean(destroyMethod = "close")
    KubeApiServer embeddedKubeApiServer() {
        KubeApiServer server = KubeApiServer.startWithDemoObjects();
        log.warn("""

                ************************************************************************************
                  No Kubernetes cluster is configured (no kubeconfig, not in a pod), so this sample
                  runs against an EMBEDDED, IN-MEMORY API server with demo objects at {}.
                  Nothing you do here reaches a real cluster. To use one, point KUBECONFIG or
                  kube.client.kubeconfig at it, or set sample.embedded-cluster=never.
                ************************************************************************************""",
                server.url());
        return server;
    }

    @Bean
    KubeClientConnectionDetails embeddedClusterConnectionDetails(KubeApiServer server) {
        // The demo objects live in namespace "demo"; kube.client.namespace still wins when set.
        RestConfig config = server.restConfig().toBuilder().namespace("demo").build();
        return () -> config;
    }
}
