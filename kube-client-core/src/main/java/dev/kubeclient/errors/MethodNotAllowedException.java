package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * The resource does not support the verb: reason {@code MethodNotAllowed}, or HTTP 405 with an
 * unknown reason.
 */
public class MethodNotAllowedException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public MethodNotAllowedException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }
}
