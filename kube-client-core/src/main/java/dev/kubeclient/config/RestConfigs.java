package dev.kubeclient.config;

import dev.kubeclient.config.ConfigOrigin.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Finds the configuration the way controller-runtime's {@code config.GetConfig} does: an explicit kubeconfig file
 * when one is given, else {@code $KUBECONFIG} when it is set (so a pod that sets it talks to that cluster, not its
 * own), else the pod's ServiceAccount, else {@code ~/.kube/config}. Which source won, and why, is logged at INFO in
 * one line and returned as a {@link ConfigOrigin}. When nothing works, one {@link ConfigNotFoundException} lists
 * everything that was looked for and where.
 */
public final class RestConfigs {

    private static final Logger log = LoggerFactory.getLogger(RestConfigs.class);

    private RestConfigs() {
    }

    /**
     * {@link ConfigSource#AUTO} for the running process.
     *
     * @throws KubeConfigException when no source can be used
     */
    public static RestConfig autodetect() {
        return detect(ConfigSource.AUTO, null, null, ConfigEnvironment.system()).config();
    }

    /**
     * The configuration from {@code source} for the running process.
     *
     * @throws KubeConfigException when the chosen source cannot be used
     */
    public static RestConfig autodetect(ConfigSource source) {
        return detect(source, null, null, ConfigEnvironment.system()).config();
    }

    /**
     * The configuration from {@code source}, reading variables and files as {@code environment} describes; see
     * {@link #detect(ConfigSource, Path, String, ConfigEnvironment)}.
     *
     * @throws KubeConfigException when the source (or, for AUTO, every source) cannot be used
     */
    public static RestConfig autodetect(ConfigSource source, ConfigEnvironment environment) {
        return detect(source, null, null, environment).config();
    }

