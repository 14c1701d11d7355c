package dev.kubeclient.benchmarks.harness;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.rest.KubeRestClient;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import dev.kubeclient.watch.Watch;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Watch churn on one client: open a watch on a namespace's ConfigMaps from a recent resourceVersion, wait for the
 * server's answer (the watch is open when {@code watch(...)} returns), close it; many times in a row. Reports the
 * total, the median, 99th percentile and maximum per cycle, and the connections to the server at the end (counted
 * from {@code /proc}, see {@link Connections}): a cycle must reuse the connection, and must not pay Nagle's delay
 * plus a delayed ACK (about 40 ms) after the close.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.kubeclient.benchmarks.harness.WatchChurnHarness <kubeconfig>
 * [cycles=1000] [h2|http1]}; {@code http1} sets {@code RestConfig.disableHttp2}. Run it with
 * {@code scripts/watch-churn.sh}.
 */
public final class WatchChurnHarness {

    static final String NAMESPACE = "kube-client-bench-watch";

    private WatchChurnHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: WatchChurnHarness <kubeconfig> [cycles=1000] [h2|http1]");
            System.exit(2);
        }
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String protocol = args.length > 2 ? args[2] : "h2";
        if (!protocol.equals("h2") && !protocol.equals("http1")) {
            throw new IllegalArgumentException("protocol must be h2 or http1, not " + protocol);
        }
        RestConfig config = new KubeConfigLoader().restConfig(Path.of(args[0]), null).toBuilder().qps(-1)
                .disableHttp2(protocol.equals("http1")).build();
        try (KubeRestClient rest = KubeRestClient.create(config)) {
            Clientset clientset = Clientset.of(rest);
            seedNamespace(clientset, 3);
            var configMaps = clientset.coreV1().configMaps(NAMESPACE);
            String resourceVersion = configMaps.list().getMetadata().getResourceVersion();
            ListOptions options = ListOptions.builder().resourceVersion(resourceVersion).build();
            // Warm-up: class loading, JIT, the connection.
            for (int i = 0; i < 50; i++) {
                configMaps.watch(options).close();
            }
            long[] nanos = new long[cycles];
            long start = System.nanoTime();
            for (int i = 0; i < cycles; i++) {
                long t = System.nanoTime();
                Watch<ConfigMap> watch = configMaps.watch(options);
                watch.close();
                nanos[i] = System.nanoTime() - t;
            }
            long total = System.nanoTime() - start;
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "RESULT client=kube-client protocol=%s cycles=%d totalMs=%.1f medianMs=%.3f "
                            + "p99Ms=%.3f maxMs=%.3f connections=%d%n", protocol, cycles, total / 1e6, nanos[cycles / 2] / 1e6,
                    nanos[(int) (cycles * 0.99)] / 1e6, nanos[cycles - 1] / 1e6, Connections.establishedTo(config.server()));
        }
        System.exit(0);
    }

    /** Creates the namespace and {@code count} small ConfigMaps in it, if they are not there yet. */
    static void seedNamespace(Clientset clientset, int count) {
        try {
            clientset.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                    .endMetadata().build());
        } catch (RuntimeException e) {
            if (!ApiErrors.isAlreadyExists(e)) {
                throw e;
            }
        }
        for (int i = 0; i < count; i++) {
            try {
                clientset.coreV1().configMaps(NAMESPACE).create(new ConfigMapBuilder().withNewMetadata()
                        .withName("watched-" + i).endMetadata().addToData("n", "0").build());
            } catch (RuntimeException e) {
                if (!ApiErrors.isAlreadyExists(e)) {
                    throw e;
                }
            }
        }
    }
}
