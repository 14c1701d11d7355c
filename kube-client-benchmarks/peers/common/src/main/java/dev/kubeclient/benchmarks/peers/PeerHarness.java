package dev.kubeclient.benchmarks.peers;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The side-by-side scenarios for one peer client, one scenario per (fresh) JVM, each printing {@code RESULT} lines with
 * the same keys as kube-client's harnesses so that {@code scripts/compare.sh} tables them together:
 * <ul>
 *   <li>{@code full-list [items=10000] [iterations=5]}: as {@code FullListHarness} (3 warm-up LISTs, then per LIST:
 *       {@code ms allocMiB gcCount gcMs peakGrowthMiB}); the namespace {@code kube-client-bench} must already hold
 *       the ConfigMaps (kube-client's {@code FullListHarness} seeds it);</li>
 *   <li>{@code small-get [iterations=2000]}: GET the ConfigMap {@code small-get} of the namespace
 *       {@code kube-client-bench-get} (about 300 bytes of JSON), as {@code SmallGetHarness}, which creates it
 *       ({@code usPerGet minUs p99Us allocKiBPerGet gets}, after {@code max(500, iterations / 2)} warm-up GETs);</li>
 *   <li>{@code throughput [seconds=10] [threads=4]}: as {@code ThroughputHarness}, GETs of the namespace
 *       {@code default} completed inside the window ({@code requests seconds qps burst threads});</li>
 *   <li>{@code watch-churn [cycles=1000]}: as {@code WatchChurnHarness} (open a watch, let it answer, close it);</li>
 *   <li>{@code startup [launch-epoch-nanos]}: JVM start to first GET, as {@code StartupHarness}, with the phases
 *       {@code client} (kubeconfig read and client built) and {@code firstGet}, and the classes loaded.</li>
 * </ul>
 */
public final class PeerHarness {

    static final String LIST_NAMESPACE = "kube-client-bench";
    static final String WATCH_NAMESPACE = "kube-client-bench-watch";
    static final String GET_NAMESPACE = "kube-client-bench-get";
    static final String GET_NAME = "small-get";
    private static final String USAGE = "usage: <full-list|small-get|throughput|watch-churn|startup> <kubeconfig> [args]";

    private final String client;
    private final PeerClient.Factory factory;

    private PeerHarness(String client, PeerClient.Factory factory) {
        this.client = client;
        this.factory = factory;
    }

    /**
     * Runs the scenario {@code args[0]} against the kubeconfig {@code args[1]} and exits the JVM.
     *
     * @param mainNanos {@code System.nanoTime()} read first thing in {@code main}, for the start-up scenario
     * @param mainWall  the wall clock read first thing in {@code main}
     */
    public static void run(String client, PeerClient.Factory factory, String[] args, long mainNanos, Instant mainWall)
            throws Exception {
        if (args.length < 2) {
            System.err.println(USAGE);
            System.exit(2);
        }
        PeerHarness harness = new PeerHarness(client, factory);
        Path kubeconfig = Path.of(args[1]);
        switch (args[0]) {
            case "full-list" -> harness.fullList(kubeconfig, intArg(args, 2, 10_000), intArg(args, 3, 5));
            case "small-get" -> harness.smallGet(kubeconfig, intArg(args, 2, 2_000));
            case "throughput" -> harness.throughput(kubeconfig, intArg(args, 2, 10), intArg(args, 3, 4));
            case "watch-churn" -> harness.watchChurn(kubeconfig, intArg(args, 2, 1_000));
            case "startup" -> harness.startup(kubeconfig, args.length > 2 ? Long.parseLong(args[2]) : -1, mainNanos,
                    mainWall);
            default -> throw new IllegalArgumentException("unknown scenario " + args[0] + "; " + USAGE);
        }
        System.exit(0);
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private void fullList(Path kubeconfig, int items, int iterations) throws Exception {
        Measurements measurements = new Measurements();
        try (PeerClient peer = factory.create(kubeconfig)) {
            for (int i = 0; i < 3; i++) {
                expectItems(peer.listConfigMaps(LIST_NAMESPACE), items);
            }
            for (int i = 0; i < iterations; i++) {
                Measurements.Start start = measurements.start();
                int listed = peer.listConfigMaps(LIST_NAMESPACE);
                Measurements.Cost cost = measurements.stop(start);
                expectItems(listed, items);
                System.out.printf(Locale.ROOT, "RESULT client=%s ms=%.1f allocMiB=%.1f gcCount=%d gcMs=%d "
                                + "peakGrowthMiB=%.1f%n", client, cost.nanos() / 1e6, cost.allocated() / 1048576.0,
                        cost.gcCount(), cost.gcMillis(), cost.peakGrowth() / 1048576.0);
            }
        }
    }

    private static void expectItems(int listed, int items) {
        if (listed != items) {
            throw new IllegalStateException("listed " + listed + " ConfigMaps in " + LIST_NAMESPACE + ", expected "
                    + items + "; seed them first with kube-client's FullListHarness (scripts/compare.sh does)");
        }
    }

    private void smallGet(Path kubeconfig, int iterations) throws Exception {
        Measurements measurements = new Measurements();
        try (PeerClient peer = factory.create(kubeconfig)) {
            for (int i = 0; i < Math.max(500, iterations / 2); i++) {
                expectSmallGet(peer.configMapName(GET_NAMESPACE, GET_NAME));
            }
            long[] nanos = new long[iterations];
            Measurements.Start start = measurements.start();
            for (int i = 0; i < iterations; i++) {
                long t = System.nanoTime();
                String name = peer.configMapName(GET_NAMESPACE, GET_NAME);
                nanos[i] = System.nanoTime() - t;
                expectSmallGet(name);
            }
            Measurements.Cost cost = measurements.stop(start);
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "RESULT client=%s usPerGet=%.1f minUs=%.1f p99Us=%.1f allocKiBPerGet=%.1f "
                            + "gets=%d gcCount=%d gcMs=%d%n", client, Measurements.percentile(nanos, 0.5) / 1e3,
                    nanos[0] / 1e3, Measurements.percentile(nanos, 0.99) / 1e3,
                    cost.allocated() / 1024.0 / iterations, iterations, cost.gcCount(), cost.gcMillis());
        }
    }

    private static void expectSmallGet(String name) {
        if (!GET_NAME.equals(name)) {
            throw new IllegalStateException("GET returned " + name + ", expected " + GET_NAME + " (create it with "
                    + "kube-client's SmallGetHarness; scripts/compare.sh does)");
        }
    }

    private void throughput(Path kubeconfig, int seconds, int threads) throws Exception {
        try (PeerClient peer = factory.create(kubeconfig)) {
            // Warm-up: JIT and connections; these peers have no limiter whose tokens this could spend.
            window(peer, 2, threads);
            int requests = window(peer, seconds, threads);
            String limiter = peer.rateLimiter();
            System.out.printf(Locale.ROOT, "RESULT client=%s requests=%d seconds=%d qps=%s burst=%s threads=%d%n",
                    client, requests, seconds, limiter, limiter, threads);
        }
    }

    /**
     * {@code threads} threads GET as fast as the client lets them for {@code seconds}, from the moment they are all
     * released; counts the GETs that completed inside the window.
     */
    static int window(PeerClient peer, int seconds, int threads) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger completed = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] deadline = new long[1];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                    while (System.nanoTime() < deadline[0]) {
                        peer.namespaceUid("default");
                        if (System.nanoTime() <= deadline[0]) {
                            completed.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "throughput-" + t);
            worker.start();
            workers.add(worker);
        }
        deadline[0] = System.nanoTime() + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a GET failed during the throughput window", failure.get());
        }
        return completed.get();
    }

    private void watchChurn(Path kubeconfig, int cycles) throws Exception {
        try (PeerClient peer = factory.create(kubeconfig)) {
            String resourceVersion = peer.configMapsResourceVersion(WATCH_NAMESPACE);
            for (int i = 0; i < 50; i++) {
                peer.watchConfigMaps(WATCH_NAMESPACE, resourceVersion).close();
            }
            long[] nanos = new long[cycles];
            long start = System.nanoTime();
            for (int i = 0; i < cycles; i++) {
                long t = System.nanoTime();
                peer.watchConfigMaps(WATCH_NAMESPACE, resourceVersion).close();
                nanos[i] = System.nanoTime() - t;
            }
            long total = System.nanoTime() - start;
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "RESULT client=%s protocol=default cycles=%d totalMs=%.1f medianMs=%.3f "
                            + "p99Ms=%.3f maxMs=%.3f connections=%d%n", client, cycles, total / 1e6,
                    Measurements.percentile(nanos, 0.5) / 1e6, Measurements.percentile(nanos, 0.99) / 1e6,
                    nanos[cycles - 1] / 1e6, ProcConnections.to(peer.server()));
        }
    }

    private void startup(Path kubeconfig, long launchEpochNanos, long mainNanos, Instant mainWall) throws Exception {
        PeerClient peer = factory.create(kubeconfig);
        long clientNanos = System.nanoTime();
        String uid = peer.namespaceUid("default");
        long endNanos = System.nanoTime();
        if (uid == null || uid.isEmpty()) {
            throw new IllegalStateException("the namespace 'default' came back without a uid");
        }
        StringBuilder line = new StringBuilder("RESULT client=").append(client);
        if (launchEpochNanos > 0) {
            long toMain = mainWall.getEpochSecond() * 1_000_000_000L + mainWall.getNano() - launchEpochNanos;
            line.append(String.format(Locale.ROOT, " jvmToMainMs=%.1f jvmToGetMs=%.1f", toMain / 1e6,
                    (toMain + endNanos - mainNanos) / 1e6));
        }
        line.append(String.format(Locale.ROOT, " mainToGetMs=%.1f clientMs=%.1f firstGetMs=%.1f",
                (endNanos - mainNanos) / 1e6, (clientNanos - mainNanos) / 1e6, (endNanos - clientNanos) / 1e6));
        line.append(" classes=").append(ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.println(line);
        peer.close();
    }
}
