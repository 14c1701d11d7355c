package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.flowcontrol.AdaptiveRateLimiter;
import dev.kubeclient.flowcontrol.RateLimiter;
import dev.kubeclient.flowcontrol.RateLimiterTimeoutException;
import dev.kubeclient.rest.KubeRestClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** kube.client.rate-limiter: token-bucket with qps/burst, off, or auto (off once the server shows APF). */
class RateLimiterModeTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class))
                .withBean(KubeClientConnectionDetails.class,
                        () -> () -> RestConfig.builder().server(server.url("/").toString()).build());
    }

    @Test
    void theTokenBucketTakesQpsAndBurstFromTheProperties() {
        runner().withPropertyValues("kube.client.qps=50", "kube.client.burst=100").run(context -> {
            RateLimiter limiter = context.getBean(RateLimiter.class);
            assertThat(limiter.qps()).isEqualTo(50f);
            assertThat(limiter.burst()).isEqualTo(100);
            assertThat(limiter.isLimiting()).isTrue();
        });
    }

    @Test
    void offMeansNoClientSideLimit() {
        runner().withPropertyValues("kube.client.rate-limiter=off")
                .run(context -> assertThat(context.getBean(RateLimiter.class).isLimiting()).isFalse());
    }

    @Test
    void autoSwitchesOffAfterTheFirstResponseFromAServerWithPriorityAndFairness() {
        server.enqueue(new MockResponse.Builder().body("{}")
                .addHeader(AdaptiveRateLimiter.FLOW_SCHEMA_UID_HEADER, "3f0e3c4b-uid").build());
        runner().withPropertyValues("kube.client.rate-limiter=auto").run(context -> {
            RateLimiter limiter = context.getBean(KubeRestClient.class).rateLimiter();
            assertThat(limiter.isLimiting()).isTrue();
            context.getBean(KubeRestClient.class).get().absPath("/api").bytes();
            assertThat(limiter.isLimiting()).isFalse();
        });
    }

    @Test
    void autoKeepsTheBucketForAServerWithoutPriorityAndFairness() {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        runner().withPropertyValues("kube.client.rate-limiter=auto").run(context -> {
            context.getBean(KubeRestClient.class).get().absPath("/api").bytes();
            assertThat(context.getBean(RateLimiter.class).isLimiting()).isTrue();
        });
    }

    @Test
    void theMaximumWaitCapsARequestWithoutTimeout() {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        runner().withPropertyValues("kube.client.qps=0.001", "kube.client.burst=1",
                "kube.client.max-rate-limiter-wait=10ms").run(context -> {
            KubeRestClient rest = context.getBean(KubeRestClient.class);
            rest.get().absPath("/api").bytes();
            // The next token is 1000 s away: far beyond the 10 ms cap, so it fails at once without sending.
            assertThatThrownBy(() -> rest.get().absPath("/api").bytes()).isInstanceOf(RateLimiterTimeoutException.class);
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(Duration.ofMillis(10)).isPositive();
    }
}
