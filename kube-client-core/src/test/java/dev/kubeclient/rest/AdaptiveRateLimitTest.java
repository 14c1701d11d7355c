package dev.kubeclient.rest;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.flowcontrol.AdaptiveRateLimiter;
import dev.kubeclient.flowcontrol.FakeClock;
import dev.kubeclient.flowcontrol.RateLimiter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The adaptive rate limiter switches off when the server shows API Priority and Fairness, and only then. */
class AdaptiveRateLimitTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final RecordingListener listener = new RecordingListener();
    private final FakeClock time = FakeClock.autoAdvancing();

    private KubeRestClient client(AdaptiveRateLimiter limiter) {
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).listener(listener).build();
        return KubeRestClient.builder(config).httpClient(new OkHttpClient()).rateLimiter(limiter)
                .ticker(time).sleeper(time).build();
    }

    private static MockResponse ok(boolean apf) {
        MockResponse.Builder response = new MockResponse.Builder().body("{}");
        if (apf) {
            response.addHeader(AdaptiveRateLimiter.FLOW_SCHEMA_UID_HEADER, "6c4bd0e1-0f0a-4d5e-8a2b-5b0e3f1f0d11");
        }
        return response.build();
    }

    @Test
    void aServerWithPriorityAndFairnessSwitchesTheLimiterOffAfterItsFirstResponse() {
        AdaptiveRateLimiter limiter = RateLimiter.adaptive(RateLimiter.tokenBucket(1, 1, time, time), "test");
        try (KubeRestClient client = client(limiter)) {
            assertThat(client.rateLimiter().isLimiting()).isTrue();
            for (int i = 0; i < 3; i++) {
                server.enqueue(ok(true));
                client.get().absPath("/api/v1/pods").bytes();
            }
        }
        assertThat(limiter.isLimiting()).isFalse();
        assertThat(limiter.qps()).isInfinite();
        // Only the first request went through the bucket; the rest were not throttled at all.
        assertThat(listener.events()).filteredOn(e -> e.startsWith("limiter")).containsExactly("limiter waited=PT0S");
    }

    @Test
    void aServerWithoutPriorityAndFairnessKeepsTheTokenBucket() {
        AdaptiveRateLimiter limiter = RateLimiter.adaptive(RateLimiter.tokenBucket(1, 1, time, time), "test");
        try (KubeRestClient client = client(limiter)) {
            for (int i = 0; i < 3; i++) {
                server.enqueue(ok(false));
                client.get().absPath("/api/v1/pods").bytes();
            }
        }
        assertThat(limiter.isLimiting()).isTrue();
        assertThat(listener.events()).filteredOn(e -> e.startsWith("limiter"))
                .containsExactly("limiter waited=PT0S", "limiter waited=PT1S", "limiter waited=PT1S");
    }

    @Test
    void anErrorAnswerFromAnApfServerAlsoCounts() {
        AdaptiveRateLimiter limiter = RateLimiter.adaptive(RateLimiter.tokenBucket(1, 1, time, time), "test");
        try (KubeRestClient client = client(limiter)) {
            server.enqueue(new MockResponse.Builder().code(404).body("{}")
                    .addHeader(AdaptiveRateLimiter.FLOW_SCHEMA_UID_HEADER, "uid").build());
            try {
                client.get().absPath("/api/v1/namespaces/x").bytes();
            } catch (RuntimeException expected) {
                // NotFound: the answer still showed APF.
            }
        }
        assertThat(limiter.isLimiting()).isFalse();
    }
}
