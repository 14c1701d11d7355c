package dev.kubeclient.rest;

import dev.kubeclient.flowcontrol.FakeClock;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.InternalErrorException;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.errors.TooManyRequestsException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final RecordingListener listener = new RecordingListener();
    private final FakeClock time = FakeClock.autoAdvancing();
    private KubeRestClient client;

    @BeforeEach
    void setUp() {
        client = client(RestConfig.builder().server(server.url("/").toString()).listener(listener).qps(-1).build());
    }

    private KubeRestClient client(RestConfig config) {
        // No OkHttp-level retries: what is re-sent must be our decision.
        OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        return KubeRestClient.builder(config).httpClient(http).ticker(time).sleeper(time).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static MockResponse tooMany(String retryAfter) {
        MockResponse.Builder b = new MockResponse.Builder().code(429).addHeader("Content-Type", "text/plain")
                .body("Too many requests, please try again later.");
        if (retryAfter != null) {
            b.addHeader("Retry-After", retryAfter);
        }
        return b.build();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{}").build();
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndSentAgain() {
        server.enqueue(tooMany("3"));
        server.enqueue(ok());

        assertThat(client.get().absPath("/api/v1/pods").bytes()).isNotEmpty();

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(listener.events()).containsExactly(
                "started list /api/v1/pods",
                "429 retryAfter=PT3S",
                "retried TOO_MANY_REQUESTS attempt=2 delay=PT3S",
                "finished list 200 attempts=2");
    }

    @Test
    void aLongRetryAfterIsCappedAtSixtySeconds() {
        server.enqueue(tooMany("3600"));
        server.enqueue(ok());

        client.get().absPath("/api/v1/pods").bytes();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void afterTenRetriesTheLast429IsThrownAsATypedException() {
        for (int i = 0; i < 11; i++) {
            server.enqueue(tooMany("1"));
        }

        assertThatThrownBy(() -> client.get().absPath("/api/v1/pods").bytes())
                .isInstanceOf(TooManyRequestsException.class);

        assertThat(server.getRequestCount()).isEqualTo(11);
        assertThat(time.sleeps()).hasSize(10);
        assertThat(listener.count("429")).isEqualTo(11);
        assertThat(listener.count("retried TOO_MANY_REQUESTS")).isEqualTo(10);
        assertThat(listener.events()).last().isEqualTo("finished list 429 attempts=11");
    }

    @Test
    void maxRetriesComesFromTheConfiguration() {
        try (KubeRestClient once = client(RestConfig.builder().server(server.url("/").toString()).qps(-1)
                .maxRetries(1).build())) {
            server.enqueue(tooMany("1"));
            server.enqueue(tooMany("1"));
            assertThatThrownBy(() -> once.get().absPath("/api/v1/pods").bytes())
                    .isInstanceOf(TooManyRequestsException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a429WithoutRetryAfterIsNotRetried() {
        server.enqueue(tooMany(null));

        assertThatThrownBy(() -> client.get().absPath("/api/v1/pods").bytes())
                .isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("429");
        assertThat(listener.events()).contains("429 retryAfter=null");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a5xxWithRetryAfterIsRetriedButA5xxWithoutIsNot() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "2").body("busy").build());
        server.enqueue(ok());
        client.get().absPath("/api/v1/pods").bytes();
        assertThat(listener.events()).contains("retried SERVER_RETRY_AFTER attempt=2 delay=PT2S");

        server.enqueue(new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"boom\","
                        + "\"reason\":\"InternalError\",\"code\":500}").build());
        assertThatThrownBy(() -> client.get().absPath("/api/v1/pods").bytes())
                .isInstanceOf(InternalErrorException.class).hasMessageContaining("boom");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aPostIsRetriedOn429BecauseTheServerDidNotActOnIt() {
        server.enqueue(tooMany("1"));
        server.enqueue(ok());

        client.post().absPath("/api/v1/namespaces/ns/configmaps").body("{}").bytes();

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(listener.events()).contains("retried TOO_MANY_REQUESTS attempt=2 delay=PT1S",
                "finished create 200 attempts=2");
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsHonouredToo() {
        // The client measures a date against the wall clock, which a test cannot hold still: a date a day ahead
        // gives the longest wait the client honours whatever the machine's speed (ApiErrorsTest reads dates
        // against a fixed clock).
        String tomorrow = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusDays(1));
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", tomorrow)
                .addHeader("Content-Type", "text/html").body("<html>maintenance</html>").build());
        server.enqueue(ok());

        assertThat(client.get().absPath("/api/v1/pods").bytes()).isNotEmpty();

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(RequestExecutor.MAX_RETRY_AFTER);
    }

    @Test
    void aPostIsNotRetriedWhenTheConnectionBreaks() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok());

        assertThatThrownBy(() -> client.post().absPath("/api/v1/namespaces/ns/configmaps").body("{}").bytes())
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("POST " + server.url("/api/v1/namespaces/ns/configmaps"))
                .hasCauseInstanceOf(java.io.IOException.class);

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(listener.events()).noneMatch(e -> e.startsWith("retried"));
        assertThat(listener.finished()).singleElement().satisfies(r -> {
            assertThat(r.statusCode()).isZero();
            assertThat(r.error()).isNotNull();
        });
    }

    @Test
    void theRealTransportDoesNotQuietlyResendAPostWhoseConnectionBroke() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok());

        try (KubeRestClient real = KubeRestClient.create(
                RestConfig.builder().server(server.url("/").toString()).qps(-1).build())) {
            assertThatThrownBy(() -> real.post().absPath("/api/v1/namespaces/ns/configmaps").body("{}").bytes())
                    .isInstanceOf(KubeClientException.class);
        }

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPostIsRetriedWhenTheConnectionIsRefusedBecauseTheServerSawNothing() throws Exception {
        String url = server.url("/").toString();
        server.close();
        try (KubeRestClient refused = client(RestConfig.builder().server(url).listener(listener).qps(-1).build())) {
            assertThatThrownBy(() -> refused.post().absPath("/api/v1/namespaces/ns/configmaps").body("{}").bytes())
                    .isInstanceOf(KubeClientException.class)
                    .hasRootCauseInstanceOf(java.net.ConnectException.class);
        }

        assertThat(listener.events()).filteredOn(e -> e.startsWith("retried CONNECTION_FAILURE"))
                .hasSize(RequestExecutor.MAX_CONNECTION_RETRIES);
    }

    @Test
    void aGetIsRetriedWhenTheConnectionBreaks() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok());

        assertThat(client.get().absPath("/api/v1/pods").bytes()).isNotEmpty();

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(listener.events()).anyMatch(e -> e.startsWith("retried CONNECTION_FAILURE attempt=2"));
        assertThat(listener.events()).last().isEqualTo("finished list 200 attempts=2");
    }

    @Test
    void aGetGivesUpAfterAFewConnectionFailures() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                    .build());
        }

        assertThatThrownBy(() -> client.get().absPath("/api/v1/pods").bytes())
                .isInstanceOf(KubeClientException.class).hasMessageContaining("GET ");

        assertThat(server.getRequestCount()).isEqualTo(1 + RequestExecutor.MAX_CONNECTION_RETRIES);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800));
    }

    @Test
    void aRetryIsNotMadeWhenItsWaitWouldPassTheDeadline() {
        server.enqueue(tooMany("5"));
        server.enqueue(ok());

        assertThatThrownBy(() -> client.get().absPath("/api/v1/pods").timeout(Duration.ofSeconds(2)).bytes())
                .isInstanceOf(TooManyRequestsException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }
}
