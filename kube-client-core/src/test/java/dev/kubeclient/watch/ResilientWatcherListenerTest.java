package dev.kubeclient.watch;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.flowcontrol.FakeClock;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.pager.ListPager;
import dev.kubeclient.pager.PageRequest;
import dev.kubeclient.rest.KubeRestClient;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.kubeclient.watch.WatchStreams.added;
import static dev.kubeclient.watch.WatchStreams.configMapList;
import static dev.kubeclient.watch.WatchStreams.gone;
import static dev.kubeclient.watch.WatchStreams.stream;
import static dev.kubeclient.watch.WatchStreams.streamThenHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The resilient watcher tells the client's listener of every restart and relist. */
class ResilientWatcherListenerTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final KubeClientListener listener = new KubeClientListener() {
        @Override
        public void watchRestarted(String watcher) {
            events.add("restarted " + watcher);
        }

        @Override
        public void watchRelisted(String watcher) {
            events.add("relisted " + watcher);
        }
    };
    private KubeRestClient client;
    private ResilientWatcher<ConfigMap> watcher;

    @AfterEach
    void tearDown() throws Exception {
        watcher.close();
        assertThat(watcher.awaitTermination(Duration.ofSeconds(5))).isTrue();
        client.close();
    }

    @Test
    void restartsAndRelistsAfterA410AreReported() {
        client = KubeRestClient.builder(RestConfig.builder().server(server.url("/").toString()).listener(listener)
                .qps(-1).build()).httpClient(new OkHttpClient()).build();
        FakeClock time = FakeClock.autoAdvancing();
        enqueueList("10", "a");
        server.enqueue(stream(added("b", "11")));
        server.enqueue(stream(added("c", "12"), gone()));
        enqueueList("40", "a", "b", "c");
        server.enqueue(streamThenHold());
        ListPager<ConfigMap> lister = ListPager.ofList((PageRequest p) -> client.get().version("v1")
                .namespace("ns").resource("configmaps").params(p.queryParameters()).as(ConfigMapList.class));

        watcher = ResilientWatcher.builder(lister,
                        request -> client.get().version("v1").namespace("ns").resource("configmaps")
                                .params(request.queryParameters()).watch(ConfigMap.class),
                        new WatchHandler<>() {
                            @Override
                            public void onEvent(WatchEvent<ConfigMap> event) {
                            }

                            @Override
                            public void onRelist(List<ConfigMap> items, String resourceVersion) {
                            }
                        })
                .name("configmaps").listener(client.listener()).watchTimeout(Duration.ofSeconds(60))
                .ticker(time).sleeper(time).build().start();

        await().atMost(Duration.ofSeconds(5)).until(() -> server.getRequestCount() >= 5);
        // list, watch, watch (restart after the server's normal end), 410 event, list (relist), watch (restart)
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 3);
        assertThat(events).containsExactly("restarted configmaps", "relisted configmaps", "restarted configmaps");
    }

    private void enqueueList(String rv, String... names) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(configMapList(rv, null, names)).build());
    }
}
