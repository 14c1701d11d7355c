package dev.kubeclient.autoconfigure.health;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.flowcontrol.AdaptiveRateLimiter;
import dev.kubeclient.flowcontrol.RateLimiter;
import dev.kubeclient.rest.KubeRestClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each state of the API server health indicator, against a loopback server. */
class KubeHealthIndicatorTest {

    private static final String TOKEN = "eyJhbGciOi-secret-token";
    /** Generous, so a busy machine does not turn a good answer into a timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final MutableClock clock = new MutableClock();
    private KubeRestClient client;

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private KubeHealthIndicator indicator(String url) {
        return indicator(url, TIMEOUT);
    }

    private KubeHealthIndicator indicator(String url, Duration timeout) {
        client = KubeRestClient.create(RestConfig.builder().server(url).bearerToken(TOKEN).qps(-1)
                .origin("kubeconfig /home/dev/.kube/config, context staging").build());
        return new KubeHealthIndicator(client, timeout, Duration.ofSeconds(5), clock);
    }

    private KubeHealthIndicator indicator() {
        return indicator(server.url("/").toString());
    }

    private static MockResponse text(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    private static MockResponse version() {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"major\":\"1\",\"minor\":\"20\",\"gitVersion\":\"v1.20.2\"}").build();
    }

    private String host() {
        return server.getHostName() + ":" + server.getPort();
    }

    @Test
    void aReadyServerIsUpWithVersionHostContextAndAuthMethod() throws Exception {
        server.enqueue(text(200, "ok"));
        server.enqueue(version());

        Health health = indicator().health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("version", "v1.20.2").containsEntry("host", host())
                .containsEntry("context", "staging").containsEntry("authMethod", "token")
                .containsEntry("endpoint", "/readyz");
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/readyz");
        assertThat(health.toString()).doesNotContain(TOKEN);
    }

    @Test
    void theDetailsShowAnAutoLimiterSwitchingOffWhenTheProbeSeesPriorityAndFairness() {
        server.enqueue(new MockResponse.Builder().body("ok")
                .addHeader(AdaptiveRateLimiter.FLOW_SCHEMA_UID_HEADER, "7c1e-uid").build());
        server.enqueue(version());
        client = KubeRestClient.builder(RestConfig.builder().server(server.url("/").toString()).build())
                .rateLimiter(RateLimiter.adaptive(RateLimiter.tokenBucket(5, 10), host())).build();
        KubeHealthIndicator indicator = new KubeHealthIndicator(client, TIMEOUT, Duration.ZERO, clock);
        assertThat(client.rateLimiter().isLimiting()).isTrue();

        assertThat(indicator.health().getDetails())
                .containsEntry("rateLimiter", "off (the server has API Priority and Fairness)");
    }

    @Test
    void theDetailsShowTheTokenBucketWhileItLimits() {
        server.enqueue(text(200, "ok"));
        server.enqueue(version());
        client = KubeRestClient.builder(RestConfig.builder().server(server.url("/").toString()).build())
                .rateLimiter(RateLimiter.tokenBucket(20, 40)).build();

        assertThat(new KubeHealthIndicator(client, TIMEOUT, Duration.ZERO, clock).health().getDetails())
                .containsEntry("rateLimiter", "token-bucket (qps 20.0, burst 40)");
    }

    @Test
    void aServerWithoutReadyzIsAskedForHealthz() throws Exception {
        server.enqueue(text(404, "404 page not found"));
        server.enqueue(text(200, "ok"));
        server.enqueue(version());

        Health health = indicator().health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("endpoint", "/healthz");
        server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/healthz");
    }

    @Test
    void aServerThatIsNotReadyIsDownWithItsFailedChecks() {
        server.enqueue(text(500, "[+]ping ok\n[-]etcd failed: reason withheld\n[+]log ok\nreadyz check failed"));

        Health health = indicator().health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "not-ready")
                .containsEntry("failedChecks", java.util.List.of("[-]etcd failed: reason withheld"));
    }

    @Test
    void rejectedCredentialsAreDownAsUnauthorizedWithoutTheToken() {
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"Unauthorized\","
                        + "\"reason\":\"Unauthorized\",\"code\":401}").build());

        Health health = indicator().health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "unauthorized").containsEntry("authMethod", "token");
        assertThat(health.getDetails().toString()).doesNotContain(TOKEN).doesNotContain("eyJ");
    }

    @Test
    void aForbiddenHealthEndpointIsDownAsForbidden() {
        server.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"forbidden: "
                        + "User \\\"system:anonymous\\\" cannot get path \\\"/readyz\\\"\",\"reason\":\"Forbidden\","
                        + "\"code\":403}").build());

        Health health = indicator().health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "forbidden");
    }

    @Test
    void aSlowServerIsDownAsTimeout() {
        server.enqueue(new MockResponse.Builder().body("ok").headersDelay(30, TimeUnit.SECONDS).build());

        long start = System.nanoTime();
        Health health = indicator(server.url("/").toString(), Duration.ofMillis(500)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aClosedPortIsDownAsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Health health = indicator("http://127.0.0.1:" + port).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "unreachable");
    }

    @Test
    void aFailedTlsHandshakeIsDownAsTls() throws Exception {
        // A server that answers the TLS hello with plain HTTP at once: the handshake cannot succeed.
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (Socket socket = plain.accept()) {
                        socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "plain-http-answering-tls");
            answering.setDaemon(true);
            answering.start();

            Health health = indicator("https://127.0.0.1:" + plain.getLocalPort()).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).as(health.toString()).containsEntry("reason", "tls");
        }
    }

    @Test
    void anAnswerIsReusedUntilItsCachePeriodEnds() {
        server.enqueue(text(200, "ok"));
        server.enqueue(version());
        server.enqueue(text(500, "[-]etcd failed: reason withheld"));
        KubeHealthIndicator indicator = indicator();

        Health first = indicator.health();
        assertThat(first.getStatus()).as(first.toString()).isEqualTo(Status.UP);
        clock.advance(Duration.ofSeconds(4));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(server.getRequestCount()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void badSettingsAreRefusedWithThePropertyName() {
        client = KubeRestClient.create(RestConfig.builder().server(server.url("/").toString()).build());
        assertThatThrownBy(() -> new KubeHealthIndicator(client, Duration.ZERO, Duration.ofSeconds(5), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("management.health.kube.timeout");
        assertThatThrownBy(() -> new KubeHealthIndicator(client, TIMEOUT, Duration.ofSeconds(-1), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("management.health.kube.cache-ttl");
    }

    @Test
    void theAuthMethodNamesTheKindOfCredentialOnly() {
        assertThat(KubeHealthIndicator.authMethod(RestConfig.builder().server("https://k:6443")
                .username("admin").password("hunter2").build())).isEqualTo("basic");
        assertThat(KubeHealthIndicator.authMethod(RestConfig.builder().server("https://k:6443").build()))
                .isEqualTo("none");
        assertThat(KubeHealthIndicator.context("in-cluster (ServiceAccount in /var/run/secrets)"))
                .isEqualTo("in-cluster");
    }

    /** A clock moved by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
