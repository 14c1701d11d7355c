package dev.kubeclient.errors;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers of a real HTTP server (MockWebServer) fed into {@link ApiErrors#fromResponse}: the exception type, its
 * accessors and message, and the {@code isXxx} helpers.
 */
class ApiErrorsTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final OkHttpClient HTTP = new OkHttpClient();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @AfterAll
    static void closeClient() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    private KubeApiException answer(String method, String path, MockResponse response) {
        server.enqueue(response);
        Request.Builder request = new Request.Builder().url(server.url(path));
        if (!method.equals("GET")) {
            request.method(method, method.equals("DELETE") ? null : okhttp3.RequestBody.create(new byte[0]));
        }
        try (Response r = HTTP.newCall(request.build()).execute()) {
            ResponseBody body = r.body();
            return ApiErrors.fromResponse(r.code(), method, path, r.headers(), body.bytes(), r.header("Content-Type"),
                    CLOCK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KubeApiException json(int code, String body) {
        return answer("GET", "/api/v1/namespaces/a/pods/b",
                new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
    }

    private KubeApiException text(int code, String contentType, String body) {
        return answer("GET", "/api/v1/namespaces/a/pods/b",
                new MockResponse.Builder().code(code).addHeader("Content-Type", contentType).body(body).build());
    }

    private static String status(int code, String reason, String message) {
        return """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"%s","reason":"%s",\
                "details":{"name":"b","kind":"pods"},"code":%d,"futureField":{"x":1}}""".formatted(message, reason, code);
    }

    static Stream<Arguments> statusReasons() {
        return Stream.of(
                Arguments.of(400, "BadRequest", BadRequestException.class),
                Arguments.of(401, "Unauthorized", UnauthorizedException.class),
                Arguments.of(403, "Forbidden", ForbiddenException.class),
                Arguments.of(404, "NotFound", NotFoundException.class),
                Arguments.of(405, "MethodNotAllowed", MethodNotAllowedException.class),
                Arguments.of(406, "NotAcceptable", NotAcceptableException.class),
                Arguments.of(409, "AlreadyExists", AlreadyExistsException.class),
                Arguments.of(409, "Conflict", ConflictException.class),
                Arguments.of(410, "Gone", GoneException.class),
                Arguments.of(410, "Expired", GoneException.class),
                Arguments.of(413, "RequestEntityTooLarge", RequestEntityTooLargeException.class),
                Arguments.of(415, "UnsupportedMediaType", UnsupportedMediaTypeException.class),
                Arguments.of(422, "Invalid", InvalidException.class),
                Arguments.of(429, "TooManyRequests", TooManyRequestsException.class),
                Arguments.of(500, "InternalError", InternalErrorException.class),
                Arguments.of(500, "ServerTimeout", ServerTimeoutException.class),
                Arguments.of(504, "ServerTimeout", ServerTimeoutException.class),
                Arguments.of(500, "StoreReadError", KubeApiException.class),
                Arguments.of(503, "ServiceUnavailable", ServiceUnavailableException.class),
                Arguments.of(504, "Timeout", ApiTimeoutException.class),
                // The reason wins over the code when it is known.
                Arguments.of(500, "NotFound", NotFoundException.class));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("statusReasons")
    void jsonStatusIsMappedByItsReason(int code, String reason, Class<?> expected) {
        KubeApiException e = json(code, status(code, reason, "something about b"));

        assertThat(e).isExactlyInstanceOf(expected);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.statusMessage()).isEqualTo("something about b");
        assertThat(e.name()).isEqualTo("b");
        assertThat(e.kind()).isEqualTo("pods");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/api/v1/namespaces/a/pods/b");
        assertThat(e.status().getStatus()).isEqualTo("Failure");
    }

    static Stream<Arguments> statusCodes() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class),
                Arguments.of(401, UnauthorizedException.class),
                Arguments.of(403, ForbiddenException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(405, MethodNotAllowedException.class),
                Arguments.of(406, NotAcceptableException.class),
                Arguments.of(409, ConflictException.class),
                Arguments.of(410, GoneException.class),
                Arguments.of(413, RequestEntityTooLargeException.class),
                Arguments.of(415, UnsupportedMediaTypeException.class),
                Arguments.of(422, InvalidException.class),
                Arguments.of(429, TooManyRequestsException.class),
                Arguments.of(500, InternalErrorException.class),
                Arguments.of(503, ServiceUnavailableException.class),
                Arguments.of(504, ApiTimeoutException.class),
                Arguments.of(418, KubeApiException.class),
                Arguments.of(402, KubeApiException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statusCodes")
    void jsonStatusWithAnUnknownReasonIsMappedByCode(int code, Class<?> expected) {
        assertThat(json(code, status(code, "SomethingNew", "hm"))).isExactlyInstanceOf(expected);
        assertThat(json(code, status(code, "", "hm"))).isExactlyInstanceOf(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statusCodes")
    void plainTextBodyIsMappedByCode(int code, Class<?> expected) {
        KubeApiException e = text(code, "text/plain; charset=utf-8", "nope\n");

        assertThat(e).isExactlyInstanceOf(expected);
        assertThat(e.statusMessage()).isEqualTo("nope");
        assertThat(e.status().getCode()).isEqualTo(code);
    }

    @Test
    void priorityAndFairnessRejectionInPlainTextIsTooManyRequestsWithRetryAfter() {
        KubeApiException e = answer("POST", "/api/v1/namespaces/a/configmaps", new MockResponse.Builder().code(429)
                .addHeader("Content-Type", "text/plain; charset=utf-8")
                .addHeader("Retry-After", "1")
                .body("Too many requests, please try again later.\n").build());

        assertThat(e).isExactlyInstanceOf(TooManyRequestsException.class);
        assertThat(e.reason()).isEqualTo("TooManyRequests");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(e.getMessage()).isEqualTo(
                "POST /api/v1/namespaces/a/configmaps: 429 TooManyRequests: Too many requests, please try again later.");
        assertThat(ApiErrors.isTooManyRequests(e)).isTrue();
        assertThat(ApiErrors.suggestsClientDelay(e)).contains(Duration.ofSeconds(1));
    }

    @Test
    void htmlErrorPageOfAProxyBecomesAnInternalErrorWithTheTruncatedPageAsMessage() {
        String page = "<html><body>" + "x".repeat(5000) + "</body></html>";

        KubeApiException e = text(502, "text/html", page);

        assertThat(e).isExactlyInstanceOf(InternalErrorException.class);
        assertThat(e.code()).isEqualTo(502);
        assertThat(e.statusMessage()).startsWith("<html><body>xxx").contains("more characters").hasSizeLessThan(1100);
        assertThat(ApiErrors.isInternalError(e)).isTrue();
    }

    @Test
    void jsonThatIsNotAStatusIsTreatedLikeAnyOtherBody() {
        KubeApiException e = json(404, "{\"kind\":\"Pod\",\"apiVersion\":\"v1\"}");

        assertThat(e).isExactlyInstanceOf(NotFoundException.class);
        assertThat(e.statusMessage()).isEqualTo("{\"kind\":\"Pod\",\"apiVersion\":\"v1\"}");
    }

    @Test
    void statusIsRecognisedWithoutAContentType() {
        KubeApiException e = answer("GET", "/api/v1/namespaces/a/pods/b", new MockResponse.Builder().code(409)
                .removeHeader("Content-Type").body("  " + status(409, "AlreadyExists", "exists")).build());

        assertThat(e).isExactlyInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void brokenJsonFallsBackToTheStatusCode() {
        KubeApiException e = json(409, "{\"kind\":\"Status\",");

        assertThat(e).isExactlyInstanceOf(ConflictException.class);
        assertThat(e.statusMessage()).isEqualTo("{\"kind\":\"Status\",");
    }

    @Test
    void emptyBodySaysSo() {
        KubeApiException e = answer("DELETE", "/api/v1/namespaces/a", new MockResponse.Builder().code(503).build());

        assertThat(e).isExactlyInstanceOf(ServiceUnavailableException.class);
        assertThat(e.getMessage()).isEqualTo(
                "DELETE /api/v1/namespaces/a: 503 ServiceUnavailable: the server answered 503 with an empty body");
    }

    @Test
    void statusWithoutCodeTakesTheHttpCode() {
        KubeApiException e = json(404, "{\"kind\":\"Status\",\"reason\":\"NotFound\",\"message\":\"gone fishing\"}");

        assertThat(e.status().getCode()).isEqualTo(404);
    }

    @Test
    void messageNamesMethodPathCodeReasonAndServerMessage() {
        KubeApiException e = json(404, status(404, "NotFound", "pods \\\"b\\\" not found"));

        assertThat(e.getMessage()).isEqualTo("GET /api/v1/namespaces/a/pods/b: 404 NotFound: pods \"b\" not found");
    }

    @Test
    void messageAndPathLeaveOutTheQueryString() {
        KubeApiException e = answer("GET", "/api/v1/pods?labelSelector=app%3Dweb&limit=5", new MockResponse.Builder()
                .code(403).addHeader("Content-Type", "application/json")
                .body(status(403, "Forbidden", "no")).build());

        assertThat(e.path()).isEqualTo("/api/v1/pods");
        assertThat(e.getMessage()).isEqualTo("GET /api/v1/pods: 403 Forbidden: no");
    }

    @Test
    void messageNeverContainsRequestOrResponseHeaders() {
        KubeApiException e = answer("GET", "/api/v1/pods", new MockResponse.Builder().code(401)
                .addHeader("WWW-Authenticate", "Bearer secret-challenge")
                .addHeader("Content-Type", "application/json")
                .body(status(401, "Unauthorized", "Unauthorized")).build());

        assertThat(e).isExactlyInstanceOf(UnauthorizedException.class);
        assertThat(e.getMessage()).doesNotContain("secret-challenge").doesNotContain("Bearer");
    }

    @Test
    void invalidExposesItsFieldCauses() {
        KubeApiException e = json(422, """
                {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Invalid","code":422,
                 "message":"ConfigMap \\"Bad_Name\\" is invalid: metadata.name: Invalid value",
                 "details":{"name":"Bad_Name","kind":"ConfigMap","causes":[
                   {"reason":"FieldValueInvalid","message":"Invalid value: \\"Bad_Name\\"","field":"metadata.name"},
                   {"reason":"FieldValueRequired","message":"Required value","field":"data.key"},
                   {"reason":"UnexpectedServerResponse","message":"no field here"}]}}""");

        assertThat(e).isInstanceOf(InvalidException.class);
        InvalidException invalid = (InvalidException) e;
        assertThat(invalid.causes()).hasSize(3);
        assertThat(invalid.fieldCauses()).containsExactly(
                new ApiErrorCause("FieldValueInvalid", "Invalid value: \"Bad_Name\"", "metadata.name"),
                new ApiErrorCause("FieldValueRequired", "Required value", "data.key"));
        assertThat(invalid.causes().get(2).field()).isEmpty();
        assertThat(ApiErrors.isInvalid(e)).isTrue();
    }

    @Test
    void expiredAndGoneAreBothGoneButOnlyExpiredIsResourceExpired() {
        KubeApiException expired = json(410, status(410, "Expired", "too old resource version: 1 (2)"));
        KubeApiException gone = json(410, status(410, "Gone", "gone"));

        assertThat(expired).isInstanceOf(GoneException.class);
        assertThat(((GoneException) expired).isExpired()).isTrue();
        assertThat(((GoneException) gone).isExpired()).isFalse();
        assertThat(ApiErrors.isGone(expired)).isTrue();
        assertThat(ApiErrors.isGone(gone)).isTrue();
        assertThat(ApiErrors.isResourceExpired(expired)).isTrue();
        assertThat(ApiErrors.isResourceExpired(gone)).isFalse();
    }

    @Test
    void alreadyExistsIsNotAConflict() {
        KubeApiException e = json(409, status(409, "AlreadyExists", "configmaps \\\"b\\\" already exists"));

        assertThat(ApiErrors.isAlreadyExists(e)).isTrue();
        assertThat(ApiErrors.isConflict(e)).isFalse();
    }

    @Test
    void retryAfterInSecondsIsRead() {
        KubeApiException e = answer("GET", "/api", new MockResponse.Builder().code(503).addHeader("Retry-After", "7")
                .addHeader("Content-Type", "application/json").body(status(503, "ServiceUnavailable", "busy")).build());

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(ApiErrors.suggestsClientDelay(e)).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsMeasuredAgainstTheClock() {
        KubeApiException e = answer("GET", "/api", new MockResponse.Builder().code(429)
                .addHeader("Retry-After", "Fri, 02 Jan 2026 03:04:35 GMT").body("slow down").build());

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterDateInThePastMeansNoWait() {
        KubeApiException e = answer("GET", "/api", new MockResponse.Builder().code(429)
                .addHeader("Retry-After", "Thu, 01 Jan 2026 00:00:00 GMT").body("slow down").build());

        assertThat(e.retryAfter()).contains(Duration.ZERO);
    }

    @Test
    void unreadableRetryAfterIsIgnored() {
        KubeApiException e = answer("GET", "/api", new MockResponse.Builder().code(429)
                .addHeader("Retry-After", "soon").body("slow down").build());

        assertThat(e.retryAfter()).isEmpty();
        assertThat(ApiErrors.suggestsClientDelay(e)).isEmpty();
    }

    @Test
    void serverTimeoutSuggestsTheDelayFromItsDetails() {
        KubeApiException e = json(504, """
                {"kind":"Status","status":"Failure","reason":"ServerTimeout","code":504,"message":"try later",
                 "details":{"retryAfterSeconds":3}}""");

        assertThat(e).isExactlyInstanceOf(ServerTimeoutException.class);
        assertThat(ApiErrors.isServerTimeout(e)).isTrue();
        assertThat(ApiErrors.suggestsClientDelay(e)).contains(Duration.ofSeconds(3));
    }

    @Test
    void clientErrorsDoNotSuggestADelayEvenWithRetryAfterSecondsInDetails() {
        KubeApiException e = json(409, """
                {"kind":"Status","status":"Failure","reason":"Conflict","code":409,"message":"stale",
                 "details":{"retryAfterSeconds":3}}""");

        assertThat(ApiErrors.suggestsClientDelay(e)).isEmpty();
        assertThat(ApiErrors.suggestsClientDelay(new IllegalStateException("not an API error"))).isEmpty();
    }

    @Test
    void helpersLookThroughCauses() {
        KubeApiException notFound = json(404, status(404, "NotFound", "x"));
        Throwable wrapped = new ExecutionException(new KubeClientException("while reading", notFound));

        assertThat(ApiErrors.isNotFound(wrapped)).isTrue();
        assertThat(ApiErrors.find(wrapped)).containsSame(notFound);
        assertThat(ApiErrors.isConflict(wrapped)).isFalse();
        assertThat(ApiErrors.isNotFound(new RuntimeException("plain"))).isFalse();
        assertThat(ApiErrors.isNotFound(null)).isFalse();
    }

    static Stream<Arguments> helpers() {
        return Stream.of(
                Arguments.of(404, "NotFound", (Predicate<Throwable>) ApiErrors::isNotFound),
                Arguments.of(409, "AlreadyExists", (Predicate<Throwable>) ApiErrors::isAlreadyExists),
                Arguments.of(409, "Conflict", (Predicate<Throwable>) ApiErrors::isConflict),
                Arguments.of(422, "Invalid", (Predicate<Throwable>) ApiErrors::isInvalid),
                Arguments.of(410, "Gone", (Predicate<Throwable>) ApiErrors::isGone),
                Arguments.of(410, "Expired", (Predicate<Throwable>) ApiErrors::isResourceExpired),
                Arguments.of(429, "TooManyRequests", (Predicate<Throwable>) ApiErrors::isTooManyRequests),
                Arguments.of(401, "Unauthorized", (Predicate<Throwable>) ApiErrors::isUnauthorized),
                Arguments.of(403, "Forbidden", (Predicate<Throwable>) ApiErrors::isForbidden),
                Arguments.of(500, "ServerTimeout", (Predicate<Throwable>) ApiErrors::isServerTimeout),
                Arguments.of(504, "Timeout", (Predicate<Throwable>) ApiErrors::isTimeout),
                Arguments.of(500, "InternalError", (Predicate<Throwable>) ApiErrors::isInternalError),
                Arguments.of(400, "BadRequest", (Predicate<Throwable>) ApiErrors::isBadRequest),
                Arguments.of(405, "MethodNotAllowed", (Predicate<Throwable>) ApiErrors::isMethodNotAllowed),
                Arguments.of(503, "ServiceUnavailable", (Predicate<Throwable>) ApiErrors::isServiceUnavailable),
                Arguments.of(415, "UnsupportedMediaType", (Predicate<Throwable>) ApiErrors::isUnsupportedMediaType),
                Arguments.of(406, "NotAcceptable", (Predicate<Throwable>) ApiErrors::isNotAcceptable),
                Arguments.of(413, "RequestEntityTooLarge", (Predicate<Throwable>) ApiErrors::isRequestEntityTooLarge));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("helpers")
    void eachHelperRecognisesExactlyItsOwnReason(int code, String reason, Predicate<Throwable> helper) {
        KubeApiException own = json(code, status(code, reason, "m"));
        KubeApiException other = json(418, status(418, "Teapot", "m"));

        assertThat(helper.test(own)).isTrue();
        assertThat(helper.test(new IllegalStateException("wrapper", own))).isTrue();
        assertThat(helper.test(other)).isFalse();
    }

    @Test
    void statusFromAWatchErrorEventBecomesTheMatchingException() {
        KubeApiException e = ApiErrors.fromStatus(new io.fabric8.kubernetes.api.model.StatusBuilder()
                .withCode(410).withReason("Expired").withMessage("too old resource version").build(),
                "GET", "/api/v1/pods");

        assertThat(e).isInstanceOf(GoneException.class);
        assertThat(ApiErrors.isResourceExpired(e)).isTrue();
        assertThat(e.getMessage()).isEqualTo("GET /api/v1/pods: 410 Expired: too old resource version");
    }

    @Test
    void statusAccessorReturnsACopy() {
        KubeApiException e = json(404, status(404, "NotFound", "x"));

        e.status().setMessage("changed");

        assertThat(e.statusMessage()).isEqualTo("x");
    }
}
