package dev.kubeclient.discovery;

import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.flowcontrol.FakeClock;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.GroupVersionKind;
import dev.kubeclient.scheme.GroupVersionResource;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the REST mapper refreshes discovery on a miss: not while fresh, one refresh for concurrent misses, at most one
 * per interval, and only the named group when the name carries one. Counts the requests a MockWebServer receives.
 */
class RestMapperRefreshTest {

    /** The legacy fixture's full discovery read: /api, /apis and five group-versions. */
    private static final int FULL_READ_REQUESTS = 7;

    private static final String WIDGET_GROUP = "{\"kind\":\"APIGroup\",\"apiVersion\":\"v1\",\"name\":\"example.com\","
            + "\"versions\":[{\"groupVersion\":\"example.com/v1\",\"version\":\"v1\"}],"
            + "\"preferredVersion\":{\"groupVersion\":\"example.com/v1\",\"version\":\"v1\"}}";
    private static final String WIDGETS = "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\","
            + "\"groupVersion\":\"example.com/v1\",\"resources\":[{\"name\":\"widgets\",\"singularName\":\"widget\","
            + "\"namespaced\":true,\"kind\":\"Widget\",\"verbs\":[\"get\",\"list\"],\"shortNames\":[\"wd\"]}]}";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeClock clock = FakeClock.manual();
    private final FixtureDispatcher dispatcher = FixtureDispatcher.legacy();
    private KubeRestClient rest;

    private RestMapper mapper() {
        server.setDispatcher(dispatcher);
        rest = TestClients.unthrottled(server);
        return RestMapper.builder(CachedDiscoveryClient.wrap(DiscoveryClient.create(rest)))
                .minRefreshInterval(Duration.ofSeconds(1)).ticker(clock).build();
    }

    @AfterEach
    void tearDown() {
        if (rest != null) {
            rest.close();
        }
    }

    private void installWidgetCrd() {
        String apis = FixtureDispatcher.read("legacy-1.20/apis-trimmed.json").replace("]}", ","
                + WIDGET_GROUP.replace("\"kind\":\"APIGroup\",\"apiVersion\":\"v1\",", "") + "]}");
        dispatcher.respond("/apis", new MockResponse.Builder().body(apis).build());
        dispatcher.respond("/apis/example.com", new MockResponse.Builder().body(WIDGET_GROUP).build());
        dispatcher.respond("/apis/example.com/v1", new MockResponse.Builder().body(WIDGETS).build());
    }

    private static int misses(RestMapper mapper, int lookups, String kind, Duration clockStep, FakeClock clock) {
        int misses = 0;
        for (int i = 0; i < lookups; i++) {
            try {
                mapper.mappingFor(kind);
            } catch (NoMatchException e) {
                misses++;
            }
            clock.advance(clockStep);
        }
        return misses;
    }

    @Test
    void aThousandLookupsOfAnAbsentKindWithinTheIntervalReadDiscoveryOnce() {
        RestMapper mapper = mapper();

        assertThat(misses(mapper, 1000, "Gizmo", Duration.ofNanos(500_000), clock)).isEqualTo(1000);

        assertThat(dispatcher.count("/api")).isEqualTo(1);
        assertThat(dispatcher.count("/apis")).isEqualTo(1);
        assertThat(dispatcher.total()).isEqualTo(FULL_READ_REQUESTS);
    }

    @Test
    void aThousandLookupsOfAnAbsentKindOverOneAndAHalfIntervalsRefreshOnce() {
        RestMapper mapper = mapper();

        // 1.5 ms apart: the lookups span 1.5 s, so the interval (1 s) ends once while they run.
        assertThat(misses(mapper, 1000, "Gizmo", Duration.ofNanos(1_500_000), clock)).isEqualTo(1000);

        assertThat(dispatcher.count("/apis")).isEqualTo(2);
        assertThat(dispatcher.total()).isEqualTo(2 * FULL_READ_REQUESTS);
    }

    @Test
    void aThousandLookupsOfAnAbsentGroupQualifiedKindAskOnlyForThatGroup() {
        RestMapper mapper = mapper();

        assertThat(misses(mapper, 1000, "Gizmo.example.com", Duration.ofNanos(1_500_000), clock)).isEqualTo(1000);

        assertThat(dispatcher.count("/apis")).isEqualTo(1);
        assertThat(dispatcher.count("/apis/example.com")).isEqualTo(1);
        assertThat(dispatcher.total()).isEqualTo(FULL_READ_REQUESTS + 1);
    }

