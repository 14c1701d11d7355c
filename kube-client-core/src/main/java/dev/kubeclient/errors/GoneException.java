package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * HTTP 410: reason {@code Gone}, or reason {@code Expired} when a list or watch asked for a resourceVersion the
 * server no longer keeps (etcd compacted it). After an expired watch, list again and watch from the new
 * resourceVersion.
 */
public class GoneException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public GoneException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }

    /** Whether the reason is {@code Expired} (a too-old resourceVersion) rather than plain {@code Gone}. */
    public boolean isExpired() {
        return StatusReasons.EXPIRED.equals(reason());
    }
}
