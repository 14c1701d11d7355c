package dev.kubeclient.errors;

/**
 * One entry of {@code Status.details.causes}: why the server rejected a request, often naming the offending field
 * (for example {@code FieldValueRequired} on {@code metadata.name}).
 *
 * @param reason  the machine-readable cause, for example {@code FieldValueInvalid}; empty when absent
 * @param message a human-readable description; empty when absent
 * @param field   the field path the cause refers to, for example {@code spec.replicas}; empty when absent
 */
public record ApiErrorCause(String reason, String message, String field) {

    /** Replaces {@code null} components with empty strings. */
    public ApiErrorCause {
        reason = reason == null ? "" : reason;
        message = message == null ? "" : message;
        field = field == null ? "" : field;
    }
}
