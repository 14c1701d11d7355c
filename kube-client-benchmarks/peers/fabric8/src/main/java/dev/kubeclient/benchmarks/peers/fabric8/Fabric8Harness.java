package dev.kubeclient.benchmarks.peers.fabric8;

import dev.kubeclient.benchmarks.peers.PeerClient;
import dev.kubeclient.benchmarks.peers.PeerHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The side-by-side scenarios ({@link PeerHarness}) on fabric8 kubernetes-client 8.0 with its OkHttp HTTP client
 * (its default, Vert.x 5, is left out of this jar), built as its README shows: {@code new KubernetesClientBuilder()}
 * with a {@code Config} read from the kubeconfig file, everything else at its defaults. fabric8 has no client-side
 * rate limiter (only caps on concurrent requests), so the throughput scenario runs unlimited.
 *
 * <p>Usage: {@code java -jar peer-fabric8.jar <scenario> <kubeconfig> [args]}; see {@link PeerHarness}.
 */
public final class Fabric8Harness {

    private Fabric8Harness() {
    }

    public static void main(String[] args) throws Exception {
        long mainNanos = System.nanoTime();
        Instant mainWall = Instant.now();
        PeerHarness.run("fabric8", Fabric8Client::new, args, mainNanos, mainWall);
    }

    private static final class Fabric8Client implements PeerClient {
        private final KubernetesClient client;

        Fabric8Client(Path kubeconfig) {
            this.client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig.toFile())).build();
        }

        @Override
        public int listConfigMaps(String namespace) {
            return client.configMaps().inNamespace(namespace).list().getItems().size();
        }

        @Override
        public String namespaceUid(String name) {
            return client.namespaces().withName(name).get().getMetadata().getUid();
        }

        @Override
        public String configMapName(String namespace, String name) {
            return client.configMaps().inNamespace(namespace).withName(name).get().getMetadata().getName();
        }

        @Override
        public String configMapsResourceVersion(String namespace) {
            return client.configMaps().inNamespace(namespace).list().getMetadata().getResourceVersion();
        }

        @Override
        public AutoCloseable watchConfigMaps(String namespace, String resourceVersion) {
            // watch(...) returns once fabric8 has the server's answer (it waits for the watch to be ready).
            return client.configMaps().inNamespace(namespace).withResourceVersion(resourceVersion)
                    .watch(new Watcher<ConfigMap>() {
                        @Override
                        public void eventReceived(Action action, ConfigMap resource) {
                        }

                        @Override
                        public void onClose(WatcherException cause) {
                        }
                    });
        }

        @Override
        public URI server() {
            return URI.create(client.getConfiguration().getMasterUrl());
        }

        @Override
        public String rateLimiter() {
            return "none";
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
