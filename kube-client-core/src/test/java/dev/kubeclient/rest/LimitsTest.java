package dev.kubeclient.rest;

import dev.kubeclient.flowcontrol.FakeClock;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.flowcontrol.RateLimiter;
import dev.kubeclient.flowcontrol.RateLimiterTimeoutException;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.observation.RetryReason;
import dev.kubeclient.testing.Threads;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Rate limiting, per-request timeouts and interruption. */
class LimitsTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final RecordingListener listener = new RecordingListener();

    private RestConfig.Builder config() {
        return RestConfig.builder().server(server.url("/").toString()).listener(listener);
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().body("{}").build();
    }

    @Test
    void everyRequestAndEveryRetryTakesATokenFromTheSharedLimiter() {
        FakeClock time = FakeClock.autoAdvancing();
        try (KubeRestClient client = KubeRestClient.builder(config().qps(1).burst(2).build())
                .httpClient(new OkHttpClient()).ticker(time).sleeper(time).build()) {
            server.enqueue(ok());
            server.enqueue(ok());
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
            server.enqueue(ok());
            for (int i = 0; i < 3; i++) {
                client.get().absPath("/api/v1/pods").bytes();
            }
        }
        // Two tokens from the burst, then one per second: the third request waits, and so does its retry.
        assertThat(listener.events()).filteredOn(e -> e.startsWith("limiter"))
                .containsExactly("limiter waited=PT0S", "limiter waited=PT0S", "limiter waited=PT1S",
                        "limiter waited=PT1S");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aDisabledLimiterIsSkippedEntirely() {
        try (KubeRestClient client = KubeRestClient.builder(config().qps(-1).build())
                .httpClient(new OkHttpClient()).build()) {
            server.enqueue(ok());
            client.get().absPath("/x").bytes();
        }
        assertThat(listener.events()).noneMatch(e -> e.startsWith("limiter"));
    }

    @Test
    void aLimiterWaitLongerThanTheTimeoutFailsWithoutSending() {
        FakeClock time = FakeClock.autoAdvancing();
        try (KubeRestClient client = KubeRestClient.builder(config().build()).httpClient(new OkHttpClient())
                .rateLimiter(RateLimiter.tokenBucket(0.1f, 1, time, time)).ticker(time).sleeper(time).build()) {
            server.enqueue(ok());
            client.get().absPath("/x").bytes();
            assertThatThrownBy(() -> client.get().absPath("/x").timeout(Duration.ofSeconds(1)).bytes())
                    .isInstanceOf(RateLimiterTimeoutException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(listener.finished()).last().satisfies(r -> assertThat(r.error())
                .isEqualTo("RateLimiterTimeoutException"));
    }

    @Test
    void aRequestTimeoutEndsASlowAnswerPromptly() {
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(30, TimeUnit.SECONDS).build());
        try (KubeRestClient client = KubeRestClient.builder(config().qps(-1).build())
                .httpClient(new OkHttpClient()).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.get().absPath("/x").timeout(Duration.ofMillis(300)).bytes())
                    .isInstanceOf(KubeClientException.class)
                    .hasMessageContaining("within its timeout of PT0.3S");
            // Far below the server's 30 s delay, far above what a busy machine adds to 0.3 s.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void theConfigurationTimeoutIsTheDefaultForOrdinaryRequests() {
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(10, TimeUnit.SECONDS).build());
        try (KubeRestClient client = KubeRestClient.builder(config().qps(-1).timeout(Duration.ofMillis(300)).build())
                .httpClient(new OkHttpClient()).build()) {
            assertThatThrownBy(() -> client.get().absPath("/x").bytes())
                    .isInstanceOf(KubeClientException.class).hasMessageContaining("timeout");
        }
    }

    @Test
    void anInterruptWhileWaitingForTheAnswerThrowsPromptlyAndKeepsTheFlag() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(30, TimeUnit.SECONDS).build());
        try (KubeRestClient client = KubeRestClient.builder(config().qps(-1).build())
                .httpClient(new OkHttpClient()).build()) {
            assertInterruptedPromptly(() -> client.get().absPath("/x").bytes(), () -> server.getRequestCount() == 1);
        }
    }

    @Test
    void anInterruptDuringARetryAfterWaitThrowsPromptly() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").build());
        List<String> retries = new java.util.concurrent.CopyOnWriteArrayList<>();
        KubeClientListener onRetry = new KubeClientListener() {
            @Override
            public void requestRetried(RequestInfo request, RetryReason reason, int attempt, Duration delay) {
                retries.add(reason + " " + delay);
            }
        };
        try (KubeRestClient client = KubeRestClient.builder(config().qps(-1).listener(onRetry).build())
                .httpClient(new OkHttpClient()).build()) {
            assertInterruptedPromptly(() -> client.get().absPath("/x").bytes(), () -> !retries.isEmpty());
        }
    }

    @Test
    void anInterruptDuringARateLimiterWaitThrowsPromptly() throws Exception {
        try (KubeRestClient client = KubeRestClient.builder(config().build()).httpClient(new OkHttpClient())
                .rateLimiter(RateLimiter.tokenBucket(0.01f, 1)).build()) {
            server.enqueue(ok());
            client.get().absPath("/x").bytes();
            assertInterruptedPromptly(() -> client.get().absPath("/x").bytes(), () -> true);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /**
     * Runs {@code call} on another thread, waits until {@code reached} holds and that thread is blocked (no guessed
     * sleep), interrupts it, and checks it ends with the interruption long before any of the waits here (30 s and
     * more) would have ended by themselves.
     */
    private static void assertInterruptedPromptly(Runnable call, java.util.concurrent.Callable<Boolean> reached)
            throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<Object[]> outcome = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            try {
                call.run();
                return new Object[] {null, Thread.currentThread().isInterrupted()};
            } catch (RuntimeException e) {
                boolean flag = Thread.interrupted();
                return new Object[] {e, flag};
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.get() != null && reached.call());
        Threads.awaitBlocked(worker.get());
        worker.get().interrupt();
        Object[] result = outcome.get(15, TimeUnit.SECONDS);
        assertThat(result[0]).isInstanceOf(KubeClientException.class);
        Throwable cause = ((Throwable) result[0]).getCause();
        assertThat(cause == null ? result[0] : cause).isInstanceOfAny(InterruptedIOException.class,
                InterruptedException.class);
        assertThat((Boolean) result[1]).as("interrupt flag restored").isTrue();
    }

    @Test
    void negativeQpsInTheConfigSwitchesRateLimitingOff() {
        RestConfig config = RestConfig.builder().server("https://k8s.example:6443").qps(-1).build();

        assertThat(KubeRestClient.builder(config).httpClient(new OkHttpClient()).build().rateLimiter()).isSameAs(RateLimiter.unlimited());
    }

    @Test
    void zeroQpsAndBurstInTheConfigMeanClientGoDefaults() {
        FakeClock clock = new FakeClock();
        RestConfig config = RestConfig.builder().server("https://k8s.example:6443").build();

        RateLimiter limiter = KubeRestClient.builder(config).httpClient(new OkHttpClient()).ticker(clock).sleeper(clock).build().rateLimiter();

        assertThat(limiter.qps()).isEqualTo(5f);
        assertThat(limiter.burst()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire()).isTrue();
        }
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void configuredQpsAndBurstAreUsed() {
        RestConfig config = RestConfig.builder().server("https://k8s.example:6443").qps(50).burst(100).build();

        RateLimiter limiter = KubeRestClient.builder(config).httpClient(new OkHttpClient()).build().rateLimiter();

        assertThat(limiter.qps()).isEqualTo(50f);
        assertThat(limiter.burst()).isEqualTo(100);
        assertThat(limiter).hasToString("RateLimiter.tokenBucket(qps=50.0, burst=100)");
    }
}
