package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * A create found an object of that name already: reason {@code AlreadyExists} (HTTP 409). Not a
 * {@link ConflictException}, as in client-go, where {@code IsConflict} is false for it.
 */
public class AlreadyExistsException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public AlreadyExistsException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }
}
