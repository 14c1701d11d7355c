package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;

/**
 * The authenticated user may not perform the request: reason {@code Forbidden}, or HTTP 403 with an
 * unknown reason. The message names the user, verb and resource; grant access with RBAC.
 */
public class ForbiddenException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public ForbiddenException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }
}
