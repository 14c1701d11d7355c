package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.KubeConfigException;

/**
 * {@code kube.client.mode=in-cluster} was asked for, but the process does not run in a pod (the service
 * variables kubelet sets are missing) or the pod's ServiceAccount files cannot be used.
 */
public final class InClusterUnavailableException extends KubeConfigException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /** @param reason what is missing, from the core's in-cluster loader */
    public InClusterUnavailableException(String reason, Throwable cause) {
        super("kube.client.mode is in-cluster, but " + reason, cause);
        this.reason = reason;
    }

    /** What is missing ("KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set"...). */
    public String reason() {
        return reason;
    }
}
