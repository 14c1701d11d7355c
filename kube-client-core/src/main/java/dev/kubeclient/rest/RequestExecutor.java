package dev.kubeclient.rest;

import dev.kubeclient.protobuf.KubeProtobuf;
import dev.kubeclient.auth.CredentialException;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.flowcontrol.RateLimiter;
import dev.kubeclient.flowcontrol.Sleeper;
import dev.kubeclient.flowcontrol.Ticker;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.observation.RequestResult;
import dev.kubeclient.observation.RetryReason;
import dev.kubeclient.observation.WarningHandler;
import dev.kubeclient.watch.Watch;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import tools.jackson.databind.JavaType;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends prepared requests: rate limiter before every attempt, client-go's retry rules, listener reports, error
 * mapping. One per {@link KubeRestClient}; thread-safe.
 */
final class RequestExecutor {

    /** Longest Retry-After we honour; a server asking for more gets this (client-go has no cap; we bound waits). */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    /** How often a GET is re-sent after a connection failure (client-go retries such GETs too). */
    static final int MAX_CONNECTION_RETRIES = 3;
    /** The first wait before re-sending after a connection failure; doubles each time. */
    static final Duration CONNECTION_RETRY_DELAY = Duration.ofMillis(200);
    /** How much of an error body is read to build the exception. */
    private static final long MAX_ERROR_BODY = 64 * 1024;

    private final OkHttpClient client;
    private final OkHttpClient streamingClient;
    private final RateLimiter limiter;
    private final KubeClientListener listener;
    private final WarningHandler warnings;
    private final KubeJson json;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final int maxRetries;
    private final InterruptWatchdog watchdog;

    RequestExecutor(OkHttpClient client, OkHttpClient streamingClient, RateLimiter limiter,
                    KubeClientListener listener, WarningHandler warnings, KubeJson json, Ticker ticker,
                    Sleeper sleeper, int maxRetries, InterruptWatchdog watchdog) {
        this.client = client;
        this.streamingClient = streamingClient;
        this.limiter = limiter;
        this.listener = listener;
        this.warnings = warnings;
        this.json = json;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.maxRetries = maxRetries;
        this.watchdog = watchdog;
    }

    /** Sends {@code p} until it gets a final answer; returns a 2xx response or throws. */
    Response execute(KubeRequest.Prepared p) {
        return executeCall(p).response();
    }

    /** A 2xx answer and the call that got it (a watch needs the call to cancel it from another thread). */
    record Sent(Call call, Response response) {
    }

