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
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.kubeclient.watch.WatchStreams.added;
import static dev.kubeclient.watch.WatchStreams.configMapList;
import static dev.kubeclient.watch.WatchStreams.gone;
import static dev.kubeclient.watch.WatchStreams.stream;
import static dev.kubeclient.watch.WatchStreams.streamThenBreak;
import static dev.kubeclient.watch.WatchStreams.streamThenHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The resilient watcher's streaming lists (KEP-3157) against answers shaped like a current server's (the fixtures
 * under {@code watch/streaming-list}, see its README) and like servers that refuse or ignore them.
 */
class StreamingListTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeClock time = FakeClock.autoAdvancing();
    private final ResilientWatcherTest.Recorder recorder = new ResilientWatcherTest.Recorder();
    private KubeRestClient client;
    private ResilientWatcher<ConfigMap> watcher;

    @BeforeEach
    void setUp() {
        client = KubeRestClient.builder(RestConfig.builder().server(server.url("/").toString()).qps(-1).build())
                .httpClient(new OkHttpClient()).sleeper(d -> { }).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (watcher != null) {
            watcher.close();
            assertThat(watcher.awaitTermination(Duration.ofSeconds(5))).isTrue();
        }
        client.close();
    }

    private ResilientWatcher.Builder<ConfigMap> builder() {
        ListPager<ConfigMap> lister = ListPager.ofList((PageRequest p) -> client.get().version("v1")
                .namespace("ns").resource("configmaps").params(p.queryParameters()).as(ConfigMapList.class));
        return ResilientWatcher.builder(lister,
                request -> client.get().version("v1").namespace("ns").resource("configmaps")
                        .params(request.queryParameters()).watch(ConfigMap.class),
                recorder).name("configmaps").watchTimeout(Duration.ofSeconds(60)).ticker(time).sleeper(time);
    }

    static String fixture(String name) {
        try (InputStream in = StreamingListTest.class.getResourceAsStream("/watch/streaming-list/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void list(String rv, String... names) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(configMapList(rv, null, names)).build());
    }

    private void refusedLike120() {
        server.enqueue(new MockResponse.Builder().code(422).addHeader("Content-Type", "application/json")
                .body(fixture("refused-by-1.20.json")).build());
    }

    private HttpUrl take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request within 5 s").isNotNull();
        return r.getUrl();
    }

    private static void assertStreamingList(HttpUrl url) {
        assertThat(url.queryParameter("watch")).isEqualTo("true");
        assertThat(url.queryParameter("sendInitialEvents")).isEqualTo("true");
        assertThat(url.queryParameter("resourceVersionMatch")).isEqualTo("NotOlderThan");
        assertThat(url.queryParameter("allowWatchBookmarks")).isEqualTo("true");
        assertThat(url.queryParameter("resourceVersion")).isNull();
        assertThat(url.queryParameter("limit")).isNull();
    }

    @Test
    void theInitialStateIsStreamedAndHandedOverAtTheEndBookmarkThenTheSameStreamGoesOn() throws Exception {
        server.enqueue(streamThenHold(fixture("initial-events.jsonl") + fixture("changes.jsonl")));

        watcher = builder().build().start();

        assertStreamingList(take());
        await().atMost(Duration.ofSeconds(5)).until(() -> "4730".equals(watcher.resourceVersion()));
        assertThat(recorder.log()).containsExactly("relist rv=4720 [a, b]", "MODIFIED a");
        assertThat(server.getRequestCount()).as("no LIST").isEqualTo(1);
        assertThat(watcher.streamsInitialState()).isTrue();
        assertThat(recorder.errors()).isEmpty();
    }

    @Test
    void afterTheStreamEndsTheWatcherResumesWithAPlainWatchFromTheLastVersion() throws Exception {
        server.enqueue(stream(fixture("initial-events.jsonl")));
        server.enqueue(streamThenHold(fixture("changes.jsonl")));

        watcher = builder().build().start();

        assertStreamingList(take());
        HttpUrl resume = take();
        assertThat(resume.queryParameter("resourceVersion")).isEqualTo("4720");
        assertThat(resume.queryParameter("sendInitialEvents")).isNull();
        assertThat(resume.queryParameter("resourceVersionMatch")).isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.log().size() >= 2);
        assertThat(recorder.log()).containsExactly("relist rv=4720 [a, b]", "MODIFIED a");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void after410TheStateIsStreamedAgain() throws Exception {
        server.enqueue(stream(fixture("initial-events.jsonl"), gone()));
        server.enqueue(streamThenHold(fixture("initial-events.jsonl").replace("\"name\":\"b\"", "\"name\":\"c\"")));

        watcher = builder().build().start();

        assertStreamingList(take());
        assertStreamingList(take());
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.log().size() >= 2);
        assertThat(recorder.log()).containsExactly("relist rv=4720 [a, b]", "relist rv=4720 [a, c]");
        assertThat(time.sleeps()).as("the second state follows the first at once: backed off").hasSize(1);
    }

    @Test
    void aStreamingListAnswered410IsRetriedAfterABackoffNotInATightLoop() throws Exception {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(410).addHeader("Content-Type", "application/json")
                    .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Gone\","
                            + "\"code\":410}").build());
        }
        server.enqueue(streamThenHold(fixture("initial-events.jsonl")));

        watcher = builder().build().start();

        for (int i = 0; i < 3; i++) {
            assertStreamingList(take());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !recorder.log().isEmpty());
        assertThat(recorder.log()).containsExactly("relist rv=4720 [a, b]");
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void aServerThatRefusesStreamingListsLikeA120OneGetsAListThenAWatchAndNoFurtherStreamingList() throws Exception {
        refusedLike120();
        list("10", "a");
        server.enqueue(stream(added("b", "11"), gone()));
        list("20", "a", "b", "c");
        server.enqueue(streamThenHold());

        watcher = builder().build().start();

        assertStreamingList(take());
        assertThat(take().queryParameter("watch")).as("a LIST").isNull();
        assertThat(take().queryParameter("resourceVersion")).isEqualTo("10");
        assertThat(take().queryParameter("watch")).as("after 410: a LIST again, no second try").isNull();
        HttpUrl watch = take();
        assertThat(watch.queryParameter("resourceVersion")).isEqualTo("20");
        assertThat(watch.queryParameter("sendInitialEvents")).isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.log().size() >= 3);
        assertThat(recorder.log()).containsExactly("relist rv=10 [a]", "ADDED b", "relist rv=20 [a, b, c]");
        assertThat(watcher.streamsInitialState()).isFalse();
        assertThat(recorder.errors()).as("a refusal is not a failure").isEmpty();
    }

    @Test
    void aServerThatIgnoresSendInitialEventsIsNoticedAtTheFirstEventThatIsNotAnAdd() throws Exception {
        // An old server that does not know the parameters sends a plain watch from "now": synthetic ADDED events
        // for what exists, then changes, and never the closing bookmark.
        server.enqueue(streamThenHold(added("a", "5"), WatchStreams.event("MODIFIED",
                WatchStreams.configMap("a", "6"))));
        list("6", "a");
        server.enqueue(streamThenHold());

        watcher = builder().build().start();

        assertStreamingList(take());
        assertThat(take().queryParameter("watch")).isNull();
        assertThat(take().queryParameter("resourceVersion")).isEqualTo("6");
        await().atMost(Duration.ofSeconds(5)).until(() -> !recorder.log().isEmpty());
        assertThat(recorder.log()).as("nothing from the ignored stream is handed over")
                .containsExactly("relist rv=6 [a]");
        assertThat(watcher.streamsInitialState()).isFalse();
    }

    @Test
    void aStreamThatEndsBeforeTheEndBookmarkFallsBackToAList() throws Exception {
        server.enqueue(stream(added("a", "5"), WatchStreams.bookmark("7")));
        list("7", "a");
        server.enqueue(streamThenHold());

        watcher = builder().build().start();

        assertStreamingList(take());
        assertThat(take().queryParameter("watch")).isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> !recorder.log().isEmpty());
        assertThat(recorder.log()).containsExactly("relist rv=7 [a]");
        assertThat(watcher.streamsInitialState()).isFalse();
    }

    @Test
    void aConnectionThatBreaksDuringTheInitialEventsIsRetriedAsAStreamingListAfterABackoff() throws Exception {
        server.enqueue(streamThenBreak(added("a", "4711")));
        server.enqueue(streamThenHold(fixture("initial-events.jsonl")));

        watcher = builder().build().start();

        assertStreamingList(take());
        assertStreamingList(take());
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.log().contains("relist rv=4720 [a, b]"));
        assertThat(recorder.log()).containsExactly("error", "relist rv=4720 [a, b]");
        assertThat(time.sleeps()).hasSize(1);
        assertThat(watcher.streamsInitialState()).isTrue();
    }

    @Test
    void offAlwaysLists() throws Exception {
        list("10", "a");
        server.enqueue(streamThenHold());

        watcher = builder().streamingLists(StreamingLists.OFF).build().start();

        assertThat(take().queryParameter("watch")).isNull();
        assertThat(take().queryParameter("sendInitialEvents")).isNull();
        assertThat(watcher.streamsInitialState()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> !recorder.log().isEmpty());
        assertThat(recorder.log()).containsExactly("relist rv=10 [a]");
    }

    @Test
    void watchRequestRejectsInitialEventsWithoutBookmarks() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WatchRequest(null, false, null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowWatchBookmarks=true");
        assertThat(WatchRequest.initialEvents(Duration.ofSeconds(90)).queryParameters()).containsExactly(
                java.util.Map.entry("allowWatchBookmarks", "true"), java.util.Map.entry("sendInitialEvents", "true"),
                java.util.Map.entry("resourceVersionMatch", "NotOlderThan"),
                java.util.Map.entry("timeoutSeconds", "90"));
        assertThat(List.of(StreamingLists.values())).containsExactly(StreamingLists.AUTO, StreamingLists.OFF);
    }
}
