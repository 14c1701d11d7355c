package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * The server could not finish the request in time and suggests retrying it: reason
 * {@code ServerTimeout} (HTTP 500 or 504). {@link ApiErrors#suggestsClientDelay} says when.
 */
public class ServerTimeoutException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public ServerTimeoutException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }
}
