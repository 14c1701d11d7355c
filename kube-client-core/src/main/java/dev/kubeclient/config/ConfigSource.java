package dev.kubeclient.config;

/** Where {@link RestConfigs#autodetect(ConfigSource)} takes the configuration from. */
public enum ConfigSource {
    /**
     * controller-runtime's order: an explicit kubeconfig file when given, else the files of {@code $KUBECONFIG}
     * when it is set, else in-cluster when {@code KUBERNETES_SERVICE_HOST} and {@code KUBERNETES_SERVICE_PORT} are
     * set and the ServiceAccount is usable, else {@code ~/.kube/config}.
     */
    AUTO,
    /** Only the pod's ServiceAccount ({@link InClusterConfig}). */
    IN_CLUSTER,
    /** Only kubeconfig files ({@link KubeConfigLoader}): an explicit file, {@code $KUBECONFIG} or {@code ~/.kube/config}. */
    KUBECONFIG
}
