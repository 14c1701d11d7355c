package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * The request carried no valid credentials: reason {@code Unauthorized}, or HTTP 401 with an unknown
 * reason. Check the token, client certificate or exec plugin of the kubeconfig user.
 */
public class UnauthorizedException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public UnauthorizedException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }
}
