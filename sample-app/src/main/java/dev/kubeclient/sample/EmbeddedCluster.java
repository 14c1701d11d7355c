package dev.kubeclient.sample;

import dev.kubeclient.testing.server.KubeApiServer;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Starts the test kit's in-JVM API server, seeded with demo objects, when {@code sample.embedded-cluster} says so
 * (by default only when no cluster is configured at all: see {@link ClusterConfiguration}), and points the starter
 * at it through {@code kube.client.kubeconfig}. Nothing else in the application changes; the starter itself never
 * falls back to this.
 *
 * <p>It decides while the environment is prepared, at run time, so an AOT-processed build still picks the right
 * server on each machine. The server is closed with the application context.
 */
class EmbeddedCluster implements EnvironmentPostProcessor, Ordered {

    private static final String PROPERTY_SOURCE = "sampleEmbeddedCluster";

    private final Log log;

    EmbeddedCluster(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedCluster.class);
    }

    @Override
    public int getOrder() {
        // After application.yaml and the command line are known.
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE) || !ClusterConfiguration.embeddedWanted(environment)) {
            return;
        }
        KubeApiServer server = KubeApiServer.startWithDemoObjects();
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "kube.client.kubeconfig", server.kubeconfig().toString(),
                "kube.client.mode", "kubeconfig")));
        if (!environment.containsProperty("kube.client.namespace")) {
            // The demo objects live in namespace "demo".
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE + "Defaults",
                    Map.of("kube.client.namespace", "demo")));
        }
        application.addListeners(event -> {
            if (event instanceof ApplicationPreparedEvent prepared) {
                prepared.getApplicationContext().getBeanFactory().registerSingleton("embeddedKubeApiServer", server);
                prepared.getApplicationContext().addApplicationListener(
                        (ContextClosedEvent closed) -> server.close());
            } else if (event instanceof ApplicationFailedEvent) {
                server.close();
            }
        });
        log.warn("""

                ************************************************************************************
                  No Kubernetes cluster is configured (no kubeconfig, not in a pod), so this sample
                  runs against an EMBEDDED, IN-MEMORY API server with demo objects at %s.
                  Nothing you do here reaches a real cluster. To use one, point KUBECONFIG or
                  kube.client.kubeconfig at it, or set sample.embedded-cluster=never.
                ************************************************************************************"""
                .formatted(server.url()));
    }
}
