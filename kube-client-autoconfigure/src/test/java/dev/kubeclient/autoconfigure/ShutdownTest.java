package dev.kubeclient.autoconfigure;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.watch.WatchEvent;
import dev.kubeclient.watch.WatchHandler;
import io.fabric8.kubernetes.api.model.ConfigMap;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing the context ends running watchers and the clients' threads; nothing named kube-client is left. */
@Timeout(60)
class ShutdownTest {

    private static final String CONFIG_MAP = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\","
            + "\"namespace\":\"ns\",\"resourceVersion\":\"%s\"}}";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void closingTheContextEndsInFlightWatchesAndLeavesNoThreads() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"ConfigMapList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"5\"},"
                        + "\"items\":[" + CONFIG_MAP.formatted("5") + "]}").build());
        server.enqueue(heldWatch("{\"type\":\"MODIFIED\",\"object\":" + CONFIG_MAP.formatted("6") + "}\n"));
        CountDownLatch modified = new CountDownLatch(1);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicReference<KubeWatcherThreads> threads = new AtomicReference<>();

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class))
                .withBean(KubeClientConnectionDetails.class,
                        () -> () -> RestConfig.builder().server(server.url("/").toString()).build())
                .run(context -> {
                    threads.set(context.getBean(KubeWatcherThreads.class));
                    context.getBean(Clientset.class).coreV1().configMaps("ns")
                            .resilientWatch(ListOptions.builder().build(), new WatchHandler<ConfigMap>() {
                                @Override
                                public void onEvent(WatchEvent<ConfigMap> event) {
                                    modified.countDown();
                                }

                                @Override
                                public void onRelist(List<ConfigMap> items, String resourceVersion) {
                                }

                                @Override
                                public void onError(Throwable error) {
                                    errors.add(error);
                                }
                            }).streamingLists(dev.kubeclient.watch.StreamingLists.OFF).build().start();
                    assertThat(modified.await(20, TimeUnit.SECONDS)).as("the watch event arrived").isTrue();
                    assertThat(threads.get().liveThreads()).extracting(Thread::getName)
                            .containsExactly("kube-client-watcher-configmaps/ns");
                });

        assertThat(threads.get().liveThreads()).as("watcher threads after close").isEmpty();
        assertThat(errors).as("failures the handler saw while the watch was ended").isEmpty();
        awaitNoThreadsNamed("kube-client", Duration.ofSeconds(20));
        assertThat(server.getRequestCount()).as("no watch was re-opened after close").isEqualTo(2);
    }

    /** Waits until no live thread's name starts with {@code prefix}; fails with the names left. */
    private static void awaitNoThreadsNamed(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> name.startsWith(prefix)).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(20);
        } while (System.nanoTime() < deadline);
        assertThat(left).as("threads left after the context closed").isEmpty();
    }

    /** A watch answer that sends {@code events} and then keeps the stream open until the client goes away. */
    private static MockResponse heldWatch(String events) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(events).flush();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < end) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    // Whitespace between events, which the decoder skips; it fails once the client is gone.
                    sink.writeUtf8(" ").flush();
                }
            }
        }).build();
    }
}