    /**
     * The configuration and where it came from.
     *
     * <p>With {@link ConfigSource#AUTO}, in this order (controller-runtime's): {@code explicitKubeconfig} when
     * given (its errors are thrown as they are); the files of {@code $KUBECONFIG} when it is set (the pod's own
     * ServiceAccount is then not consulted, and their errors are thrown with the list of what was looked for);
     * in-cluster when both service variables are set, falling back to {@code ~/.kube/config} with a warning when
     * the ServiceAccount files are unusable; {@code ~/.kube/config}. {@link ConfigSource#KUBECONFIG} skips
     * in-cluster; {@link ConfigSource#IN_CLUSTER} uses only it.
     *
     * @param source which sources may be used
     * @param explicitKubeconfig a kubeconfig file that replaces the search (kubectl's {@code --kubeconfig}), or
     *     {@code null}; not allowed with {@link ConfigSource#IN_CLUSTER}
     * @param context the kubeconfig context to use (kubectl's {@code --context}), or {@code null} for the current
     *     one; ignored in-cluster
     * @param environment the variables, home folder and ServiceAccount folder to read
     * @throws KubeConfigException when the source (or, for AUTO, every source) cannot be used; the message lists
     *     every place looked at
     * @throws IllegalArgumentException when an explicit file is given with {@link ConfigSource#IN_CLUSTER}
     */
    public static DetectedConfig detect(ConfigSource source, Path explicitKubeconfig, String context,
                                        ConfigEnvironment environment) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(environment, "environment");
        if (source == ConfigSource.IN_CLUSTER && explicitKubeconfig != null) {
            throw new IllegalArgumentException("an explicit kubeconfig (" + explicitKubeconfig + ") cannot be used "
                    + "with ConfigSource.IN_CLUSTER; choose AUTO or KUBECONFIG, or drop the file");
        }
        DetectedConfig detected = new Detection(environment, explicitKubeconfig, context).run(source);
        log.info("Kubernetes configuration from {}", detected.origin().describe());
        return detected;
    }

    /** One detection run: the environment and what the caller asked for. */
    private record Detection(ConfigEnvironment environment, Path explicitKubeconfig, String context) {

        DetectedConfig run(ConfigSource source) {
            InClusterConfig inCluster = new InClusterConfig(environment);
            if (explicitKubeconfig != null) {
                return explicit();
            }
            return switch (source) {
                case IN_CLUSTER -> new DetectedConfig(inCluster.load(), inClusterOrigin("ConfigSource.IN_CLUSTER was asked for"));
                case KUBECONFIG -> kubeconfig("ConfigSource.KUBECONFIG was asked for");
                case AUTO -> auto(inCluster);
            };
        }

        private DetectedConfig explicit() {
            KubeConfig loaded = new KubeConfigLoader(environment).load(explicitKubeconfig);
            return fromKubeconfig(loaded, Kind.EXPLICIT_FILE,
                    "it was given explicitly, so $KUBECONFIG, in-cluster and ~/.kube/config were not consulted");
        }

        private DetectedConfig auto(InClusterConfig inCluster) {
            KubeConfigLoader loader = new KubeConfigLoader(environment);
            if (variableSet()) {
                KubeConfig loaded;
                try {
                    loaded = loader.load();
                } catch (KubeConfigException e) {
                    throw nothingFound(List.of("In-cluster: not tried, because $KUBECONFIG is set",
                            "Kubeconfig (searched " + loader.searchPath() + "): " + e.getMessage()), e, null);
                }
                return fromKubeconfig(loaded, Kind.KUBECONFIG_VARIABLE,
                        "$KUBECONFIG is set, so it wins over in-cluster and ~/.kube/config");
            }
            KubeConfigException inClusterFailure = null;
            if (inCluster.isInCluster()) {
                try {
                    return new DetectedConfig(inCluster.load(), inClusterOrigin(InClusterConfig.SERVICE_HOST_ENV
                            + " and " + InClusterConfig.SERVICE_PORT_ENV + " are set and $KUBECONFIG is not"));
                } catch (KubeConfigException e) {
                    inClusterFailure = e;
                }
            }
            try {
                DetectedConfig found = fromKubeconfig(loader.load(), Kind.DEFAULT_KUBECONFIG, inClusterFailure == null
                        ? "no explicit file, $KUBECONFIG is not set and this is not a pod"
                        : "the in-cluster configuration is unusable (" + inClusterFailure.getMessage() + ")");
                if (inClusterFailure != null) {
                    log.warn("The service variables say this runs in a pod, but the in-cluster configuration is "
                            + "unusable ({}); using {} instead", inClusterFailure.getMessage(), found.origin().location());
                }
                return found;
            } catch (ContextNotFoundException wrongContext) {
                // A kubeconfig was found; the context the caller named is not in it. That is the caller's to fix.
                throw wrongContext;
            } catch (KubeConfigException kubeconfigFailure) {
                String inClusterReason = inClusterFailure != null ? inClusterFailure.getMessage()
                        : InClusterConfig.SERVICE_HOST_ENV + " and " + InClusterConfig.SERVICE_PORT_ENV
                        + " are not both set, so this is not a pod";
                throw nothingFound(List.of("In-cluster: " + inClusterReason, "Kubeconfig (searched "
                        + loader.searchPath() + "): " + kubeconfigFailure.getMessage()), kubeconfigFailure,
                        inClusterFailure);
            }
        }

        private DetectedConfig kubeconfig(String reason) {
            KubeConfigLoader loader = new KubeConfigLoader(environment);
            return fromKubeconfig(loader.load(), variableSet() ? Kind.KUBECONFIG_VARIABLE : Kind.DEFAULT_KUBECONFIG, reason);
        }

        private boolean variableSet() {
            return environment.variable(KubeConfigLoader.KUBECONFIG_ENV).isPresent();
        }

        private DetectedConfig fromKubeconfig(KubeConfig loaded, Kind kind, String reason) {
            RestConfig config = loaded.restConfig(context);
            String used = context != null ? context : loaded.currentContext();
            return new DetectedConfig(config, new ConfigOrigin(kind, loaded.files(), used, reason));
        }

        private ConfigOrigin inClusterOrigin(String reason) {
            return new ConfigOrigin(Kind.IN_CLUSTER, List.of(), null, reason);
        }

        private static ConfigNotFoundException nothingFound(List<String> searched, KubeConfigException cause,
                                                            KubeConfigException suppressed) {
            ConfigNotFoundException combined = new ConfigNotFoundException(searched, cause);
            if (suppressed != null) {
                combined.addSuppressed(suppressed);
            }
            return combined;
        }
    }
}
