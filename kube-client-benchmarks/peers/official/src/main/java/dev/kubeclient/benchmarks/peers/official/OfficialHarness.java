package dev.kubeclient.benchmarks.peers.official;

import com.google.gson.reflect.TypeToken;
import dev.kubeclient.benchmarks.peers.PeerClient;
import dev.kubeclient.benchmarks.peers.PeerHarness;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.Watch;

import java.io.Reader;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The side-by-side scenarios ({@link PeerHarness}) on the official Kubernetes Java client ({@code
 * io.kubernetes:client-java} 27.0, OkHttp and Gson), built as its kubeconfig example shows:
 * {@code ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build()} and a {@code CoreV1Api} on it, everything
 * else at its defaults. Watches use {@code Watch.createWatch} on a client whose read timeout is switched off, as the
 * client's watch example does. The client has no rate limiter on requests, so the throughput scenario runs unlimited.
 *
 * <p>Usage: {@code java -jar peer-official.jar <scenario> <kubeconfig> [args]}; see {@link PeerHarness}.
 */
public final class OfficialHarness {

    private OfficialHarness() {
    }

    public static void main(String[] args) throws Exception {
        long mainNanos = System.nanoTime();
        Instant mainWall = Instant.now();
        PeerHarness.run("official", OfficialClient::new, args, mainNanos, mainWall);
    }

    private static final class OfficialClient implements PeerClient {
        private static final Type CONFIG_MAP_EVENT = new TypeToken<Watch.Response<V1ConfigMap>>() {
        }.getType();

        private final ApiClient client;
        private final CoreV1Api api;
        private ApiClient watchClient;

        OfficialClient(Path kubeconfig) throws Exception {
            try (Reader reader = Files.newBufferedReader(kubeconfig)) {
                KubeConfig config = KubeConfig.loadKubeConfig(reader);
                config.setFile(kubeconfig.toFile());
                this.client = ClientBuilder.kubeconfig(config).build();
            }
            this.api = new CoreV1Api(client);
        }

        @Override
        public int listConfigMaps(String namespace) throws Exception {
            return api.listNamespacedConfigMap(namespace).execute().getItems().size();
        }

        @Override
        public String namespaceUid(String name) throws Exception {
            return api.readNamespace(name).execute().getMetadata().getUid();
        }

        @Override
        public String configMapName(String namespace, String name) throws Exception {
            return api.readNamespacedConfigMap(name, namespace).execute().getMetadata().getName();
        }

        @Override
        public String configMapsResourceVersion(String namespace) throws Exception {
            return api.listNamespacedConfigMap(namespace).execute().getMetadata().getResourceVersion();
        }

        @Override
        public AutoCloseable watchConfigMaps(String namespace, String resourceVersion) throws Exception {
            if (watchClient == null) {
                // The client's watch example: the same client with OkHttp's read timeout off, so idle watches live.
                watchClient = client;
                watchClient.setHttpClient(client.getHttpClient().newBuilder().readTimeout(0, TimeUnit.SECONDS).build());
            }
            CoreV1Api watchApi = new CoreV1Api(watchClient);
            // createWatch executes the call: it returns once the response headers are in.
            return Watch.createWatch(watchClient, watchApi.listNamespacedConfigMap(namespace)
                    .resourceVersion(resourceVersion).watch(true).buildCall(null), CONFIG_MAP_EVENT);
        }

        @Override
        public URI server() {
            return URI.create(client.getBasePath());
        }

        @Override
        public String rateLimiter() {
            return "none";
        }

        @Override
        public void close() {
            client.getHttpClient().dispatcher().executorService().shutdown();
            client.getHttpClient().connectionPool().evictAll();
        }
    }
}
