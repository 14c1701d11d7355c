package dev.kubeclient.benchmarks.harness;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.config.WireFormat;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.rest.KubeRestClient;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

/**
 * Full LIST of many ConfigMaps against a real cluster, measured in this JVM for one client: kube-client's
 * {@code Clientset} (gzip on, as by default, or off) or a bare JDK {@code HttpClient} + Jackson 3 baseline (asking
 * for gzip or not). Each timed LIST reports wall time, bytes allocated by all threads, GC count and time inside the
 * timed section, and peak heap growth. Run it in several fresh JVMs with {@code scripts/full-list.sh}, which prints
 * medians and minima per client side by side.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.kubeclient.benchmarks.harness.FullListHarness <client> <kubeconfig>
 * [items] [iterations]} where client is {@code kube-client} (JSON, gzip on), {@code kube-client-identity} (JSON,
 * gzip off), {@code kube-client-protobuf} ({@code WireFormat.PROTOBUF}, the default, gzip on),
 * {@code kube-client-protobuf-identity}, {@code jdk-gzip} or
 * {@code jdk-identity}. The baseline authenticates with the kubeconfig's bearer token (token or token file) and
 * trusts its CA; it does not do client certificates or exec plugins. The first run seeds the namespace {@code kube-client-bench} with the ConfigMaps (about
 * 850 bytes of JSON each); later runs reuse them.
 */
public final class FullListHarness {

    private static final String NAMESPACE = "kube-client-bench";