    private Sent executeCall(KubeRequest.Prepared p) {
        RequestInfo info = p.info();
        long start = ticker.nanoTime();
        long deadline = p.timeout().isZero() ? Long.MAX_VALUE : start + p.timeout().toNanos();
        listener.requestStarted(info);
        int attempt = 0;
        int connectionRetries = 0;
        while (true) {
            attempt++;
            Response response;
            Call call;
            try {
                awaitThrottle(p, deadline);
                call = newCall(p, deadline);
                response = send(p, call);
            } catch (IOException e) {
                if (isRetryableConnectionFailure(p, e) && connectionRetries < MAX_CONNECTION_RETRIES) {
                    Duration delay = CONNECTION_RETRY_DELAY.multipliedBy(1L << connectionRetries);
                    if (fitsBefore(delay, deadline)) {
                        connectionRetries++;
                        listener.requestRetried(info, RetryReason.CONNECTION_FAILURE, attempt + 1, delay);
                        pause(p, delay, start, attempt, e.getClass().getSimpleName());
                        continue;
                    }
                }
                finish(info, start, 0, e.getClass().getSimpleName(), attempt);
                throw ioFailure(p, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish(info, start, 0, "InterruptedException", attempt);
                throw interrupted(p, e);
            } catch (KubeClientException e) {
                // RateLimiterTimeoutException: no token before the deadline.
                finish(info, start, 0, e.getClass().getSimpleName(), attempt);
                throw e;
            }
            int code = response.code();
            // An adaptive limiter learns from every answer whether API Priority and Fairness protects the server.
            limiter.serverResponded(response::header);
            reportWarnings(response, info);
            Duration retryAfter = retryAfter(response);
            if (code == 429) {
                listener.tooManyRequests(info, retryAfter);
            }
            if (retryAfter != null && (code == 429 || code >= 500) && attempt <= maxRetries) {
                Duration delay = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
                if (fitsBefore(delay, deadline)) {
                    response.close();
                    RetryReason reason = code == 429 ? RetryReason.TOO_MANY_REQUESTS : RetryReason.SERVER_RETRY_AFTER;
                    listener.requestRetried(info, reason, attempt + 1, delay);
                    pause(p, delay, start, attempt, null);
                    continue;
                }
            }
            finish(info, start, code, null, attempt);
            if (response.isSuccessful()) {
                return new Sent(call, response);
            }
            throw apiError(p, response);
        }
    }

    /** Opens a watch: like {@link #execute} for the opening request, then hands the stream to a {@link Watch}. */
    <T> Watch<T> watch(KubeRequest.Prepared p, JavaType type) {
        Sent sent = executeCall(p);
        RequestInfo info = p.info();
        listener.watchOpened(info);
        long opened = ticker.nanoTime();
        java.util.function.Consumer<String> onClosed =
                error -> listener.watchClosed(info, Duration.ofNanos(ticker.nanoTime() - opened), error);
        if (KubeProtobuf.isProtobuf(sent.response().header("Content-Type")) && KubeProtobuf.canDecode(type.getRawClass())) {
            @SuppressWarnings("unchecked")
            Class<T> raw = (Class<T>) type.getRawClass();
            return Watch.decodingProtobuf(sent.response().body().byteStream(), json.mapper(), raw, sent.call()::cancel,
                    onClosed, p.description());
        }
        return Watch.decoding(sent.response().body().byteStream(), json.mapper(), type, sent.call()::cancel,
                onClosed, p.description());
    }

    private void pause(KubeRequest.Prepared p, Duration delay, long start, int attempt, String error) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(p.info(), start, 0, error == null ? "InterruptedException" : error, attempt);
            throw interrupted(p, e);
        }
    }

    private void awaitThrottle(KubeRequest.Prepared p, long deadline) throws InterruptedException {
        if (!limiter.isLimiting() || Float.isInfinite(limiter.qps())) {
            return;
        }
        // Throws RateLimiterTimeoutException (taking no token) when the wait would outlast the request's deadline.
        Duration waited = deadline == Long.MAX_VALUE ? limiter.acquire()
                : limiter.acquire(Duration.ofNanos(Math.max(0, deadline - ticker.nanoTime())));
        listener.rateLimiterWaited(p.info(), waited);
    }

    private Call newCall(KubeRequest.Prepared p, long deadline) throws IOException {
        OkHttpClient http = p.streaming() ? streamingClient : client;
        Call call = http.newCall(p.request());
        if (deadline != Long.MAX_VALUE) {
            long remaining = deadline - ticker.nanoTime();
            if (remaining <= 0) {
                throw new InterruptedIOException("timeout");
            }
            call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
        }
        return call;
    }

    private Response send(KubeRequest.Prepared p, Call call) throws IOException, InterruptedException {
        // Run on the caller's thread, so interceptors, listeners, the wire trace and an exec plugin see its
        // ThreadLocals (MDC, tracing context). The call's own timeout bounds it; the watchdog cancels it when the
        // caller is interrupted, since a thread blocked in a socket read would not notice.
        watchdog.watch(call);
        try {
            return call.execute();
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted() || isInterruptedIo(e)) {
                InterruptedException interrupted = new InterruptedException("interrupted");
                interrupted.initCause(e);
                throw interrupted;
            }
            throw e;
        } catch (RuntimeException e) {
            if (e instanceof KubeClientException k) {
                throw k;
            }
            throw new KubeClientException(p.description() + " failed: " + e, e);
        } finally {
            watchdog.unwatch(call);
        }
    }

    /** Okio's answer to an interrupted thread (as opposed to {@code "timeout"}, the call's deadline). */
    private static boolean isInterruptedIo(IOException e) {
        return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
                && "interrupted".equals(e.getMessage());
    }

    private boolean fitsBefore(Duration delay, long deadline) {
        return deadline == Long.MAX_VALUE || ticker.nanoTime() + delay.toNanos() < deadline;
    }

    private void finish(RequestInfo info, long start, int code, String error, int attempts) {
        listener.requestFinished(info, new RequestResult(code, error, Duration.ofNanos(ticker.nanoTime() - start),
                attempts));
    }

    private void reportWarnings(Response response, RequestInfo info) {
        var values = response.headers("Warning");
        if (values.isEmpty()) {
            return;
        }
        for (String warning : WarningHeaders.parse(values)) {
            warnings.handleWarning(warning, info);
        }
    }

    /** The Retry-After header (seconds, as the API server sends it, or an HTTP date from a proxy), or {@code null}. */
    static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        // Checked here so that a successful answer does not load ApiErrors (its mapper and exception table).
        return value == null ? null : ApiErrors.parseRetryAfter(value, Clock.systemUTC());
    }

    private static boolean isRetryableConnectionFailure(KubeRequest.Prepared p, IOException e) {
        if (e instanceof InterruptedIOException) {
            return false;
        }
        // Any verb may be re-sent when the request provably never reached the server, as Go's transport does.
        if (neverReachedTheServer(e)) {
            return true;
        }
        // Otherwise only GET: the server may have acted on anything else before the connection broke.
        if (!p.request().method().equals("GET")) {
            return false;
        }
        if (e instanceof ConnectException || e instanceof EOFException) {
            return true;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SocketException) {
            return message.contains("reset") || message.contains("Broken pipe") || message.contains("closed");
        }
        return message.startsWith("unexpected end of stream") || message.contains("stream was reset");
    }

    /**
     * A refused connection, an HTTP/2 stream the server refused (REFUSED_STREAM), or a connection that was shut down
     * (GOAWAY) before the request's stream was opened: in each case the server saw nothing.
     */
    private static boolean neverReachedTheServer(IOException e) {
        if (e instanceof ConnectException) {
            return true;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("REFUSED_STREAM") || e.getClass().getSimpleName().equals("ConnectionShutdownException");
    }

    private KubeClientException ioFailure(KubeRequest.Prepared p, IOException e) {
        if (e.getCause() instanceof CredentialException credential) {
            // The transport can only throw IOExceptions; the caller gets the typed credential failure itself
            // (an ExecPluginException with its outcome and install hint, say), not a wrapper around it.
            return credential;
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
                && "timeout".equals(e.getMessage())) {
            return new KubeClientException(p.description() + " did not finish within its timeout of "
                    + p.timeout() + " (the request's timeout, or the configuration's)", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new KubeClientException(p.description() + " timed out: " + reason, e);
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
            return new KubeClientException(p.description() + " failed: the TLS handshake failed (" + reason
                    + "); check that the CA in the configuration (certificate-authority / caData / caFile) signed "
                    + "the server's certificate and that the server name matches it (tlsServerName)", e);
        }
        return new KubeClientException(p.description() + " failed: " + reason, e);
    }

    private static KubeClientException interrupted(KubeRequest.Prepared p, InterruptedException e) {
        InterruptedIOException cause = new InterruptedIOException("interrupted");
        cause.initCause(e);
        return new KubeClientException(p.description() + " was interrupted", cause);
    }

    private RuntimeException apiError(KubeRequest.Prepared p, Response response) {
        try (response) {
            byte[] body;
            try {
                body = response.peekBody(MAX_ERROR_BODY).bytes();
            } catch (IOException e) {
                body = new byte[0];
            }
            String contentType = response.body().contentType() == null ? null
                    : response.body().contentType().toString();
            return ApiErrors.fromResponse(response.code(), p.request().method(), p.request().url().toString(),
                    response.headers(), body, contentType);
        }
    }
}
