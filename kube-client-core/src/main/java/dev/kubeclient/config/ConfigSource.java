package dev.kubeclient.config;

/** Where {@link RestConfigs#autodetect(ConfigSource)} takes the configuration from. */
public enum ConfigSource {
    /** In-cluster when {@code KUBERNETES_SERVICE_HOST} and {@code KUBERNETES_SERVICE_PORT} are set, else kubeconfig. */
    AUTO,
    /** Only the pod's ServiceAccount ({@link InClusterConfig}). */
    IN_CLUSTER,
    /** Only kubeconfig files ({@link KubeConfigLoader}): {@code $KUBECONFIG} or {@code ~/.kube/config}. */
    KUBECONFIG
}
