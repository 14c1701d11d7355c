package dev.kubeclient.testing.server.patch;

import java.util.List;

/**
 * A patch the API server refuses: the HTTP status, Kubernetes {@code StatusReason} and causes the real
 * kube-apiserver answers with, so a server built on {@link Patches} can turn it into the same {@code Status} body.
 *
 * <p>{@link #getMessage()} explains the problem for a human; {@link #statusMessage()} is the text the real server
 * puts in {@code Status.message} (often less helpful, for example "the server rejected our request due to an error
 * in our request" for any failed JSON patch in v1.20).
 */
public final class PatchException extends RuntimeException {

    private final int httpStatus;
    private final String reason;
    private final String statusMessage;
    private final List<Cause> causes;

    /**
     * @param httpStatus    the HTTP status code (400, 415, 422, 500)
     * @param reason        the Kubernetes StatusReason, or {@code ""} where the real server sends none (its 500s)
     * @param statusMessage the {@code Status.message} the real server sends
     * @param detail        what exactly is wrong, for the exception message
     * @param causes        the {@code Status.details.causes}, possibly empty
     */
    public PatchException(int httpStatus, String reason, String statusMessage, String detail, List<Cause> causes) {
        super(detail);
        this.httpStatus = httpStatus;
        this.reason = reason;
        this.statusMessage = statusMessage;
        this.causes = List.copyOf(causes);
    }

    /** The HTTP status code the real server answers with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Kubernetes {@code StatusReason} ("BadRequest", "Invalid", "UnsupportedMediaType"), or "" for none. */
    public String reason() {
        return reason;
    }

    /** The text the real server puts in {@code Status.message}. */
    public String statusMessage() {
        return statusMessage;
    }

    /** The causes for {@code Status.details.causes}; empty when the real server sends none. */
    public List<Cause> causes() {
        return causes;
    }

    /** One {@code StatusCause}: its reason type (e.g. "FieldValueInvalid"), message and field path. */
    public record Cause(String type, String message, String field) {
    }

    static PatchException badRequest(String statusMessage, String detail) {
        return new PatchException(400, "BadRequest", statusMessage, detail, List.of());
    }

    /** A JSON patch that cannot be applied: v1.20 answers 422 Invalid with a generic message and no causes. */
    static PatchException invalidJsonPatch(String detail) {
        return new PatchException(422, "Invalid", "the server rejected our request due to an error in our request",
                detail, List.of());
    }

    /** A strategic merge patch the merge code rejects: the real server answers 500 with the Go error text. */
    static PatchException strategicMergeError(String message) {
        return new PatchException(500, "", message, message, List.of());
    }
}
