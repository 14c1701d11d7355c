package dev.kubeclient.benchmarks.harness;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.watch.ResilientWatcher;
import dev.kubeclient.watch.WatchEvent;
import dev.kubeclient.watch.WatchHandler;
import io.fabric8.kubernetes.api.model.ConfigMap;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many resilient watchers on one client: starts {@code n} watchers of the same namespace's ConfigMaps, each on its
 * own thread (a platform thread, or a virtual thread on a JDK that has them), waits until every one has its initial
 * state, then changes one ConfigMap and waits until every watcher has seen that change: from then on all are
 * watching. Reports the time to that point, the live platform threads, the heap in use after a GC (growth over the
 * state before the watchers), and the established connections to the server (from {@code /proc}, see
 * {@link Connections}): over HTTP/2 the watches share connections as streams, and a new connection opens only when
 * the server's limit of concurrent streams per connection is reached.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.kubeclient.benchmarks.harness.ManyWatchesHarness <kubeconfig>
 * [watchers=1000] [platform|virtual] [h2|http1]}. {@code virtual} needs JDK 21 or later. The client runs without its
 * rate limiter (QPS -1): with client-go's default of 5 requests per second, 1,000 initial lists alone would take
 * over three minutes. Run it with {@code scripts/many-watches.sh}.
 */
public final class ManyWatchesHarness {

    private ManyWatchesHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ManyWatchesHarness <kubeconfig> [watchers=1000] [platform|virtual] [h2|http1]");
            System.exit(2);
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String threads = args.length > 2 ? args[2] : "platform";
        String protocol = args.length > 3 ? args[3] : "h2";
        ThreadFactory factory = switch (threads) {
            case "platform" -> null;
            case "virtual" -> virtualThreads();
            default -> throw new IllegalArgumentException("threads must be platform or virtual, not " + threads);
        };
        AtomicInteger watchesOpened = new AtomicInteger();
        RestConfig config = new KubeConfigLoader().restConfig(Path.of(args[0]), null).toBuilder().qps(-1)
                .disableHttp2(protocol.equals("http1")).listener(new KubeClientListener() {
                    @Override
                    public void watchOpened(RequestInfo request) {
                        watchesOpened.incrementAndGet();
                    }
                }).build();
        try (KubeRestClient rest = KubeRestClient.create(config)) {
            Clientset clientset = Clientset.of(rest);
            WatchChurnHarness.seedNamespace(clientset, 3);
            var configMaps = clientset.coreV1().configMaps(WatchChurnHarness.NAMESPACE);
            configMaps.list();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            long heapBefore = heapAfterGc();

            CountDownLatch listed = new CountDownLatch(n);
            String marker = "n-" + System.nanoTime();
            CountDownLatch sawChange = new CountDownLatch(n);
            List<ResilientWatcher<ConfigMap>> watchers = new ArrayList<>(n);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                WatchHandler<ConfigMap> handler = new WatchHandler<>() {
                    private boolean seen;

                    @Override
                    public void onRelist(List<ConfigMap> items, String resourceVersion) {
                        listed.countDown();
                    }

                    @Override
                    public void onEvent(WatchEvent<ConfigMap> event) {
                        if (!seen && marker.equals(event.object().getData().get("n"))) {
                            seen = true;
                            sawChange.countDown();
                        }
                    }
                };
                watchers.add(configMaps.resilientWatch(ListOptions.DEFAULTS, handler).name("w" + i)
                        .threadFactory(factory).build().start());
            }
            await(listed, "initial states");
            double listedMs = (System.nanoTime() - start) / 1e6;
            ConfigMap changed = configMaps.get("watched-0");
            changed.getData().put("n", marker);
            configMaps.update(changed);
            await(sawChange, "the change");
            double watchingMs = (System.nanoTime() - start) / 1e6;

            int platformThreads = ManagementFactory.getThreadMXBean().getThreadCount();
            int connections = Connections.establishedTo(config.server());
            long heap = heapAfterGc();
            System.out.printf(Locale.ROOT, "RESULT threads=%s protocol=%s watchers=%d java=%s allListedMs=%.0f "
                            + "allWatchingMs=%.0f watchesOpened=%d platformThreads=%d platformThreadsBefore=%d "
                            + "heapGrowthMiB=%.1f heapMiB=%.1f rssMiB=%.0f connections=%d%n",
                    threads, protocol, n, Runtime.version().feature(), listedMs, watchingMs, watchesOpened.get(),
                    platformThreads, threadsBefore, (heap - heapBefore) / 1048576.0, heap / 1048576.0, residentMiB(), connections);
            for (ResilientWatcher<ConfigMap> w : watchers) {
                w.close();
            }
            for (ResilientWatcher<ConfigMap> w : watchers) {
                if (!w.awaitTermination(Duration.ofSeconds(30))) {
                    System.err.println("watcher did not stop within 30 s of close()");
                }
            }
        }
        System.exit(0);
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(latch.getCount() + " watchers still lack " + what + " after 5 minutes");
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    /** The process's resident set (heap, thread stacks, code) from {@code /proc}; -1 where that is missing. */
    private static double residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            // Not Linux.
        }
        return -1;
    }

    /** {@code Thread.ofVirtual().factory()}, looked up at run time: this module compiles for Java 17. */
    private static ThreadFactory virtualThreads() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("virtual threads need JDK 21 or later; this is " + Runtime.version(), e);
        }
    }
}