    /**
     * The baseline's mapper: plain Jackson 3 with the one setting Kubernetes objects need (unknown properties
     * ignored), as a user of bare Jackson would write it; none of kube-client's own tuning of {@code KubeJson}.
     */
    static final JsonMapper BARE_JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private FullListHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FullListHarness <kube-client|kube-client-identity|kube-client-protobuf|"
                    + "kube-client-protobuf-identity|jdk-gzip|jdk-identity> "
                    + "<kubeconfig> [items=10000] [iterations=5]");
            System.exit(2);
        }
        String client = args[0];
        Path kubeconfig = Path.of(args[1]);
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 5;

        RestConfig config = new KubeConfigLoader().restConfig(kubeconfig, null).toBuilder().qps(-1).build();
        seed(config, items);

        Callable<List<?>> list = switch (client) {
            case "kube-client" -> kubeClient(config.toBuilder().wireFormat(WireFormat.JSON).build());
            case "kube-client-identity" -> kubeClient(config.toBuilder().wireFormat(WireFormat.JSON)
                    .disableCompression(true).build());
            case "kube-client-protobuf" -> kubeClient(config.toBuilder().wireFormat(WireFormat.PROTOBUF).build());
            case "kube-client-protobuf-identity" -> kubeClient(config.toBuilder().wireFormat(WireFormat.PROTOBUF)
                    .disableCompression(true).build());
            case "jdk-gzip" -> jdk(config, true);
            case "jdk-identity" -> jdk(config, false);
            default -> throw new IllegalArgumentException("unknown client " + client);
        };
        // Warm-up: class loading, JIT, connection set-up.
        for (int i = 0; i < 3; i++) {
            check(list.call(), items);
        }
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            samples.add(measure(list, items));
        }
        double retainedMiB = retainedBytes(list, items) / 1048576.0;
        for (Sample s : samples) {
            System.out.printf(Locale.ROOT, "RESULT client=%s ms=%.1f allocMiB=%.1f gcCount=%d gcMs=%d peakGrowthMiB=%.1f "
                            + "retainedMiB=%.1f%n", client, s.nanos / 1e6, s.allocated / 1048576.0, s.gcCount,
                    s.gcMillis, s.peakGrowth / 1048576.0, retainedMiB);
        }
        System.exit(0);
    }

    private static void check(List<?> listed, int items) {
        if (listed.size() != items) {
            throw new IllegalStateException("listed " + listed.size() + " ConfigMaps, expected " + items);
        }
    }

    /**
     * The heap the listed objects keep alive once the LIST is over: heap used after a full GC while the items are
     * held, minus heap used after a full GC once they are dropped (best of three). The bound is peak growth
     * during the LIST at most 1.5 times this.
     */
    private static long retainedBytes(Callable<List<?>> list, int items) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            List<?> held = list.call();
            check(held, items);
            long with = usedAfterGc();
            java.lang.ref.Reference.reachabilityFence(held);
            held = null;
            long without = usedAfterGc();
            best = Math.min(best, with - without);
        }
        return Math.max(0, best);
    }

    private static long usedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    record Sample(long nanos, long allocated, long gcCount, long gcMillis, long peakGrowth) {
    }

    private static Sample measure(Callable<List<?>> list, int items) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long used = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcCount = gcCount();
        long gcMillis = gcMillis();
        long allocated = allocatedBytes();
        long start = System.nanoTime();
        check(list.call(), items);
        long nanos = System.nanoTime() - start;
        long allocatedAfter = allocatedBytes();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Sample(nanos, allocatedAfter - allocated, gcCount() - gcCount, gcMillis() - gcMillis,
                Math.max(0, peak - used));
    }

    static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static Callable<List<?>> kubeClient(RestConfig config) {
        KubeRestClient rest = KubeRestClient.create(config);
        Clientset clientset = Clientset.of(rest);
        return () -> clientset.coreV1().configMaps(NAMESPACE).list().getItems();
    }

    private static Callable<List<?>> jdk(RestConfig config, boolean gzip) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(sslContext(config)).build();
        ObjectReader reader = BARE_JSON.readerFor(ConfigMapList.class);
        URI uri = config.server().resolve("/api/v1/namespaces/" + NAMESPACE + "/configmaps");
        String token = bearerToken(config);
        return () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (gzip) {
                request.header("Accept-Encoding", "gzip");
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("LIST answered " + response.statusCode());
            }
            boolean zipped = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
            try (InputStream body = zipped ? new GZIPInputStream(response.body(), 8192) : response.body()) {
                ConfigMapList list = reader.readValue(body);
                return list.getItems();
            }
        };
    }

    /** The kubeconfig's bearer token (inline or from its file) for the bare baselines, or {@code null}. */
    static String bearerToken(RestConfig config) throws java.io.IOException {
        return config.bearerToken() != null ? config.bearerToken()
                : config.bearerTokenFile() != null ? Files.readString(config.bearerTokenFile()).trim() : null;
    }

    static SSLContext sslContext(RestConfig config) throws Exception {
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        byte[] ca = config.caData() != null ? config.caData()
                : config.caFile() != null ? Files.readAllBytes(config.caFile()) : null;
        if (ca != null) {
            int i = 0;
            for (var cert : certificates.generateCertificates(new ByteArrayInputStream(ca))) {
                trust.setCertificateEntry("ca-" + i++, (X509Certificate) cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ca != null ? trust : null);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** Creates the namespace and ConfigMaps up to {@code items}, in parallel batches, if they are not there yet. */
    private static void seed(RestConfig config, int items) throws Exception {
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
            int present = clientset.coreV1().configMaps(NAMESPACE).list().getItems().size();
            if (present >= items) {
                return;
            }
            System.err.printf("seeding %d ConfigMaps in %s%n", items - present, NAMESPACE);
            List<Thread> workers = new ArrayList<>();
            int threads = 8;
            for (int t = 0; t < threads; t++) {
                int first = present + t;
                Thread worker = new Thread(() -> {
                    for (int i = first; i < items; i += threads) {
                        clientset.coreV1().configMaps(NAMESPACE).create(new ConfigMapBuilder().withNewMetadata()
                                .withName("bench-" + i).addToLabels("app", "bench").addToLabels("shard",
                                        Integer.toString(i % 16)).addToAnnotations("note", "x".repeat(64))
                                .endMetadata().addToData("config.yaml", "key: value\n".repeat(40)).build());
                    }
                }, "seed-" + t);
                worker.start();
                workers.add(worker);
            }
            for (Thread w : workers) {
                w.join();
            }
        }
    }

}
