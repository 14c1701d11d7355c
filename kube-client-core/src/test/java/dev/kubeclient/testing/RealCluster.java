package dev.kubeclient.testing;

import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;

import java.nio.file.Files;
import java.nio.file.Path;
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
