package dev.kubeclient.benchmarks.harness;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.rest.KubeRestClient;
import io.fabric8.kubernetes.api.model.Namespace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rate-limited throughput against a real cluster: several threads share one client and GET the namespace
 * {@code default} as fast as it lets them for a window that opens when they are released; the GETs completed inside
 * the window are counted. With client-go's token bucket at QPS 50 and burst 100, a full bucket allows
 * {@code 100 + 50 * 10 = 600} requests in 10 s; kube-client should reach that and not exceed it.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.kubeclient.benchmarks.harness.ThroughputHarness <client> <kubeconfig>
 * [seconds=10] [threads=4] [qps=50] [burst=100]} where client is {@code kube-client} (its limiter at qps/burst),
 * {@code kube-client-unlimited} (limiter off) or {@code jdk} (a JDK {@code HttpClient} + Jackson 3 baseline, which has
 * no limiter; it authenticates as {@link FullListHarness}'s does). Prints
 * {@code RESULT client= requests= seconds= qps= burst= threads=}, {@code qps=none burst=none} where no limiter applies.
 * The unlimited clients warm up for 2 s first; the limited one warms up on a separate, unlimited client, then makes
 * one GET to open its own connection and waits for its bucket to be full again before the window opens.
 */
public final class ThroughputHarness {

    private ThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ThroughputHarness <kube-client|kube-client-unlimited|jdk> <kubeconfig> "
                    + "[seconds=10] [threads=4] [qps=50] [burst=100]");
            System.exit(2);
        }
        String client = args[0];
        Path kubeconfig = Path.of(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        float qps = args.length > 4 ? Float.parseFloat(args[4]) : 50;
        int burst = args.length > 5 ? Integer.parseInt(args[5]) : 100;
        RestConfig unlimited = new KubeConfigLoader().restConfig(kubeconfig, null).toBuilder().qps(-1).build();

        int requests;
        String limit;
        switch (client) {
            case "kube-client" -> {
                try (KubeRestClient warm = KubeRestClient.create(unlimited)) {
                    window(kubeClientGet(warm), 2, threads);
                }
                try (KubeRestClient rest = KubeRestClient.create(unlimited.toBuilder().qps(qps).burst(burst).build())) {
                    Callable<String> get = kubeClientGet(rest);
                    // Open the connection outside the window: while a first request waits for TLS, a full bucket
                    // would lose its refill. The token it took is back well within a second.
                    get.call();
                    Thread.sleep(Math.max(100, (long) Math.ceil(1000 / qps)) + 50);
                    requests = window(get, seconds, threads);
                }
                limit = String.format(Locale.ROOT, "qps=%s burst=%d", stripZero(qps), burst);
            }
            case "kube-client-unlimited" -> {
                try (KubeRestClient rest = KubeRestClient.create(unlimited)) {
                    Callable<String> get = kubeClientGet(rest);
                    window(get, 2, threads);
                    requests = window(get, seconds, threads);
                }
                limit = "qps=none burst=none";
            }
            case "jdk" -> {
                Callable<String> get = jdkGet(unlimited);
                window(get, 2, threads);
                requests = window(get, seconds, threads);
                limit = "qps=none burst=none";
            }
            default -> throw new IllegalArgumentException("unknown client " + client
                    + "; use kube-client, kube-client-unlimited or jdk");
        }
        System.out.printf(Locale.ROOT, "RESULT client=%s requests=%d seconds=%d %s threads=%d%n", client, requests,
                seconds, limit, threads);
        System.exit(0);
    }

    private static String stripZero(float qps) {
        return qps == Math.rint(qps) ? Integer.toString((int) qps) : Float.toString(qps);
    }

    private static Callable<String> kubeClientGet(KubeRestClient rest) {
        Clientset clientset = Clientset.of(rest);
        return () -> clientset.coreV1().namespaces().get("default").getMetadata().getUid();
    }

    private static Callable<String> jdkGet(RestConfig config) throws Exception {
        return BareJdkGet.of(config, "/api/v1/namespaces/default", Namespace.class,
                namespace -> namespace.getMetadata().getUid());
    }

    /**
     * Releases {@code threads} threads that call {@code get} until the window of {@code seconds} closes, and returns
     * how many calls completed inside it.
     */
    static int window(Callable<String> get, int seconds, int threads) throws InterruptedException {
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
                        get.call();
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
        // Written before the latch opens, read after each worker passed it: the latch orders the two.
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
}
