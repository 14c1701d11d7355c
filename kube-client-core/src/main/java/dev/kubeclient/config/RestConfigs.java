package dev.kubeclient.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Finds the configuration the way most programs want it: in a pod, the ServiceAccount; elsewhere, the user's
 * kubeconfig. When nothing works, one {@link KubeConfigException} lists everything that was looked for and where.
 */
public final class RestConfigs {

    private static final Logger log = LoggerFactory.getLogger(RestConfigs.class);

    private RestConfigs() {
    }

    /**
     * {@link ConfigSource#AUTO} for the running process.
     *
     * @throws KubeConfigException when neither an in-cluster configuration nor a kubeconfig can be used
     */
    public static RestConfig autodetect() {
        return autodetect(ConfigSource.AUTO, ConfigEnvironment.system());
    }

    /**
     * The configuration from {@code source} for the running process.
     *
     * @throws KubeConfigException when the chosen source cannot be used
     */
    public static RestConfig autodetect(ConfigSource source) {
        return autodetect(source, ConfigEnvironment.system());
    }

    /**
     * The configuration from {@code source}, reading variables and files as {@code environment} describes.
     * With {@link ConfigSource#AUTO}: in-cluster when both service variables are set (falling back to kubeconfig,
     * with a warning, if the ServiceAccount files are unusable), else kubeconfig. An explicit source is used alone
     * and its own error is thrown as is.
     *
     * @throws KubeConfigException when the source (or, for AUTO, every source) cannot be used
     */
    public static RestConfig autodetect(ConfigSource source, ConfigEnvironment environment) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(environment, "environment");
        InClusterConfig inCluster = new InClusterConfig(environment);
        KubeConfigLoader kubeconfig = new KubeConfigLoader(environment);
        return switch (source) {
            case IN_CLUSTER -> inCluster.load();
            case KUBECONFIG -> kubeconfig.restConfig();
            case AUTO -> detect(inCluster, kubeconfig);
        };
    }

    private static RestConfig detect(InClusterConfig inCluster, KubeConfigLoader kubeconfig) {
        KubeConfigException inClusterFailure;
        if (inCluster.isInCluster()) {
            try {
                return inCluster.load();
            } catch (KubeConfigException e) {
                inClusterFailure = e;
            }
        } else {
            inClusterFailure = null;
        }
        try {
            RestConfig config = kubeconfig.restConfig();
            if (inClusterFailure != null) {
                log.warn("The service variables say this runs in a pod, but the in-cluster configuration is unusable "
                        + "({}); using {} instead", inClusterFailure.getMessage(), config.origin());
            }
            return config;
        } catch (KubeConfigException kubeconfigFailure) {
            String inClusterReason = inClusterFailure != null ? inClusterFailure.getMessage()
                    : InClusterConfig.SERVICE_HOST_ENV + " and " + InClusterConfig.SERVICE_PORT_ENV
                    + " are not both set, so this is not a pod";
            KubeConfigException combined = new KubeConfigException("no usable Kubernetes configuration found. "
                    + "In-cluster: " + inClusterReason + ". Kubeconfig (searched " + kubeconfig.searchPath() + "): "
                    + kubeconfigFailure.getMessage(), kubeconfigFailure);
            if (inClusterFailure != null) {
                combined.addSuppressed(inClusterFailure);
            }
            throw combined;
        }
    }
}
