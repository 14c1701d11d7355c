package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * The server is throttling the client (API Priority and Fairness): reason {@code TooManyRequests}
 * or HTTP 429. {@link #retryAfter()} says how long to wait.
 */
public class TooManyRequestsException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public TooManyRequestsException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }
}
