package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * The request body is larger than the server accepts: reason {@code RequestEntityTooLarge} or
 * HTTP 413.
 */
public class RequestEntityTooLargeException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public RequestEntityTooLargeException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }
}
