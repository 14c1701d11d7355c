package dev.kubeclient.errors;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusDetails;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API server answered with a status code outside 2xx. Carries the decoded {@link Status} (synthesized from
 * the status code when the body was not a {@code Status}), the HTTP status code, the request's method and path,
 * and the server's {@code Retry-After}. Subtypes name the common cases ({@link NotFoundException},
 * {@link ConflictException}, ...); {@link ApiErrors} creates the right one and offers {@code isXxx} helpers.
 *
 * <p>The message reads {@code GET /api/v1/namespaces/a/pods/b: 404 NotFound: pods "b" not found}. It never
 * contains request headers or query parameters.
 */
public class KubeApiException extends KubeClientException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String method;
    private final String path;
    private final Status status;
    private final Duration retryAfter;

    /**
     * An API error. Usually made by {@link ApiErrors#fromResponse}; public so that other layers (watch events,
     * fakes in tests) can make one from a {@code Status} they already hold.
     *
     * @param code       the HTTP status code (or the {@code Status.code} of a watch ERROR event)
     * @param method     the request method, for example {@code GET}; may be {@code null} when unknown
     * @param path       the request path without query string; may be {@code null} when unknown
     * @param status     the server's {@code Status}; copied
     * @param retryAfter the server's {@code Retry-After}, or {@code null} when it sent none
     */
    public KubeApiException(int code, String method, String path, Status status, Duration retryAfter) {
        super(describe(code, method, path, Objects.requireNonNull(status, "status")));
        this.code = code;
        this.method = method;
        this.path = stripQuery(path);
        this.status = new StatusBuilder(status).build();
        this.retryAfter = retryAfter;
    }

    /** The HTTP status code, for example 404. */
    public int code() {
        return code;
    }

    /** The request method, for example {@code GET}; empty when unknown. */
    public String method() {
        return method == null ? "" : method;
    }

    /** The request path, for example {@code /api/v1/namespaces/a/pods/b}; empty when unknown. */
    public String path() {
        return path == null ? "" : path;
    }

    /** {@code Status.reason}, for example {@code NotFound}; empty when the server gave none. */
    public String reason() {
        return status.getReason() == null ? "" : status.getReason();
    }

    /** {@code Status.message} as the server wrote it (or the start of a non-Status body); empty when absent. */
    public String statusMessage() {
        return status.getMessage() == null ? "" : status.getMessage();
    }

    /** A copy of the server's {@code Status} (synthesized from the code when the body was not one). */
    public Status status() {
        return new StatusBuilder(status).build();
    }

    /** {@code Status.details.name}: the name of the object concerned; empty when absent. */
    public String name() {
        StatusDetails d = status.getDetails();
        return d == null || d.getName() == null ? "" : d.getName();
    }

    /** {@code Status.details.kind}: the kind (or resource) concerned, for example {@code pods}; empty when absent. */
    public String kind() {
        StatusDetails d = status.getDetails();
        return d == null || d.getKind() == null ? "" : d.getKind();
    }

    /** {@code Status.details.causes}; empty when absent. */
    public List<ApiErrorCause> causes() {
        StatusDetails d = status.getDetails();
        if (d == null || d.getCauses() == null) {
            return List.of();
        }
        return d.getCauses().stream()
                .map(c -> new ApiErrorCause(c.getReason(), c.getMessage(), c.getField()))
                .toList();
    }

    /** {@code Status.details.retryAfterSeconds}, when the server put one there. */
    public Optional<Duration> retryAfterSecondsInDetails() {
        StatusDetails d = status.getDetails();
        if (d == null || d.getRetryAfterSeconds() == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.max(0, d.getRetryAfterSeconds())));
    }

    /** The delay the server asked for in its {@code Retry-After} header (seconds or an HTTP date), if it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String describe(int code, String method, String path, Status status) {
        StringBuilder s = new StringBuilder();
        if (method != null && !method.isEmpty()) {
            s.append(method).append(' ');
        }
        String p = stripQuery(path);
        if (p != null && !p.isEmpty()) {
            s.append(p);
        }
        if (!s.isEmpty()) {
            s.append(": ");
        }
        s.append(code);
        if (status.getReason() != null && !status.getReason().isEmpty()) {
            s.append(' ').append(status.getReason());
        }
        if (status.getMessage() != null && !status.getMessage().isEmpty()) {
            s.append(": ").append(status.getMessage());
        }
        return s.toString();
    }

    private static String stripQuery(String path) {
        if (path == null) {
            return null;
        }
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
