package dev.kubeclient.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A small Spring Boot application on the kube-client starter. Every client bean (the {@code Clientset}, the dynamic
 * client, discovery, the RESTMapper, the conflict-retry template) comes from the starter and
 * {@code application.yaml}; this application only uses them:
 * <ul>
 *   <li>at start it says which cluster it talks to, server-side applies a ConfigMap it owns and keeps a resilient
 *       watch on the ConfigMaps of its namespace ({@link StartupReport}, {@link ConfigMapWatcher});</li>
 *   <li>it serves a few JSON endpoints ({@link ClusterController});</li>
 *   <li>with no cluster configured at all it starts the test kit's in-JVM API server with demo objects and says so
 *       loudly ({@link EmbeddedCluster}); the starter itself never falls back silently.</li>
 * </ul>
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
