package dev.kubeclient.benchmarks.harness;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.config.WireFormat;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.rest.KubeRestClient;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * A small GET (one ConfigMap of about 300 bytes of JSON) repeated against a real cluster, measured in this JVM for
 * one client: a bare JDK {@code HttpClient} + Jackson 3 baseline reading into the same fabric8 class ({@code jdk}),
 * kube-client's {@code Clientset} in JSON ({@code kube-client}) or in protobuf ({@code kube-client-protobuf}). After
 * a warm-up (class loading, JIT, connection set-up) it times each GET and prints one line: median, minimum and 99th
 * percentile microseconds per GET, and KiB allocated per GET by all threads (I/O threads included).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.kubeclient.benchmarks.harness.SmallGetHarness <client> <kubeconfig>
 * [iterations=2000]}. The baseline authenticates as {@link FullListHarness}'s does (the kubeconfig's bearer token,
 * its CA). The first run creates the ConfigMap {@code small-get} in the namespace {@code kube-client-bench-get}. Run it
 * in several fresh JVMs with {@code scripts/small-get.sh}.
 */
public final class SmallGetHarness {

    /** Not FullListHarness's namespace, whose ConfigMaps it counts. */
    private static final String NAMESPACE = "kube-client-bench-get";
    private static final String NAME = "small-get";

    private SmallGetHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SmallGetHarness <jdk|kube-client|kube-client-protobuf> <kubeconfig> "
                    + "[iterations=2000]");
            System.exit(2);
        }
        String client = args[0];
        Path kubeconfig = Path.of(args[1]);
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }

        RestConfig config = new KubeConfigLoader().restConfig(kubeconfig, null).toBuilder().qps(-1).build();
        seed(config);

        Callable<String> get = switch (client) {
            case "jdk" -> jdk(config);
            case "kube-client" -> kubeClient(config.toBuilder().wireFormat(WireFormat.JSON).build());
            case "kube-client-protobuf" -> kubeClient(config.toBuilder().wireFormat(WireFormat.PROTOBUF).build());
            default -> throw new IllegalArgumentException("unknown client " + client
                    + "; use jdk, kube-client or kube-client-protobuf");
        };
        for (int i = 0; i < Math.max(500, iterations / 2); i++) {
            check(get.call());
        }
        System.gc();
        long[] nanos = new long[iterations];
        long allocated = FullListHarness.allocatedBytes();
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            String name = get.call();
            nanos[i] = System.nanoTime() - start;
            check(name);
        }
        long allocatedBytes = FullListHarness.allocatedBytes() - allocated;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "RESULT client=%s usPerGet=%.1f minUs=%.1f p99Us=%.1f allocKiBPerGet=%.2f gets=%d%n",
                client, nanos[iterations / 2] / 1e3, nanos[0] / 1e3,
                nanos[Math.min(iterations - 1, (int) Math.ceil(iterations * 0.99) - 1)] / 1e3,
                allocatedBytes / 1024.0 / iterations, iterations);
        System.exit(0);
    }

    private static void check(String name) {
        if (!NAME.equals(name)) {
            throw new IllegalStateException("GET returned " + name + ", expected " + NAME);
        }
    }

    private static Callable<String> kubeClient(RestConfig config) {
        KubeRestClient rest = KubeRestClient.create(config);
        Clientset clientset = Clientset.of(rest);
        return () -> clientset.coreV1().configMaps(NAMESPACE).get(NAME).getMetadata().getName();
    }

    private static Callable<String> jdk(RestConfig config) throws Exception {
        return BareJdkGet.of(config, "/api/v1/namespaces/" + NAMESPACE + "/configmaps/" + NAME, ConfigMap.class,
                configMap -> configMap.getMetadata().getName());
    }

    /** Creates the namespace and the small ConfigMap if they are not there yet. */
    private static void seed(RestConfig config) {
        try (KubeRestClient rest = KubeRestClient.create(config)) {
            Clientset clientset = Clientset.of(rest);
            try {
                clientset.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                        .endMetadata().build());
            } catch (RuntimeException e) {
                if (!ApiErrors.isAlreadyExists(e)) {
                    throw e;
                }
            }
            try {
                clientset.coreV1().configMaps(NAMESPACE).create(new ConfigMapBuilder().withNewMetadata().withName(NAME)
                        .addToLabels("app", "bench").endMetadata().addToData("greeting", "hello").build());
            } catch (RuntimeException e) {
                if (!ApiErrors.isAlreadyExists(e)) {
                    throw e;
                }
            }
        }
    }
}
