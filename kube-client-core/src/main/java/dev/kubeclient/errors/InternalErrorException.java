package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * An unexpected server error: reason {@code InternalError}, or HTTP 500 with an unknown reason. A
 * 5xx answer whose body is not a {@code Status} (a proxy's error page) also becomes this type, as in client-go.
 */
public class InternalErrorException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public InternalErrorException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }
}
