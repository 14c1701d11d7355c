package dev.kubeclient.observation;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.flowcontrol.FakeClock;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchEvent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What a {@link KubeClientListener} sees of requests and watches sent to a real HTTP server (MockWebServer), with
 * the client's monotonic clock injected so durations are exact.
 */
class ListenerObservationTest {

    private static final String ADDED = "{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
            + "\"metadata\":{\"name\":\"a\",\"namespace\":\"ns\",\"resourceVersion\":\"1\"}}}\n";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final FakeClock clock = FakeClock.autoAdvancing();
    private final List<RequestResult> finished = new CopyOnWriteArrayList<>();
    private final List<String> watches = new CopyOnWriteArrayList<>();
    private final List<Duration> openFor = new CopyOnWriteArrayList<>();
    private final OkHttpClient http = new OkHttpClient();
    private KubeRestClient client;

    @BeforeEach
    void setUp() {
        KubeClientListener listener = new KubeClientListener() {
            @Override
            public void requestFinished(RequestInfo request, RequestResult result) {
                finished.add(result);
            }

            @Override
            public void watchOpened(RequestInfo request) {
                watches.add("opened");
            }

            @Override
            public void watchClosed(RequestInfo request, Duration duration, String error) {
                openFor.add(duration);
                watches.add("closed error=" + error);
            }
        };
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).listener(listener).qps(-1).build();
        client = KubeRestClient.builder(config).httpClient(http).ticker(clock).sleeper(clock).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"200, 2xx", "201, 2xx", "304, 3xx", "404, 4xx", "429, 4xx", "500, 5xx", "503, 5xx", "0, error"})
    void theStatusClassIsABoundedTag(int code, String statusClass) {
        assertThat(new RequestResult(code, code == 0 ? "SocketTimeoutException" : null, Duration.ZERO, 1).statusClass())
                .isEqualTo(statusClass);
    }

    @Test
    void aRetriedRequestReportsItsFinalStatusItsAttemptsAndItsWholeLatency() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}")
                .build());

        assertThatThrownBy(() -> client.get().version("v1").namespace("ns").resource("configmaps").name("x").bytes())
                .hasMessageContaining("404");

        assertThat(finished).singleElement().satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.statusClass()).isEqualTo("4xx");
            assertThat(r.error()).isNull();
            assertThat(r.attempts()).isEqualTo(2);
            // The injected clock moved only by the Retry-After wait.
            assertThat(r.latency()).isEqualTo(Duration.ofSeconds(2));
        });
    }

    @Test
    void aRequestWithoutAResponseReportsTheErrorClassAndNoStatus() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(new MockResponse.Builder().body("{}").build());

        assertThatThrownBy(() -> client.post().version("v1").namespace("ns").resource("configmaps").body("{}").bytes());

        assertThat(finished).singleElement().satisfies(r -> {
            assertThat(r.statusCode()).isZero();
            assertThat(r.statusClass()).isEqualTo("error");
            assertThat(r.error()).isNotBlank().doesNotContain(" ");
        });
    }

    @Test
    void aWatchClosedByTheCallerReportsHowLongItWasOpenOnTheClientsClock() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(holdingBody(ADDED, release)).build());

        try (Watch<ConfigMap> watch = client.get().version("v1").namespace("ns").resource("configmaps")
                .param("watch", "true").watch(ConfigMap.class)) {
            WatchEvent<ConfigMap> first = watch.next();
            assertThat(first.type()).isEqualTo(WatchEvent.Type.ADDED);
            assertThat(watches).containsExactly("opened");
            clock.advance(Duration.ofSeconds(42));
        } finally {
            release.countDown();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> watches.size() == 2);
        assertThat(watches).containsExactly("opened", "closed error=null");
        assertThat(openFor).containsExactly(Duration.ofSeconds(42));
    }

    @Test
    void aWatchTheServerBreaksReportsAnErrorClassAndItsDuration() {
        String text = ADDED;
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return text.length() + 1_000;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws IOException {
                        sink.writeUtf8(text).flush();
                    }
                }).onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());

        Watch<ConfigMap> watch = client.get().version("v1").namespace("ns").resource("configmaps")
                .param("watch", "true").watch(ConfigMap.class);
        try {
            assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.ADDED);
            clock.advance(Duration.ofMillis(1500));
            assertThatThrownBy(watch::next);
        } finally {
            watch.close();
        }

        assertThat(watches).hasSize(2).first().isEqualTo("opened");
        assertThat(watches.get(1)).startsWith("closed error=").isNotEqualTo("closed error=null");
        assertThat(openFor).containsExactly(Duration.ofMillis(1500));
    }

    /** A body that sends {@code text} and then stays open until {@code release} (or 30 s). */
    private static MockResponseBody holdingBody(String text, CountDownLatch release) {
        return new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(text).flush();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