    @Test
    void concurrentMissesShareOneRefresh() throws Exception {
        RestMapper mapper = mapper();
        mapper.mappingFor("Deployment");
        clock.advance(Duration.ofSeconds(2));
        CountDownLatch refreshArrived = new CountDownLatch(1);
        CountDownLatch releaseRefresh = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if ("/apis".equals(request.getUrl().encodedPath())) {
                    refreshArrived.countDown();
                    assertThat(releaseRefresh.await(30, TimeUnit.SECONDS)).isTrue();
                }
                return dispatcher.dispatch(request);
            }
        });
        int callers = 16;
        AtomicInteger noMatch = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread t = new Thread(() -> {
                try {
                    mapper.mappingFor("Gizmo");
                } catch (NoMatchException e) {
                    noMatch.incrementAndGet();
                }
            }, "mapper-caller-" + i);
            threads.add(t);
            t.start();
        }

        assertThat(refreshArrived.await(30, TimeUnit.SECONDS)).isTrue();
        // Every other caller is now parked behind the refresh under way.
        awaitParked(threads, callers - 1);
        releaseRefresh.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
        }

        assertThat(noMatch).hasValue(callers);
        assertThat(dispatcher.count("/apis")).as("initial read plus one shared refresh").isEqualTo(2);
        assertThat(dispatcher.total()).isEqualTo(2 * FULL_READ_REQUESTS);
    }

    @Test
    void aCallerWaitingForAnotherCallersRefreshCanBeInterrupted() throws Exception {
        RestMapper mapper = mapper();
        mapper.mappingFor("Deployment");
        clock.advance(Duration.ofSeconds(2));
        CountDownLatch refreshArrived = new CountDownLatch(1);
        CountDownLatch releaseRefresh = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if ("/apis".equals(request.getUrl().encodedPath())) {
                    refreshArrived.countDown();
                    assertThat(releaseRefresh.await(30, TimeUnit.SECONDS)).isTrue();
                }
                return dispatcher.dispatch(request);
            }
        });
        Thread refresher = new Thread(() -> catchNoMatch(mapper), "mapper-refresher");
        refresher.start();
        assertThat(refreshArrived.await(30, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Throwable> waiterFailure = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                mapper.mappingFor("Gizmo");
            } catch (RuntimeException e) {
                waiterFailure.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        }, "mapper-waiter");
        waiter.start();
        awaitParked(List.of(waiter), 1);

        waiter.interrupt();
        waiter.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(waiter.isAlive()).isFalse();
        assertThat(waiterFailure.get()).isInstanceOf(KubeClientException.class)
                .hasMessageContaining("interrupted while waiting for a discovery refresh");
        assertThat(flagKept).isTrue();
        releaseRefresh.countDown();
        refresher.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(refresher.isAlive()).isFalse();
    }

    private static void catchNoMatch(RestMapper mapper) {
        try {
            mapper.mappingFor("Gizmo");
        } catch (NoMatchException expected) {
            // the refresh found nothing, as intended
        }
    }

    private static void awaitParked(List<Thread> threads, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (threads.stream().filter(t -> t.getState() == Thread.State.WAITING).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("callers did not queue behind the refresh: "
                        + threads.stream().map(Thread::getState).toList());
            }
            Thread.onSpinWait();
            Thread.sleep(1);
        }
    }

    @Test
    void aFailedRefreshIsNotRetriedOnEveryMiss() {
        RestMapper mapper = mapper();
        mapper.mappingFor("Deployment");
        dispatcher.status("/apis", 500, "InternalError", "etcd is down");
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> mapper.mappingFor("Gizmo")).isNotInstanceOf(NoMatchException.class)
                .isInstanceOf(KubeClientException.class);
        assertThat(misses(mapper, 100, "Gizmo", Duration.ofMillis(1), clock)).isEqualTo(100);
        assertThat(mapper.mappingFor("Deployment").resource().resource()).as("still known").isEqualTo("deployments");

        assertThat(dispatcher.count("/apis")).isEqualTo(2);
    }

    @Test
    void aNewCustomResourceBecomesVisibleAfterTheInterval() {
        RestMapper mapper = mapper();
        mapper.mappingFor("Deployment");
        installWidgetCrd();

        assertThatThrownBy(() -> mapper.mappingFor("Widget")).isInstanceOf(NoMatchException.class);
        assertThat(dispatcher.count("/apis")).as("no refresh while fresh").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        RestMapping widget = mapper.mappingFor("Widget");

        assertThat(widget.resource()).isEqualTo(GroupVersionResource.parse("example.com/v1/widgets"));
        assertThat(mapper.resourceFor("wd").resource().resource()).isEqualTo("widgets");
        assertThat(dispatcher.count("/apis")).isEqualTo(2);
    }

    @Test
    void aGroupQualifiedMissRefreshesOnlyThatGroup() {
        RestMapper mapper = mapper();
        mapper.mappingFor("Deployment");
        installWidgetCrd();
        clock.advance(Duration.ofSeconds(1));
        int before = dispatcher.total();

        assertThat(mapper.mappingFor("Widget.example.com").resource())
                .isEqualTo(GroupVersionResource.parse("example.com/v1/widgets"));
        assertThat(mapper.mappingFor(new GroupVersionKind("example.com", "v1", "Widget")).namespaced()).isTrue();

        assertThat(dispatcher.total() - before).as("GET /apis/example.com and /apis/example.com/v1").isEqualTo(2);
        assertThat(dispatcher.count("/apis/example.com")).isEqualTo(1);
        assertThat(dispatcher.count("/apis/example.com/v1")).isEqualTo(1);
        assertThat(dispatcher.count("/apis")).isEqualTo(1);
        // What the mapper knew of other groups is kept.
        assertThat(mapper.resourceFor("deploy").resource()).isEqualTo(GroupVersionResource.parse("apps/v1/deployments"));
        assertThat(dispatcher.total() - before).isEqualTo(2);
    }

    @Test
    void aGroupRefreshNoticesARemovedGroup() {
        installWidgetCrd();
        RestMapper mapper = mapper();
        assertThat(mapper.mappingFor("Widget.example.com")).isNotNull();
        dispatcher.status("/apis/example.com", 404, "NotFound", "the server could not find the requested resource");
        clock.advance(Duration.ofSeconds(1));

        assertThat(mapper.mappingFor("Widget.example.com")).as("found without a refresh").isNotNull();
        assertThatThrownBy(() -> mapper.mappingFor(new GroupVersionKind("example.com", "v2", "Widget")))
                .isInstanceOf(NoMatchException.class)
                .hasMessageContaining("after refreshing discovery")
                .hasMessageContaining("the server does not serve API group 'example.com'");
        assertThatThrownBy(() -> mapper.mappingFor("Widget.example.com")).isInstanceOf(NoMatchException.class);
    }

    @Test
    void theNoMatchMessageSaysHowOldDiscoveryIsAndHowToForceARefresh() {
        RestMapper mapper = mapper();
        mapper.mappingFor("Deployment");
        clock.advance(Duration.ofMillis(250));

        assertThatThrownBy(() -> mapper.mappingFor("Gizmo.example.com"))
                .isInstanceOf(NoMatchException.class)
                .hasMessageStartingWith("no kind 'Gizmo.example.com' is served by the API server (compared with the "
                        + "kind of ")
                .hasMessageEndingWith(" resources, case-insensitively, in discovery read 250 ms ago; a miss refreshes "
                        + "it at most every 1000 ms, RestMapper.reset() forces it); the server does not serve API group "
                        + "'example.com' (is its CRD installed?); discovery failed for [metrics.k8s.io/v1beta1], which "
                        + "may serve it")
                .satisfies(e -> assertThat(((NoMatchException) e).searchedFor()).isEqualTo("Gizmo.example.com"));
        assertThat(dispatcher.total()).isEqualTo(FULL_READ_REQUESTS);
    }

    @Test
    void resetForcesARefreshWithinTheInterval() {
        RestMapper mapper = mapper();
        mapper.mappingFor("Deployment");
        installWidgetCrd();

        mapper.reset();

        assertThat(mapper.mappingFor("Widget").resource().resource()).isEqualTo("widgets");
        assertThat(dispatcher.count("/apis")).isEqualTo(2);
    }

    @Test
    void aZeroIntervalRefreshesOnEveryMiss() {
        server.setDispatcher(dispatcher);
        rest = TestClients.unthrottled(server);
        RestMapper mapper = RestMapper.builder(CachedDiscoveryClient.wrap(DiscoveryClient.create(rest)))
                .minRefreshInterval(Duration.ZERO).ticker(clock).build();

        assertThat(misses(mapper, 3, "Gizmo", Duration.ZERO, clock)).isEqualTo(3);

        assertThat(dispatcher.count("/apis")).isEqualTo(4);
    }

    @Test
    void theDefaultIntervalIsOneSecond() {
        server.setDispatcher(dispatcher);
        rest = TestClients.unthrottled(server);

        assertThat(RestMapper.create(CachedDiscoveryClient.wrap(DiscoveryClient.create(rest))).minRefreshInterval())
                .isEqualTo(Duration.ofSeconds(1)).isEqualTo(RestMapper.DEFAULT_MIN_REFRESH_INTERVAL);
    }

    @Test
    void aNegativeIntervalIsRejected() {
        RestMapper.Builder builder = RestMapper.builder(CachedDiscoveryClient.wrap(DiscoveryClient.create(
                TestClients.rest(server))));

        assertThatThrownBy(() -> builder.minRefreshInterval(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minRefreshInterval must be zero or positive, got PT-0.001S");
        assertThatThrownBy(() -> builder.minRefreshInterval(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
