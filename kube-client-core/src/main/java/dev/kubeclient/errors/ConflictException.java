package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * An update lost an optimistic-concurrency race (its resourceVersion is stale) or a server-side apply
 * conflicted: reason {@code Conflict}, or HTTP 409 with an unknown reason. Read the object again and retry, for
 * example with {@code Retry.onConflict}.
 */
public class ConflictException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public ConflictException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }
}
