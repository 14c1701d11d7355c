package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * The request did not finish within its time limit: reason {@code Timeout}, or HTTP 504 with an
 * unknown reason (client-go's {@code IsTimeout}). Named so as not to clash with
 * {@link java.util.concurrent.TimeoutException}.
 */
public class ApiTimeoutException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public ApiTimeoutException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }
}
