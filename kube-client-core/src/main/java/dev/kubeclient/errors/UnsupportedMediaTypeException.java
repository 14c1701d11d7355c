package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * The server does not accept the request's content type (for example a patch type the
 * resource does not support): reason {@code UnsupportedMediaType}, or HTTP 415 with an unknown reason.
 */
public class UnsupportedMediaTypeException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public UnsupportedMediaTypeException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }
}
