package dev.kubeclient.testing.server;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.watch.Watch;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** A watch the client closes is released on the server (its thread and subscription), over either protocol. */
class WatchCleanupTest {

    @ParameterizedTest(name = "http2={0}")
    @ValueSource(booleans = {true, false})
    void closedWatchIsReleasedByTheServer(boolean http2) {
        try (KubeApiServer server = KubeApiServer.start();
             Clientset clientset = Clientset.create(server.restConfig().toBuilder().disableHttp2(!http2).build())) {
            Watch<ConfigMap> watch = clientset.coreV1().configMaps("default").watch(ListOptions.builder()
                    .resourceVersion(Long.toString(server.resourceVersion())).build());
            await().until(() -> server.openWatches() == 1);
            watch.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.openWatches() == 0);
        }
    }
}
