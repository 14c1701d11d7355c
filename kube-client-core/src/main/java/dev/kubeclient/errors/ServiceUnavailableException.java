package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * The server, or an aggregated API behind it, is unavailable: reason {@code ServiceUnavailable},
 * or HTTP 503 with an unknown reason.
 */
public class ServiceUnavailableException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public ServiceUnavailableException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }
}
