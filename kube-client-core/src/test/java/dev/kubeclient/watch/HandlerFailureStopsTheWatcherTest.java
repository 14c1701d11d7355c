package dev.kubeclient.watch;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.flowcontrol.FakeClock;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.kubeclient.watch.WatchStreams.added;
import static dev.kubeclient.watch.WatchStreams.configMapList;
import static dev.kubeclient.watch.WatchStreams.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link WatchHandler} documents that an exception thrown by a handler method stops the watcher and is not retried
 * (the event it was handling would be lost): on the caller's thread {@code run()} rethrows it, on the watcher's own
 * thread the watcher ends. Either way nothing more is requested.
 */
class HandlerFailureStopsTheWatcherTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeClock time = FakeClock.autoAdvancing();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private KubeRestClient client;

    @BeforeEach
    void setUp() {
        client = KubeRestClient.builder(RestConfig.builder().server(server.url("/").toString()).qps(-1).build())
                .httpClient(new OkHttpClient()).build();
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(configMapList("10", null, "a")).build());
        // "b" breaks the handler; "c" would follow in the same stream, and a second watch would follow the first.
        server.enqueue(stream(added("b", "11"), added("c", "12")));
        server.enqueue(stream(added("d", "13")));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private ResilientWatcher<ConfigMap> watcher() {
        ListPager<ConfigMap> lister = ListPager.ofList((PageRequest p) -> client.get().version("v1")
                .namespace("ns").resource("configmaps").params(p.queryParameters()).as(ConfigMapList.class));
        WatchHandler<ConfigMap> handler = new WatchHandler<>() {
            @Override
            public void onEvent(WatchEvent<ConfigMap> event) {
                String name = event.object().getMetadata().getName();
                seen.add(name);
                if (name.equals("b")) {
                    throw new IllegalStateException("cannot handle " + name);
                }
            }

            @Override
            public void onRelist(List<ConfigMap> items, String resourceVersion) {
                items.forEach(i -> seen.add("relist " + i.getMetadata().getName()));
            }

            @Override
            public void onError(Throwable error) {
                seen.add("error " + error.getClass().getSimpleName());
            }
        };
        return ResilientWatcher.builder(lister,
                request -> client.get().version("v1").namespace("ns").resource("configmaps")
                        .params(request.queryParameters()).watch(ConfigMap.class),
                handler).name("failing-handler").streamingLists(StreamingLists.OFF).ticker(time).sleeper(time).build();
    }

    @Test
    void onTheCallersThreadRunRethrowsTheHandlersExceptionAndTheWatcherIsClosed() throws Exception {
        ResilientWatcher<ConfigMap> watcher = watcher();

        assertThatThrownBy(watcher::run).isInstanceOf(IllegalStateException.class).hasMessage("cannot handle b");

        assertThat(seen).containsExactly("relist a", "b");
        assertThat(watcher.isRunning()).isFalse();
        assertThat(watcher.awaitTermination(Duration.ofSeconds(10))).isTrue();
        assertThat(server.getRequestCount()).as("the list and one watch, nothing retried").isEqualTo(2);
        assertThat(time.sleeps()).as("no backoff: a handler failure is not retried").isEmpty();
    }

    @Test
    void onItsOwnThreadTheWatcherEndsAfterTheHandlersException() throws Exception {
        ResilientWatcher<ConfigMap> watcher = watcher().start();

        assertThat(watcher.awaitTermination(Duration.ofSeconds(30))).isTrue();

        assertThat(seen).containsExactly("relist a", "b");
        assertThat(watcher.isRunning()).isFalse();
        assertThat(server.getRequestCount()).as("the list and one watch, nothing retried").isEqualTo(2);
    }
}
