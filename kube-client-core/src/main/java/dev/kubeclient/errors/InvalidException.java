package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;

import java.time.Duration;
import java.util.List;

/**
 * The object failed validation: reason {@code Invalid}, or HTTP 422 with an unknown reason. {@link #causes()} lists
 * each problem with the field it concerns, for example {@code FieldValueRequired} on {@code metadata.name}.
 */
public class InvalidException extends KubeApiException {

    private static final long serialVersionUID = 1L;

    /** See {@link KubeApiException#KubeApiException(int, String, String, Status, Duration)}. */
    public InvalidException(int code, String method, String path, Status status, Duration retryAfter) {
        super(code, method, path, status, retryAfter);
    }

    /** The causes that name a field, in the server's order. */
    public List<ApiErrorCause> fieldCauses() {
        return causes().stream().filter(c -> !c.field().isEmpty()).toList();
    }
}
