package dev.kubeclient.benchmarks.harness;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.KubeConfig;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.rest.KubeRestClient;
import io.fabric8.kubernetes.api.model.Namespace;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JVM start to first GET, in this (fresh) JVM, for one client: kube-client (load the kubeconfig, build its
 * {@code RestConfig}, {@code KubeRestClient.create}, {@code Clientset.of}, then GET the namespace {@code default}) or
 * a bare baseline: a JDK {@code HttpClient} and a plain Jackson 3 mapper that read the same kubeconfig minimally (the
 * first {@code server}, {@code certificate-authority-data} and {@code token} lines) and do the same GET, decoded into
 * the same fabric8 class.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.kubeclient.benchmarks.harness.StartupHarness <kube-client|jdk>
 * <kubeconfig> [launch-epoch-nanos]}. The optional last argument is the wall clock just before the {@code java}
 * command ran ({@code date +%s%N}); with it the harness also reports JVM start to {@code main} and to the end of the
 * first GET. It prints one {@code RESULT} line with the time of each phase in milliseconds and the number of classes
 * loaded when the GET returned (read through the class-loading MX bean after the timed part, so the management
 * classes it loads are counted for both clients alike). Run it in many fresh JVMs with
 * {@code scripts/startup.sh}, which also counts the classes each phase loads with {@code -Xlog:class+load}.
 *
 * <p>The harness prints {@code PHASE <name>} when a phase ends, so that a run with
 * {@code -Xlog:class+load:stdout} shows which phase loaded which classes.
 */
public final class StartupHarness {

    private StartupHarness() {
    }

    public static void main(String[] args) throws Exception {
        long mainNanos = System.nanoTime();
        Instant mainWall = Instant.now();
        if (args.length < 2) {
            System.err.println("usage: StartupHarness <kube-client|jdk> <kubeconfig> [launch-epoch-nanos]");
            System.exit(2);
        }
        Phases phases = new Phases(mainNanos);
        String uid = switch (args[0]) {
            case "kube-client" -> KubeClientStartup.run(Path.of(args[1]), phases);
            case "jdk" -> JdkStartup.run(Path.of(args[1]), phases);
            default -> throw new IllegalArgumentException("unknown client " + args[0] + "; use kube-client or jdk");
        };
        long endNanos = System.nanoTime();
        if (uid == null || uid.isEmpty()) {
            throw new IllegalStateException("the namespace 'default' came back without a uid");
        }
        StringBuilder line = new StringBuilder("RESULT client=").append(args[0]);
        if (args.length > 2) {
            long launch = Long.parseLong(args[2]);
            long toMain = mainWall.getEpochSecond() * 1_000_000_000L + mainWall.getNano() - launch;
            line.append(String.format(Locale.ROOT, " jvmToMainMs=%.1f jvmToGetMs=%.1f", toMain / 1e6,
                    (toMain + endNanos - mainNanos) / 1e6));
        }
        line.append(String.format(Locale.ROOT, " mainToGetMs=%.1f", (endNanos - mainNanos) / 1e6));
        phases.millis.forEach((name, ms) -> line.append(String.format(Locale.ROOT, " %sMs=%.1f", name, ms)));
        line.append(" classes=").append(ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.println(line);
        System.exit(0);
    }

    /** Times consecutive phases; {@link #end} closes the current one. */
    private static final class Phases {
        private final Map<String, Double> millis = new LinkedHashMap<>();
        private long last;

        Phases(long start) {
            this.last = start;
        }

        void end(String name) {
            long now = System.nanoTime();
            millis.put(name, (now - last) / 1e6);
            last = now;
            System.out.println("PHASE " + name);
        }
    }

    /**
     * kube-client's path. A class of its own, like {@link JdkStartup}, so that verifying {@code main} loads neither
     * client's classes.
     */
    private static final class KubeClientStartup {
        static String run(Path kubeconfig, Phases phases) {
            KubeConfig file = new KubeConfigLoader().load(kubeconfig);
            phases.end("kubeconfig");
            RestConfig config = file.restConfig(null);
            phases.end("restConfig");
            KubeRestClient rest = KubeRestClient.create(config);
            phases.end("restClient");
            Clientset clientset = Clientset.of(rest);
            phases.end("clientset");
            String uid = clientset.coreV1().namespaces().get("default").getMetadata().getUid();
            phases.end("firstGet");
            return uid;
        }
    }

    /** The bare baseline's path. */
    private static final class JdkStartup {
        static String run(Path kubeconfig, Phases phases) throws Exception {
            // Minimal reading: the first server, CA data and token of the file, as a hand-written tool would do.
            String server = null;
            String ca = null;
            String token = null;
            for (String line : Files.readAllLines(kubeconfig)) {
                String trimmed = line.trim();
                if (server == null && trimmed.startsWith("server:")) {
                    server = trimmed.substring("server:".length()).trim();
                } else if (ca == null && trimmed.startsWith("certificate-authority-data:")) {
                    ca = trimmed.substring("certificate-authority-data:".length()).trim();
                } else if (token == null && trimmed.startsWith("token:")) {
                    token = trimmed.substring("token:".length()).trim();
                }
            }
            if (server == null || ca == null || token == null) {
                throw new IllegalArgumentException(kubeconfig + " lacks server, certificate-authority-data or token; the "
                        + "baseline reads only those");
            }
            phases.end("kubeconfig");
            HttpClient http = HttpClient.newBuilder().sslContext(sslContext(Base64.getDecoder().decode(ca))).build();
            phases.end("restClient");
            ObjectReader reader = JsonMapper.builder().build().readerFor(Namespace.class);
            phases.end("mapper");
            HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/api/v1/namespaces/default"))
                    .header("Accept", "application/json").header("Authorization", "Bearer " + token).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String uid;
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET answered " + response.statusCode());
                }
                Namespace namespace = reader.readValue(body);
                uid = namespace.getMetadata().getUid();
            }
            phases.end("firstGet");
            return uid;
        }

        private static SSLContext sslContext(byte[] ca) throws Exception {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            List<Certificate> certificates = new ArrayList<>(
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(ca)));
            for (int i = 0; i < certificates.size(); i++) {
                trust.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        }
    }
}
