package dev.kubeclient.rest;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.observation.RequestResult;
import dev.kubeclient.watch.Watch;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Interceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Interceptors and listeners run on the caller's thread and see its ThreadLocals; interrupts still cancel. */
class CallerContextTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final List<String> seenByInterceptor = new CopyOnWriteArrayList<>();
    private final List<String> seenByListener = new CopyOnWriteArrayList<>();

    private final Interceptor mdcReader = chain -> {
        seenByInterceptor.add(MDC.get("traceId") + " on " + Thread.currentThread().getName());
        return chain.proceed(chain.request());
    };

    private final KubeClientListener listener = new KubeClientListener() {
        @Override
        public void requestStarted(RequestInfo request) {
            seenByListener.add("started " + MDC.get("traceId"));
        }

        @Override
        public void requestFinished(RequestInfo request, RequestResult result) {
            seenByListener.add("finished " + MDC.get("traceId"));
        }

        @Override
        public void watchOpened(RequestInfo request) {
            seenByListener.add("watch opened " + MDC.get("traceId"));
        }
    };

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    private KubeRestClient client() {
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).qps(-1)
                .addInterceptor(mdcReader).listener(listener).build();
        return KubeRestClient.create(config);
    }

    @Test
    void interceptorsAndListenersSeeTheCallersMdc() {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        try (KubeRestClient client = client()) {
            MDC.put("traceId", "abc123");
            client.get().absPath("/api/v1/namespaces/default/pods/p").bytes();
        }
        String caller = Thread.currentThread().getName();
        assertThat(seenByInterceptor).containsExactly("abc123 on " + caller);
        assertThat(seenByListener).containsExactly("started abc123", "finished abc123");
    }

    @Test
    void eachCallerSeesItsOwnContextWhenRequestsRunConcurrently() throws Exception {
        CountDownLatch bothSent = new CountDownLatch(2);
        Interceptor holdUntilBoth = chain -> {
            bothSent.countDown();
            try {
                bothSent.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seenByInterceptor.add(MDC.get("traceId") + " for " + chain.request().url().encodedPath());
            return chain.proceed(chain.request());
        };
        server.enqueue(new MockResponse.Builder().body("{}").build());
        server.enqueue(new MockResponse.Builder().body("{}").build());
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).qps(-1)
                .addInterceptor(holdUntilBoth).build();
        try (KubeRestClient client = KubeRestClient.create(config)) {
            CompletableFuture<?> a = CompletableFuture.runAsync(() -> {
                MDC.put("traceId", "a");
                client.get().absPath("/a").bytes();
            });
            CompletableFuture<?> b = CompletableFuture.runAsync(() -> {
                MDC.put("traceId", "b");
                client.get().absPath("/b").bytes();
            });
            CompletableFuture.allOf(a, b).get(10, TimeUnit.SECONDS);
        }
        assertThat(seenByInterceptor).containsExactlyInAnyOrder("a for /a", "b for /b");
    }

    @Test
    void theWatchOpenSeesTheCallersMdc() {
        server.enqueue(new MockResponse.Builder().body("").build());
        try (KubeRestClient client = client()) {
            MDC.put("traceId", "w1");
            try (Watch<?> watch = client.get().absPath("/api/v1/pods").param("watch", "true")
                    .watch(Map.class)) {
                assertThat(watch.next()).isNull();
            }
        }
        assertThat(seenByInterceptor).containsExactly("w1 on " + Thread.currentThread().getName());
        assertThat(seenByListener).contains("started w1", "watch opened w1");
    }

    @Test
    void anInterruptCancelsACallBlockedOnTheCallersThread() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(30, TimeUnit.SECONDS).build());
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch sending = new CountDownLatch(1);
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).qps(-1)
                .addInterceptor(chain -> {
                    sending.countDown();
                    return chain.proceed(chain.request());
                }).build();
        try (KubeRestClient client = KubeRestClient.create(config)) {
            CompletableFuture<Object[]> outcome = CompletableFuture.supplyAsync(() -> {
                worker.set(Thread.currentThread());
                try {
                    client.get().absPath("/slow").bytes();
                    return new Object[] {null, false};
                } catch (RuntimeException e) {
                    return new Object[] {e, Thread.interrupted()};
                }
            });
            assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
            worker.get().interrupt();
            Object[] result = outcome.get(5, TimeUnit.SECONDS);
            assertThat(result[0]).isInstanceOf(KubeClientException.class);
            assertThat(((Throwable) result[0]).getCause()).isInstanceOf(InterruptedIOException.class);
            assertThat((Boolean) result[1]).as("interrupt flag kept").isTrue();
        }
    }

    @Test
    void closingTheClientEndsItsInterruptWatchdog() {
        Set<Thread> before = watchdogs();
        server.enqueue(new MockResponse.Builder().body("{}").build());
        KubeRestClient client = client();
        client.get().absPath("/x").bytes();
        assertThat(watchdogs()).as("started by the first request").hasSizeGreaterThan(before.size());

        client.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> before.containsAll(watchdogs()));
    }

    private static Set<Thread> watchdogs() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().endsWith("-interrupt-watchdog") && t.isAlive() && t.isDaemon())
                .collect(Collectors.toSet());
    }

    @Test
    void aDeadlineStillEndsACallOnTheCallersThread() {
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(30, TimeUnit.SECONDS).build());
        try (KubeRestClient client = client()) {
            assertThatThrownBy(() -> client.get().absPath("/slow").timeout(Duration.ofMillis(200)).bytes())
                    .isInstanceOf(KubeClientException.class).hasMessageContaining("within its timeout");
        }
    }
}
