package dev.kubeclient.watch;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.rest.RecordingListener;
import io.fabric8.kubernetes.api.model.ConfigMap;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.kubeclient.watch.WatchStreams.added;
import static dev.kubeclient.watch.WatchStreams.bookmark;
import static dev.kubeclient.watch.WatchStreams.configMap;
import static dev.kubeclient.watch.WatchStreams.event;
import static dev.kubeclient.watch.WatchStreams.gone;
import static dev.kubeclient.watch.WatchStreams.stream;
import static dev.kubeclient.watch.WatchStreams.streamThenHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class WatchTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final RecordingListener listener = new RecordingListener();
    private final OkHttpClient http = new OkHttpClient();
    private KubeRestClient client;

    @BeforeEach
    void setUp() {
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).listener(listener).qps(-1)
                .build();
        client = KubeRestClient.builder(config).httpClient(http).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private Watch<ConfigMap> watchConfigMaps() {
        return client.get().version("v1").namespace("ns").resource("configmaps").watch(ConfigMap.class);
    }

    @Test
    void decodesEveryEventTypeIntoTheRequestedClass() throws Exception {
        server.enqueue(stream(added("a", "1"), event("MODIFIED", configMap("a", "2")),
                event("DELETED", configMap("a", "3")), bookmark("4"), gone()));

        List<WatchEvent<ConfigMap>> events = new ArrayList<>();
        try (Watch<ConfigMap> watch = watchConfigMaps()) {
            watch.forEach(events::add);
            assertThat(watch.isOpen()).isFalse();
        }

        assertThat(events).extracting(WatchEvent::type).containsExactly(WatchEvent.Type.ADDED,
                WatchEvent.Type.MODIFIED, WatchEvent.Type.DELETED, WatchEvent.Type.BOOKMARK, WatchEvent.Type.ERROR);
        assertThat(events.get(1).object().getMetadata().getResourceVersion()).isEqualTo("2");
        assertThat(events.get(1).object().getData()).containsEntry("k", "v");
        assertThat(events.get(3).object().getMetadata().getResourceVersion()).isEqualTo("4");
        WatchEvent<ConfigMap> error = events.get(4);
        assertThat(error.object()).isNull();
        assertThat(error.status().getCode()).isEqualTo(410);
        assertThat(error.status().getReason()).isEqualTo("Expired");
        assertThat(error.isGone()).isTrue();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().queryParameter("watch")).isEqualTo("true");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(listener.events()).contains("watch opened /api/v1/namespaces/{namespace}/configmaps",
                "watch closed error=null");
        assertThat(listener.started()).extracting(i -> i.verb()).containsExactly("watch");
    }

    @Test
    void decodesIntoAGenericTypeAndAcceptsTheObjectBeforeTheType() {
        server.enqueue(stream("{\"object\":" + configMap("a", "7") + ",\"type\":\"ADDED\"}"));

        try (Watch<Map<String, Object>> watch = client.get().absPath("/api/v1/configmaps")
                .watch(new TypeReference<Map<String, Object>>() { })) {
            WatchEvent<Map<String, Object>> event = watch.next();
            assertThat(event.type()).isEqualTo(WatchEvent.Type.ADDED);
            assertThat(event.object()).containsEntry("kind", "ConfigMap");
            assertThat(watch.next()).isNull();
        }
    }

    @Test
    void aStreamEndedByTheServerReturnsNullAndFreesTheConnectionForReuse() {
        server.enqueue(stream(added("a", "1")));
        server.enqueue(stream(added("b", "2")));

        try (Watch<ConfigMap> first = watchConfigMaps()) {
            assertThat(first.next()).isNotNull();
            assertThat(first.next()).isNull();
        }
        try (Watch<ConfigMap> second = watchConfigMaps()) {
            assertThat(second.next().object().getMetadata().getName()).isEqualTo("b");
        }
        assertThat(http.connectionPool().connectionCount()).isEqualTo(1);
    }

    @Test
    void closeFromAnotherThreadWakesABlockedReaderAtOnce() throws Exception {
        server.enqueue(streamThenHold(added("a", "1")));
        Watch<ConfigMap> watch = watchConfigMaps();
        assertThat(watch.next()).isNotNull();

        java.util.concurrent.atomic.AtomicReference<Thread> reader = new java.util.concurrent.atomic.AtomicReference<>();
        CompletableFuture<WatchEvent<ConfigMap>> blocked = CompletableFuture.supplyAsync(() -> {
            reader.set(Thread.currentThread());
            return watch.next();
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> reader.get() != null);
        dev.kubeclient.testing.Threads.awaitBlocked(reader.get());
        assertThat(blocked).isNotDone();
        watch.close();

        // The server holds the stream open for 30 s: only the close can have ended the read sooner.
        assertThat(blocked.get(15, TimeUnit.SECONDS)).isNull();
        assertThat(watch.isOpen()).isFalse();
        assertThat(listener.count("watch closed")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> http.connectionPool().connectionCount() == 0);
    }

    @Test
    void openingAWatchReturnsAsSoonAsTheHeadersArriveEvenIfNoEventFollows() {
        server.enqueue(streamThenHold());
        CompletableFuture<Watch<ConfigMap>> opening = CompletableFuture.supplyAsync(this::watchConfigMaps);
        Watch<ConfigMap> watch = opening.orTimeout(3, TimeUnit.SECONDS).join();
        assertThat(watch.isOpen()).isTrue();
        watch.close();
        assertThat(watch.next()).isNull();
    }

    @Test
    void anErrorAnswerToTheWatchRequestIsAnApiException() {
        server.enqueue(new MockResponse.Builder().code(410).addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"gone\","
                        + "\"reason\":\"Gone\",\"code\":410}").build());

        assertThatThrownBy(this::watchConfigMaps)
                .isInstanceOf(dev.kubeclient.errors.KubeApiException.class)
                .satisfies(e -> assertThat(((dev.kubeclient.errors.KubeApiException) e).code()).isEqualTo(410));
        assertThat(listener.events()).noneMatch(e -> e.startsWith("watch opened"));
    }

    @Test
    void garbageInTheStreamIsADecodeErrorThatNamesTheRequest() {
        server.enqueue(stream(added("a", "1"), "{\"type\":\"EXPLODED\",\"object\":{}}"));
        try (Watch<ConfigMap> watch = watchConfigMaps()) {
            assertThat(watch.next()).isNotNull();
            assertThatThrownBy(watch::next).isInstanceOf(KubeClientException.class)
                    .hasMessageContaining("not a valid watch event")
                    .hasMessageContaining("EXPLODED")
                    .hasMessageContaining("/api/v1/namespaces/ns/configmaps");
        }
        assertThat(listener.events()).contains("watch closed error=IllegalArgumentException");
    }

    @Test
    void aThousandWatchOpenCloseCyclesLeaveNoThreadOrConnectionBehind() {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return streamThenHold(added("a", "1"));
            }
        });
        // Warm up, so threads that live for the whole JVM (OkHttp's task runner, the pool's cleaner) exist.
        for (int i = 0; i < 20; i++) {
            try (Watch<ConfigMap> watch = watchConfigMaps()) {
                watch.next();
            }
        }
        long threadsBefore = clientThreads();

        for (int i = 0; i < 1_000; i++) {
            try (Watch<ConfigMap> watch = watchConfigMaps()) {
                assertThat(watch.next()).isNotNull();
            }
        }

        assertThat(listener.count("watch opened")).isEqualTo(1_020);
        assertThat(listener.count("watch closed")).isEqualTo(1_020);
        assertThat(http.connectionPool().connectionCount()).isLessThanOrEqualTo(5);
        // Only threads on our side count: MockWebServer keeps its own per-connection threads for a while.
        assertThat(clientThreads()).isLessThanOrEqualTo(threadsBefore + 5);
        assertThat(http.connectionPool().idleConnectionCount()).isEqualTo(http.connectionPool().connectionCount());
    }

    private static long clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("MockWebServer"))
                .count();
    }
}
