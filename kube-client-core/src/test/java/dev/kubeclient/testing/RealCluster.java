package dev.kubeclient.testing;

import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The cluster integration tests run against. {@value #KUBECONFIG_ENV} points at an admin kubeconfig. When it is
 * the envtest server (CI), the envtest run folder beside it holds more kubeconfigs and credentials: the
 * client-certificate user, the limited (RBAC) user, the CA, and the ServiceAccount signing key.
 */
public final class RealCluster {

    /** The environment variable naming the admin kubeconfig of the cluster under test. */
    public static final String KUBECONFIG_ENV = "KUBE_CLIENT_IT_KUBECONFIG";

    /**
     * The environment variable giving the API server's {@code --etcd-compaction-interval} (for example {@code 30s},
     * {@code 1m}); the tests of 410 Gone after compaction run only when it is set and short.
     */
    public static final String COMPACTION_INTERVAL_ENV = "KUBE_CLIENT_IT_COMPACTION_INTERVAL";

    /** The longest compaction interval the 410 tests wait for; upstream's default (5 min) is longer, on purpose. */
    public static final Duration LONGEST_COMPACTION_INTERVAL = Duration.ofMinutes(2);

    private final Path kubeconfig;

    private RealCluster(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    static boolean isConfigured() {
        String value = System.getenv(KUBECONFIG_ENV);
        return value != null && !value.isBlank();
    }

    static String kubeconfigPath() {
        return System.getenv(KUBECONFIG_ENV);
    }

    /** The cluster named by {@value #KUBECONFIG_ENV}; fails when it names a missing file. */
    public static RealCluster fromEnvironment() {
        Path path = Path.of(kubeconfigPath());
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(KUBECONFIG_ENV + " names " + path + ", which is not a file");
        }
        return new RealCluster(path);
    }

    /** The admin kubeconfig (bearer token, full rights). */
    public Path adminKubeconfig() {
        return kubeconfig;
    }

    /**
     * The admin kubeconfig's current context as a RestConfig, through the real kubeconfig loader, so the suite runs
     * against any cluster (envtest, kind, minikube) and not only against envtest's file layout.
     */
    public RestConfig adminConfig() {
        return new KubeConfigLoader().restConfig(kubeconfig, null);
    }

    /** The API server's address, from the admin kubeconfig (never assumed: envtest's port is configurable). */
    public URI server() {
        return adminConfig().server();
    }

    /**
     * The admin kubeconfig's bearer token; aborts (skips) the calling test with a message when the admin user
     * authenticates otherwise (kind and minikube use client certificates).
     */
    public String adminBearerTokenOrSkip() {
        String token = adminConfig().bearerToken();
        if (token == null || token.isBlank()) {
            org.junit.jupiter.api.Assumptions.abort("needs an admin kubeconfig with a bearer token; " + kubeconfig
                    + " authenticates otherwise");
        }
        return token;
    }

    /**
     * How often the API server compacts etcd, from {@value #COMPACTION_INTERVAL_ENV}; aborts (skips) the calling
     * test with a message when it is unset or longer than {@link #LONGEST_COMPACTION_INTERVAL}, because waiting
     * for a compaction would then take too long or forever.
     */
    public static Duration compactionIntervalOrSkip() {
        String value = System.getenv(COMPACTION_INTERVAL_ENV);
        if (value == null || value.isBlank()) {
            org.junit.jupiter.api.Assumptions.abort(COMPACTION_INTERVAL_ENV + " is not set: this test waits for "
                    + "etcd compaction; set it to the API server's --etcd-compaction-interval (at most "
                    + LONGEST_COMPACTION_INTERVAL.toSeconds() + "s, e.g. 30s as .ci/run starts envtest with) to run it");
        }
        Duration interval = parseGoDuration(value.strip());
        if (interval.compareTo(LONGEST_COMPACTION_INTERVAL) > 0) {
            org.junit.jupiter.api.Assumptions.abort(COMPACTION_INTERVAL_ENV + "=" + value + " is longer than "
                    + LONGEST_COMPACTION_INTERVAL.toSeconds() + "s: waiting for a compaction would take too long");
        }
        return interval;
    }

    /** Reads a duration written as Go flags write it ({@code 30s}, {@code 1m}, {@code 1m30s}) or as ISO-8601. */
    static Duration parseGoDuration(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        try {
            return Duration.parse(upper.startsWith("P") ? upper : "PT" + upper);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(COMPACTION_INTERVAL_ENV + "=" + value
                    + " is not a duration; write it like 30s, 1m or 1m30s", e);
        }
    }

    /** The folder that holds the kubeconfig; for envtest, its run folder. */
    public Path runDir() {
        return kubeconfig.toAbsolutePath().getParent();
    }

    /** A file in the envtest run folder (for example {@code pki/ca.crt}), if this cluster has it. */
    public Optional<Path> envtestFile(String relative) {
        Path file = runDir().resolve(relative);
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * A file of the envtest run folder; aborts (skips) the calling test with a message when the cluster under test
     * is not envtest and so has no such file.
     */
    public Path envtestFileOrSkip(String relative) {
        return envtestFile(relative).orElseGet(() -> {
            org.junit.jupiter.api.Assumptions.abort("needs envtest's " + relative + " beside " + kubeconfig
                    + "; the cluster under test has none");
            return null;
        });
    }

    /** A name unique to this test run, for namespaces and objects: {@code prefix-<8 hex>}. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
