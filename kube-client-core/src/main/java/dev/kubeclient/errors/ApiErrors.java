package dev.kubeclient.errors;

import dev.kubeclient.protobuf.KubeProtobuf;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import okhttp3.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a non-2xx answer of the API server into the matching {@link KubeApiException} subtype, and answers "is
 * this error a NotFound / Conflict / ..." for any {@link Throwable}, looking through its causes. The Java
 * counterpart of apimachinery's {@code api/errors} package.
 *
 * <p>Mapping follows client-go: when the body is a {@code Status} with a known {@code reason}, the reason decides
 * (so {@code AlreadyExists} on 409 is an {@link AlreadyExistsException}, not a {@link ConflictException};
 * {@code Expired} on 410 is a {@link GoneException} that {@link GoneException#isExpired() is expired};
 * {@code ServerTimeout} on 500 or 504 is a {@link ServerTimeoutException}). Otherwise the status code decides.
 * A body that is not a {@code Status} (API Priority and Fairness answers 429 in {@code text/plain}, proxies send
 * HTML) gets a synthesized {@code Status} whose message is the start of the body.
 */
public final class ApiErrors {

    /** How much of a non-Status body is kept as the message. */
    static final int MAX_BODY_CHARS = 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Map<String, Factory> BY_REASON = Map.ofEntries(
            Map.entry(StatusReasons.NOT_FOUND, NotFoundException::new),
            Map.entry(StatusReasons.ALREADY_EXISTS, AlreadyExistsException::new),
            Map.entry(StatusReasons.CONFLICT, ConflictException::new),
            Map.entry(StatusReasons.INVALID, InvalidException::new),
            Map.entry(StatusReasons.GONE, GoneException::new),
            Map.entry(StatusReasons.EXPIRED, GoneException::new),
            Map.entry(StatusReasons.TOO_MANY_REQUESTS, TooManyRequestsException::new),
            Map.entry(StatusReasons.UNAUTHORIZED, UnauthorizedException::new),
            Map.entry(StatusReasons.FORBIDDEN, ForbiddenException::new),
            Map.entry(StatusReasons.SERVER_TIMEOUT, ServerTimeoutException::new),
            Map.entry(StatusReasons.TIMEOUT, ApiTimeoutException::new),
            Map.entry(StatusReasons.INTERNAL_ERROR, InternalErrorException::new),
            Map.entry(StatusReasons.BAD_REQUEST, BadRequestException::new),
            Map.entry(StatusReasons.METHOD_NOT_ALLOWED, MethodNotAllowedException::new),
            Map.entry(StatusReasons.SERVICE_UNAVAILABLE, ServiceUnavailableException::new),
            Map.entry(StatusReasons.UNSUPPORTED_MEDIA_TYPE, UnsupportedMediaTypeException::new),
            Map.entry(StatusReasons.NOT_ACCEPTABLE, NotAcceptableException::new),
            Map.entry(StatusReasons.REQUEST_ENTITY_TOO_LARGE, RequestEntityTooLargeException::new),
            // Known to the server but without a type of its own here, as in client-go (no IsStoreReadError).
            Map.entry(StatusReasons.STORE_READ_ERROR, KubeApiException::new));

    /** The reason client-go infers from a bare status code, for bodies that are not a Status. */
    private static final Map<Integer, String> REASON_BY_CODE = Map.ofEntries(
            Map.entry(400, StatusReasons.BAD_REQUEST),
            Map.entry(401, StatusReasons.UNAUTHORIZED),
            Map.entry(403, StatusReasons.FORBIDDEN),
            Map.entry(404, StatusReasons.NOT_FOUND),
            Map.entry(405, StatusReasons.METHOD_NOT_ALLOWED),
            Map.entry(406, StatusReasons.NOT_ACCEPTABLE),
            Map.entry(409, StatusReasons.CONFLICT),
            Map.entry(410, StatusReasons.GONE),
            Map.entry(413, StatusReasons.REQUEST_ENTITY_TOO_LARGE),
            Map.entry(415, StatusReasons.UNSUPPORTED_MEDIA_TYPE),
            Map.entry(422, StatusReasons.INVALID),
            Map.entry(429, StatusReasons.TOO_MANY_REQUESTS),
            Map.entry(500, StatusReasons.INTERNAL_ERROR),
            Map.entry(503, StatusReasons.SERVICE_UNAVAILABLE),
            Map.entry(504, StatusReasons.TIMEOUT));

    private static final Set<String> DELAY_REASONS = Set.of(StatusReasons.SERVER_TIMEOUT, StatusReasons.TIMEOUT);

    @FunctionalInterface
    private interface Factory {
        KubeApiException create(int code, String method, String path, Status status, Duration retryAfter);
    }

    private ApiErrors() {
    }

    /**
     * The exception for a non-2xx answer, reading an HTTP-date {@code Retry-After} against the system clock.
     *
     * @see #fromResponse(int, String, String, Headers, byte[], String, Clock)
     */
    public static KubeApiException fromResponse(int code, String method, String path, Headers headers, byte[] body,
                                                String contentType) {
        return fromResponse(code, method, path, headers, body, contentType, Clock.systemUTC());
    }

    /**
     * The exception for a non-2xx answer of the API server.
     *
     * @param code        the HTTP status code
     * @param method      the request method, for example {@code GET}
     * @param path        the request path; a query string is dropped
     * @param headers     the response headers (only {@code Retry-After} is read); may be {@code null}
     * @param body        the response body; may be {@code null} or empty
     * @param contentType the response's {@code Content-Type}; may be {@code null}
     * @param clock       the wall clock an HTTP-date {@code Retry-After} is measured against
     * @return the matching subtype, or {@link KubeApiException} itself when neither reason nor code is known
     */
    public static KubeApiException fromResponse(int code, String method, String path, Headers headers, byte[] body,
                                                String contentType, Clock clock) {
        Duration retryAfter = headers == null ? null : parseRetryAfter(headers.get("Retry-After"), clock);
        Status status = decodeStatus(body, contentType);
        if (status == null) {
            status = synthesize(code, body, retryAfter);
        } else if (status.getCode() == null || status.getCode() == 0) {
            status = new StatusBuilder(status).withCode(code).build();
        }
        return create(code, method, path, status, retryAfter);
    }

    /**
     * The exception for a {@code Status} received outside an HTTP error answer, for example in a watch
     * {@code ERROR} event. The code is {@code Status.code} (500 when absent).
     */
    public static KubeApiException fromStatus(Status status, String method, String path) {
        int code = status.getCode() == null || status.getCode() == 0 ? 500 : status.getCode();
        return create(code, method, path, status, null);
    }

    private static KubeApiException create(int code, String method, String path, Status status, Duration retryAfter) {
        Factory factory = BY_REASON.get(status.getReason() == null ? "" : status.getReason());
        if (factory == null) {
            factory = byCode(code);
        }
        return factory.create(code, method, path, status, retryAfter);
    }

    private static Factory byCode(int code) {
        String reason = REASON_BY_CODE.get(code);
        return reason == null ? KubeApiException::new : BY_REASON.get(reason);
    }

    private static Status decodeStatus(byte[] body, String contentType) {
        if (body != null && KubeProtobuf.hasPrefix(body)) {
            // A client that asked for protobuf gets its errors in protobuf too.
            return KubeProtobuf.decodeStatus(body);
        }
        if (body == null || body.length == 0 || !looksLikeJson(body, contentType)) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            // fabric8's Status defaults kind to "Status", so check the wire form, as client-go's decoder does.
            if (node == null || !node.isObject() || !"Status".equals(node.path("kind").asString(""))) {
                return null;
            }
            return JSON.treeToValue(node, Status.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean looksLikeJson(byte[] body, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return true;
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private static Status synthesize(int code, byte[] body, Duration retryAfter) {
        String reason = REASON_BY_CODE.get(code);
        if (reason == null && code >= 500 && code < 600) {
            // client-go treats any other 5xx without a Status body as an internal error.
            reason = StatusReasons.INTERNAL_ERROR;
        }
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
        if (text.length() > MAX_BODY_CHARS) {
            text = text.substring(0, MAX_BODY_CHARS) + "... (" + (text.length() - MAX_BODY_CHARS) + " more characters)";
        }
        if (text.isEmpty()) {
            text = "the server answered " + code + " with an empty body";
        }
        StatusBuilder b = new StatusBuilder()
                .withApiVersion("v1")
                .withKind("Status")
                .withStatus("Failure")
                .withCode(code)
                .withReason(reason == null ? "" : reason)
                .withMessage(text);
        if (retryAfter != null) {
            b.withDetails(new StatusDetailsBuilder()
                    .withRetryAfterSeconds((int) Math.min(Integer.MAX_VALUE, retryAfter.toSeconds()))
                    .build());
        }
        return b.build();
    }

    /**
     * Reads a {@code Retry-After} value: a number of seconds, or an HTTP date measured against {@code clock}
     * (a date in the past gives zero). Used for the typed errors and by the REST client's retries alike.
     *
     * @return the delay, or {@code null} when the value is absent or unreadable
     */
    public static Duration parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first {@link KubeApiException} in {@code t}'s cause chain, if any. */
    public static Optional<KubeApiException> find(Throwable t) {
        Throwable current = t;
        // A bounded walk guards against cause cycles.
        for (int depth = 0; current != null && depth < 64; depth++) {
            if (current instanceof KubeApiException api) {
                return Optional.of(api);
            }
            if (current.getCause() == current) {
                break;
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    private static boolean is(Throwable t, Class<? extends KubeApiException> type) {
        return find(t).filter(type::isInstance).isPresent();
    }

    /** Whether {@code t} (or a cause) is a {@link NotFoundException}. */
    public static boolean isNotFound(Throwable t) {
        return is(t, NotFoundException.class);
    }

    /** Whether {@code t} (or a cause) is an {@link AlreadyExistsException}. */
    public static boolean isAlreadyExists(Throwable t) {
        return is(t, AlreadyExistsException.class);
    }

    /** Whether {@code t} (or a cause) is a {@link ConflictException} (not an {@link AlreadyExistsException}). */
    public static boolean isConflict(Throwable t) {
        return is(t, ConflictException.class);
    }

    /** Whether {@code t} (or a cause) is an {@link InvalidException}. */
    public static boolean isInvalid(Throwable t) {
        return is(t, InvalidException.class);
    }

    /** Whether {@code t} (or a cause) is a {@link GoneException}, expired or not. */
    public static boolean isGone(Throwable t) {
        return is(t, GoneException.class);
    }

    /** Whether {@code t} (or a cause) is a {@link GoneException} with reason {@code Expired}. */
    public static boolean isResourceExpired(Throwable t) {
        return find(t).filter(e -> e instanceof GoneException g && g.isExpired()).isPresent();
    }

    /** Whether {@code t} (or a cause) is a {@link TooManyRequestsException} or any API error with code 429. */
    public static boolean isTooManyRequests(Throwable t) {
        return find(t).filter(e -> e instanceof TooManyRequestsException || e.code() == 429).isPresent();
    }

    /** Whether {@code t} (or a cause) is an {@link UnauthorizedException}. */
    public static boolean isUnauthorized(Throwable t) {
        return is(t, UnauthorizedException.class);
    }

    /** Whether {@code t} (or a cause) is a {@link ForbiddenException}. */
    public static boolean isForbidden(Throwable t) {
        return is(t, ForbiddenException.class);
    }

    /** Whether {@code t} (or a cause) is a {@link ServerTimeoutException} (reason {@code ServerTimeout}). */
    public static boolean isServerTimeout(Throwable t) {
        return is(t, ServerTimeoutException.class);
    }

    /** Whether {@code t} (or a cause) is an {@link ApiTimeoutException} (reason {@code Timeout} or code 504). */
    public static boolean isTimeout(Throwable t) {
        return is(t, ApiTimeoutException.class);
    }

    /** Whether {@code t} (or a cause) is an {@link InternalErrorException}. */
    public static boolean isInternalError(Throwable t) {
        return is(t, InternalErrorException.class);
    }

    /** Whether {@code t} (or a cause) is a {@link BadRequestException}. */
    public static boolean isBadRequest(Throwable t) {
        return is(t, BadRequestException.class);
    }

    /** Whether {@code t} (or a cause) is a {@link MethodNotAllowedException}. */
    public static boolean isMethodNotAllowed(Throwable t) {
        return is(t, MethodNotAllowedException.class);
    }

    /** Whether {@code t} (or a cause) is a {@link ServiceUnavailableException}. */
    public static boolean isServiceUnavailable(Throwable t) {
        return is(t, ServiceUnavailableException.class);
    }

    /** Whether {@code t} (or a cause) is an {@link UnsupportedMediaTypeException}. */
    public static boolean isUnsupportedMediaType(Throwable t) {
        return is(t, UnsupportedMediaTypeException.class);
    }

    /** Whether {@code t} (or a cause) is a {@link NotAcceptableException}. */
    public static boolean isNotAcceptable(Throwable t) {
        return is(t, NotAcceptableException.class);
    }

    /** Whether {@code t} (or a cause) is a {@link RequestEntityTooLargeException} or any API error with code 413. */
    public static boolean isRequestEntityTooLarge(Throwable t) {
        return find(t).filter(e -> e instanceof RequestEntityTooLargeException || e.code() == 413).isPresent();
    }

    /**
     * How long the server asked the client to wait before trying again, like client-go's
     * {@code SuggestsClientDelay}: the {@code Retry-After} header when there was one, else
     * {@code Status.details.retryAfterSeconds} on a {@code ServerTimeout} or {@code Timeout} reason, a 5xx or a
     * 429.
     *
     * @return the suggested delay, or empty when the error is not an API error or suggests none
     */
    public static Optional<Duration> suggestsClientDelay(Throwable t) {
        Optional<KubeApiException> api = find(t);
        if (api.isEmpty()) {
            return Optional.empty();
        }
        KubeApiException e = api.get();
        if (e.retryAfter().isPresent()) {
            return e.retryAfter();
        }
        boolean delayable = DELAY_REASONS.contains(e.reason()) || (e.code() >= 500 && e.code() < 600) || e.code() == 429;
        return delayable ? e.retryAfterSecondsInDetails() : Optional.empty();
    }
}
