package dev.kubeclient.benchmarks.testkit;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.testing.server.KubeApiServer;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchEvent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Measures the test server as a test uses it (not a JMH benchmark: each figure is one user-visible operation,
 * repeated, with the median and the best reported):
 * <ol>
 *   <li>start to first answer: {@code KubeApiServer.start()} until a new client has its {@code /version};
 *       the first round in the JVM includes class loading and is reported apart;</li>
 *   <li>1,000 CRUD calls through the Clientset (250 × create, get, update, delete of a ConfigMap);</li>
 *   <li>a watch delivering 10,000 events to a client (from a resourceVersion before 10,000 stored changes).</li>
 * </ol>
 * Run: {@code ./mvnw -q -pl kube-client-benchmarks -am package -DskipTests && java -cp
 * kube-client-benchmarks/target/benchmarks.jar dev.kubeclient.benchmarks.testkit.TestServerHarness [rounds]}.
 */
public final class TestServerHarness {

    private TestServerHarness() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf("first start in this JVM (with class loading): %d ms%n", startToFirstAnswer() / 1_000_000);
        report("start to first answer", rounds, TestServerHarness::startToFirstAnswer);
        try (KubeApiServer server = KubeApiServer.builder().historySize(50_000).start()) {
            Clientset clientset = server.clientset();
            crud(clientset, "warmup");
            int[] round = {0};
            report("1,000 CRUD calls through the Clientset", rounds, () -> crud(clientset, "r" + round[0]++));
            report("watch delivering 10,000 events", rounds, () -> watch(server));
        }
    }

    private static long startToFirstAnswer() {
        long start = System.nanoTime();
        try (KubeApiServer server = KubeApiServer.start();
             KubeRestClient rest = KubeRestClient.create(server.restConfig())) {
            DiscoveryClient.create(rest).serverVersion();
            return System.nanoTime() - start;
        }
    }

    private static long crud(Clientset clientset, String prefix) {
        long start = System.nanoTime();
        for (int i = 0; i < 250; i++) {
            String name = prefix + "-" + i;
            ConfigMap created = clientset.coreV1().configMaps("default").create(new ConfigMapBuilder()
                    .withNewMetadata().withName(name).endMetadata().addToData("k", "v").build());
            ConfigMap fetched = clientset.coreV1().configMaps("default").get(name);
            fetched.getData().put("k", "w");
            clientset.coreV1().configMaps("default").update(fetched);
            clientset.coreV1().configMaps("default").delete(created.getMetadata().getName());
        }
        return System.nanoTime() - start;
    }

    private static long watch(KubeApiServer server) {
        String from = Long.toString(server.resourceVersion());
        String ns = "watch-" + System.nanoTime();
        server.seedJson("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + ns + "\"}}");
        for (int i = 0; i < 10_000; i++) {
            server.seedJson("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"e" + i
                    + "\",\"namespace\":\"" + ns + "\"},\"data\":{\"k\":\"v\"}}");
        }
        long start = System.nanoTime();
        int received = 0;
        try (Watch<ConfigMap> watch = server.clientset().coreV1().configMaps(ns).watch(ListOptions.builder()
                .resourceVersion(from).timeoutSeconds(60).build())) {
            while (received < 10_000) {
                WatchEvent<ConfigMap> event = watch.next();
                if (event == null) {
                    throw new IllegalStateException("watch ended after " + received + " events");
                }
                received++;
            }
        }
        return System.nanoTime() - start;
    }

    private static void report(String what, int rounds, LongSupplier measure) {
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            nanos[i] = measure.getAsLong();
        }
        Arrays.sort(nanos);
        System.out.printf("%s: median %d ms, best %d ms (%d rounds)%n", what, nanos[rounds / 2] / 1_000_000,
                nanos[0] / 1_000_000, rounds);
    }
}
