package dev.kubeclient.watch;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.KubeApiException;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.flowcontrol.ExponentialBackoffManager;
import dev.kubeclient.flowcontrol.FakeClock;
import dev.kubeclient.rest.RecordingListener;
import dev.kubeclient.pager.ListPager;
import dev.kubeclient.pager.PageRequest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.kubeclient.watch.WatchStreams.added;
import static dev.kubeclient.watch.WatchStreams.bookmark;
import static dev.kubeclient.watch.WatchStreams.configMapList;
import static dev.kubeclient.watch.WatchStreams.gone;
import static dev.kubeclient.watch.WatchStreams.stream;
import static dev.kubeclient.watch.WatchStreams.streamThenHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ResilientWatcherTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final RecordingListener listener = new RecordingListener();
    private final FakeClock time = FakeClock.autoAdvancing();
    private final Recorder recorder = new Recorder();
    private KubeRestClient client;
    private ResilientWatcher<ConfigMap> watcher;

    @BeforeEach
    void setUp() {
        client = KubeRestClient.builder(RestConfig.builder().server(server.url("/").toString()).listener(listener)
                .qps(-1).build()).httpClient(new OkHttpClient()).sleeper(d -> { }).build();
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
        return builder(recorder).sleeper(time);
    }

    /** A builder with this handler and the fake ticker, but the default sleeper (which close() wakes). */
    private ResilientWatcher.Builder<ConfigMap> builder(WatchHandler<ConfigMap> handler) {
        ListPager<ConfigMap> lister = ListPager.ofList((PageRequest p) -> client.get().version("v1")
                .namespace("ns").resource("configmaps").params(p.queryParameters()).as(ConfigMapList.class));
        return ResilientWatcher.builder(lister,
                request -> client.get().version("v1").namespace("ns").resource("configmaps")
                        .params(request.queryParameters()).watch(ConfigMap.class),
                handler).name("configmaps").watchTimeout(Duration.ofSeconds(60)).ticker(time)
                // These tests are about list-then-watch; StreamingListTest covers the streaming initial state.
                .streamingLists(StreamingLists.OFF);
    }

    private void list(String rv, String... names) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(configMapList(rv, null, names)).build());
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request within 5 s").isNotNull();
        return r;
    }

    @Test
    void listsThenWatchesWithBookmarksAndResumesFromTheLastVersionWhenTheStreamEnds() throws Exception {
        list("10", "a");
        server.enqueue(stream(added("b", "11"), bookmark("15")));
        server.enqueue(streamThenHold(added("c", "16")));

        watcher = builder().build().start();

        RecordedRequest listRequest = take();
        assertThat(listRequest.getUrl().queryParameter("limit")).isEqualTo("500");
        RecordedRequest firstWatch = take();
        assertThat(firstWatch.getUrl().queryParameter("watch")).isEqualTo("true");
        assertThat(firstWatch.getUrl().queryParameter("resourceVersion")).isEqualTo("10");
        assertThat(firstWatch.getUrl().queryParameter("allowWatchBookmarks")).isEqualTo("true");
        assertThat(firstWatch.getUrl().queryParameter("timeoutSeconds")).isEqualTo("60");
        RecordedRequest secondWatch = take();
        assertThat(secondWatch.getUrl().queryParameter("resourceVersion")).isEqualTo("15");

        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.log().size() >= 3);
        assertThat(recorder.log()).containsExactly("relist rv=10 [a]", "ADDED b", "ADDED c");
        assertThat(watcher.resourceVersion()).isEqualTo("16");
        assertThat(time.sleeps()).as("no backoff after a normal end").isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName()
                .equals("kube-client-watcher-configmaps") && t.isDaemon());
    }

    @Test
    void aDroppedConnectionIsReportedAndFollowedByABackoffThenAResume() throws Exception {
        server.enqueue(WatchStreams.streamThenBreak(added("b", "21")));
        server.enqueue(streamThenHold(added("c", "22")));

        watcher = builder().resourceVersion("20").build().start();

        assertThat(take().getUrl().queryParameter("resourceVersion")).isEqualTo("20");
        assertThat(take().getUrl().queryParameter("resourceVersion")).isEqualTo("21");
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.log().contains("ADDED c"));
        assertThat(recorder.log()).containsExactly("ADDED b", "error", "ADDED c");
        assertThat(time.sleeps()).singleElement().satisfies(d ->
                assertThat(d).isBetween(Duration.ofMillis(800), Duration.ofMillis(1600)));
    }

    @Test
    void anHttp410OnTheWatchLeadsToARelistAndAWatchFromTheNewVersion() throws Exception {
        server.enqueue(new MockResponse.Builder().code(410).addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Gone\","
                        + "\"code\":410}").build());
        list("50", "x", "y");
        server.enqueue(streamThenHold(added("z", "51")));

        watcher = builder().resourceVersion("5").build().start();

        take();
        assertThat(take().getUrl().queryParameter("watch")).isNull();
        assertThat(take().getUrl().queryParameter("resourceVersion")).isEqualTo("50");
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.log().contains("ADDED z"));
        assertThat(recorder.log()).containsExactly("relist rv=50 [x, y]", "ADDED z");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void anErrorEvent410OnAnOpenStreamLeadsToARelist() throws Exception {
        list("10", "a");
        server.enqueue(stream(added("b", "11"), gone()));
        list("40", "a", "b", "c");
        server.enqueue(streamThenHold());

        watcher = builder().build().start();

        for (int i = 0; i < 4; i++) {
            take();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.log().size() >= 3);
        assertThat(recorder.log()).containsExactly("relist rv=10 [a]", "ADDED b", "relist rv=40 [a, b, c]");
        await().atMost(Duration.ofSeconds(5)).until(() -> "40".equals(watcher.resourceVersion()));
        assertThat(listener.events()).filteredOn(e -> e.startsWith("watch opened")).hasSize(2);
    }

    @Test
    void anOtherErrorEventIsReportedAsATypedExceptionAndRetriedAfterABackoff() throws Exception {
        server.enqueue(stream(WatchStreams.event("ERROR", "{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                + "\"status\":\"Failure\",\"message\":\"internal error\",\"reason\":\"InternalError\",\"code\":500}")));
        server.enqueue(streamThenHold(added("c", "31")));

        watcher = builder().resourceVersion("30").build().start();

        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.log().contains("ADDED c"));
        assertThat(recorder.errors()).singleElement().isInstanceOf(KubeApiException.class);
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void startRunsOnAThreadFromTheGivenFactoryNamedAfterTheWatcher() throws Exception {
        server.enqueue(streamThenHold(added("a", "2")));
        List<Thread> made = new CopyOnWriteArrayList<>();
        BlockingQueue<String> runningOn = new LinkedBlockingQueue<>();
        watcher = builder(event -> runningOn.add(Thread.currentThread().getName())).sleeper(time).resourceVersion("1").threadFactory(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            made.add(t);
            return t;
        }).build().start();

        assertThat(runningOn.poll(5, TimeUnit.SECONDS)).isEqualTo("kube-client-watcher-configmaps");
        assertThat(made).singleElement().extracting(Thread::getName).isEqualTo("kube-client-watcher-configmaps");
    }

    @Test
    void aThreadFactoryThatCreatesNoThreadIsReportedOnStart() {
        ResilientWatcher<ConfigMap> refused = builder().resourceVersion("1").threadFactory(r -> null).build();

        assertThatThrownBy(refused::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused to create").hasMessageContaining("configmaps");
    }

    @Test
    void closeStopsTheWatcherPromptlyEvenWhileItWaitsForAnAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(30, TimeUnit.SECONDS).build());
        watcher = builder().resourceVersion("1").build().start();
        take();

        watcher.close();
        // Far below the server's 30 s delay: only the close can have ended the wait.
        assertThat(watcher.awaitTermination(Duration.ofSeconds(15))).isTrue();
        assertThat(watcher.isRunning()).isFalse();
    }

    @Test
    void runOnTheCallersThreadEndsOnCloseWithoutLeavingAnInterrupt() throws Exception {
        server.enqueue(streamThenHold(added("a", "2")));
        watcher = builder().resourceVersion("1").build();
        BlockingQueue<Boolean> interruptedAfterRun = new LinkedBlockingQueue<>();
        Thread caller = new Thread(() -> {
            watcher.run();
            interruptedAfterRun.add(Thread.currentThread().isInterrupted());
        }, "test-caller");
        caller.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.log().contains("ADDED a"));

        watcher.close();

        assertThat(interruptedAfterRun.poll(3, TimeUnit.SECONDS)).isFalse();
    }

    // ---- relists back off (issue 11.3)

    @Test
    void repeated410sSpaceTheRelistsByTheBackoffAndAHealthyWatchResetsIt() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        WatchHandler<ConfigMap> handler = WatchHandler.of(event -> {
            seen.add(event.type() + " " + event.object().getMetadata().getName());
            // This watch stays healthy for three minutes before the server expires its version.
            time.advance(Duration.ofMinutes(3));
        }, (items, rv) -> seen.add("relist rv=" + rv));
        list("10");
        server.enqueue(stream(gone()));
        list("20");
        server.enqueue(stream(gone()));
        list("30");
        server.enqueue(stream(gone()));
        list("40");
        server.enqueue(stream(added("healthy", "41"), gone()));
        list("50");
        server.enqueue(stream(gone()));
        list("60");
        server.enqueue(streamThenHold());

        watcher = builder(handler).sleeper(time)
                .backoff(ExponentialBackoffManager.builder().jitter(0).ticker(time).build()).build().start();

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("relist rv=60"));
        assertThat(seen).containsExactly("relist rv=10", "relist rv=20", "relist rv=30", "relist rv=40",
                "ADDED healthy", "relist rv=50", "relist rv=60");
        assertThat(time.sleeps()).as("800 ms doubling; none after the healthy watch; then 800 ms again")
                .containsExactly(Duration.ofMillis(800), Duration.ofMillis(1600), Duration.ofMillis(3200),
                        Duration.ofMillis(800));
    }

    // ---- close() never interrupts user code (issue 11.6)

    @Test
    void closeDoesNotInterruptARunningHandlerAndTheWatcherStopsAfterItReturns(@TempDir Path dir) throws Exception {
        server.enqueue(streamThenHold(added("a", "2"), added("b", "3")));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> inHandler = new CopyOnWriteArrayList<>();
        WatchHandler<ConfigMap> handler = event -> {
            try (FileChannel channel = FileChannel.open(dir.resolve("out"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                inHandler.add("event " + event.object().getMetadata().getName());
                entered.countDown();
                if (!release.await(10, TimeUnit.SECONDS)) {
                    inHandler.add("never released");
                }
                inHandler.add("interrupted=" + Thread.currentThread().isInterrupted());
                channel.write(ByteBuffer.wrap("written after close".getBytes(StandardCharsets.UTF_8)));
                inHandler.add("channel open=" + channel.isOpen());
            } catch (InterruptedException e) {
                inHandler.add("InterruptedException");
            } catch (IOException e) {
                inHandler.add(e.getClass().getSimpleName());
            }
        };
        watcher = builder(handler).resourceVersion("1").build().start();
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        watcher.close();

        assertThat(watcher.awaitTermination(Duration.ofMillis(100))).as("still inside the handler").isFalse();
        assertThat(watcher.isRunning()).isTrue();
        release.countDown();
        assertThat(watcher.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(inHandler).containsExactly("event a", "interrupted=false", "channel open=true");
        assertThat(Files.readString(dir.resolve("out"))).isEqualTo("written after close");
        assertThat(watcher.failure()).isEmpty();
    }

    @Test
    void closeCalledFromInsideTheHandlerStopsTheWatcherAfterItReturns() throws Exception {
        server.enqueue(streamThenHold(added("a", "2"), added("b", "3")));
        List<String> seen = new CopyOnWriteArrayList<>();
        watcher = builder(event -> {
            seen.add(event.object().getMetadata().getName());
            watcher.close();
            seen.add("interrupted=" + Thread.currentThread().isInterrupted());
        }).resourceVersion("1").build();
        watcher.start();

        assertThat(watcher.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(seen).containsExactly("a", "interrupted=false");
    }

    @Test
    void closeStopsAWatcherWaitingInABackoffPromptly() throws Exception {
        server.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\","
                        + "\"code\":403}").build());
        // A ten-minute backoff on the default sleeper: only close() can end it in time.
        watcher = builder(recorder).resourceVersion("1").backoff(ExponentialBackoffManager.builder()
                .initial(Duration.ofMinutes(10)).max(Duration.ofMinutes(10)).ticker(time).build()).build().start();
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.errors().size() == 1);

        watcher.close();

        assertThat(watcher.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void closeStopsAWatcherReadingAQuietStreamPromptly() throws Exception {
        // The stream stays open, without events, for 30 s unless the client goes away.
        server.enqueue(streamThenHold());
        watcher = builder(recorder).resourceVersion("1").build().start();
        take();
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.events().stream()
                .anyMatch(e -> e.startsWith("watch opened")));

        watcher.close();

        assertThat(watcher.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(recorder.errors()).isEmpty();
    }

    // ---- a handler exception stops the watcher (issue 11, tests)

    @Test
    void anExceptionFromOnEventStopsTheWatcherAndIsKeptAsItsFailure() throws Exception {
        server.enqueue(streamThenHold(added("a", "2"), added("b", "3")));
        IllegalStateException boom = new IllegalStateException("handler bug");
        List<String> seen = new CopyOnWriteArrayList<>();
        watcher = builder(event -> {
            seen.add(event.object().getMetadata().getName());
            throw boom;
        }).resourceVersion("1").build().start();

        assertThat(watcher.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(watcher.isRunning()).isFalse();
        assertThat(watcher.failure()).containsSame(boom);
        assertThat(seen).as("no event after the one that failed").containsExactly("a");
        assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
    }

    @Test
    void anExceptionFromOnRelistIsThrownByRunAndStopsTheWatcher() throws Exception {
        list("10", "a");
        IllegalStateException boom = new IllegalStateException("cannot store the state");
        watcher = builder(WatchHandler.<ConfigMap>of(e -> { }, (items, rv) -> {
            throw boom;
        })).streamingLists(StreamingLists.OFF).build();

        assertThatThrownBy(watcher::run).isSameAs(boom);
        assertThat(watcher.isRunning()).isFalse();
        assertThat(watcher.failure()).containsSame(boom);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anExceptionFromOnErrorStopsTheWatcherToo() throws Exception {
        server.enqueue(WatchStreams.streamThenBreak(added("b", "21")));
        RuntimeException boom = new RuntimeException("alerting is down");
        watcher = builder(new WatchHandler<ConfigMap>() {
            @Override
            public void onEvent(WatchEvent<ConfigMap> event) {
            }

            @Override
            public void onError(Throwable error) {
                throw boom;
            }
        }).sleeper(time).resourceVersion("20").build().start();

        assertThat(watcher.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(watcher.failure()).containsSame(boom);
        assertThat(time.sleeps()).as("no backoff: the watcher stopped").isEmpty();
    }

    // ---- WatchHandler as a lambda (issue 11.10)

    @Test
    void aLambdaHandlerGetsTheListedObjectsAsAddedEventsThenTheChanges() throws Exception {
        list("10", "a", "b");
        server.enqueue(streamThenHold(added("c", "11")));
        List<String> seen = new CopyOnWriteArrayList<>();

        watcher = builder(event -> seen.add(event.type() + " " + event.object().getMetadata().getName()))
                .sleeper(time).streamingLists(StreamingLists.OFF).build().start();

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= 3);
        assertThat(seen).containsExactly("ADDED a", "ADDED b", "ADDED c");
    }

    @Test
    void watchHandlerOfTakesTwoLambdasAndRejectsNulls() throws Exception {
        list("10", "a");
        server.enqueue(streamThenHold(added("c", "11")));
        List<String> seen = new CopyOnWriteArrayList<>();

        watcher = builder(WatchHandler.<ConfigMap>of(event -> seen.add(event.type().name()),
                (items, rv) -> seen.add("state of " + items.size() + " at " + rv)))
                .sleeper(time).streamingLists(StreamingLists.OFF).build().start();

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= 2);
        assertThat(seen).containsExactly("state of 1 at 10", "ADDED");
        assertThatThrownBy(() -> WatchHandler.of(null, (items, rv) -> { })).isInstanceOf(NullPointerException.class)
                .hasMessage("onEvent");
        assertThatThrownBy(() -> WatchHandler.of(e -> { }, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("onRelist");
    }

    /** Records what the watcher hands over, as short lines. */
    static final class Recorder implements WatchHandler<ConfigMap> {
        private final List<String> log = new ArrayList<>();
        private final List<Throwable> errors = new ArrayList<>();

        @Override
        public synchronized void onEvent(WatchEvent<ConfigMap> event) {
            log.add(event.type() + " " + event.object().getMetadata().getName());
        }

        @Override
        public synchronized void onRelist(List<ConfigMap> items, String resourceVersion) {
            log.add("relist rv=" + resourceVersion + " " + items.stream().map(c -> c.getMetadata().getName())
                    .toList());
        }

        @Override
        public synchronized void onError(Throwable error) {
            log.add("error");
            errors.add(error);
        }

        synchronized List<String> log() {
            return List.copyOf(log);
        }

        synchronized List<Throwable> errors() {
            return List.copyOf(errors);
        }
    }
}
