package dev.kubeclient.transport;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * kubectl's {@code -v} wire trace, written to the SLF4J logger {@value #LOGGER_NAME}.
 *
 * <ul>
 *   <li>6: method, URL, status and latency, one line per request;</li>
 *   <li>7: also a curl command line and the request and response headers;</li>
 *   <li>8: also the bodies, cut after {@value #TRUNCATED_BODY_BYTES} bytes;</li>
 *   <li>9: also the whole bodies.</li>
 * </ul>
 * The level is {@code RestConfig.traceLevel()}, logged at INFO. When that is below 6, the logger's own level can
 * turn the trace on instead: DEBUG gives level 6 and TRACE gives level 8, logged at DEBUG.
 *
 * <p>Credentials never reach the log: {@code Authorization} and {@code Proxy-Authorization} keep only their
 * scheme, {@code Cookie} and {@code Set-Cookie} are masked, and bodies go through {@link BodyMasker}. Bodies of
 * streams (watches, followed logs, exec/attach/port-forward) are never read: printing them would hold the stream
 * back. Other response bodies are peeked (read ahead into OkHttp's buffer, not consumed), never past what is printed.
 */
final class WireTrace implements Interceptor {

    /** The logger the trace goes to. */
    static final String LOGGER_NAME = "dev.kubeclient.transport.WireTrace";
    static final int URLS = 6;
    static final int HEADERS = 7;
    static final int BODIES = 8;
    static final int WHOLE_BODIES = 9;
    static final int TRUNCATED_BODY_BYTES = 10 * 1024;

    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Set<String> MASKED_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");
    private static final Set<String> STREAM_SUBRESOURCES = Set.of("exec", "attach", "portforward", "proxy");

    private final int configuredLevel;
    private final LongSupplier nanoTime;

    WireTrace(int configuredLevel, LongSupplier nanoTime) {
        this.configuredLevel = configuredLevel;
        this.nanoTime = nanoTime;
    }

    /** Writes one trace line: INFO when the config asked for the trace, DEBUG when the logger's level did. */
    private interface Sink {
        void write(String line);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        int level = configuredLevel;
        Sink sink = log::info;
        if (level < URLS && log.isDebugEnabled()) {
            level = log.isTraceEnabled() ? BODIES : URLS;
            sink = log::debug;
        }
        if (level < URLS) {
            return chain.proceed(chain.request());
        }
        Request request = chain.request();
        boolean secretUrl = addressesSecrets(request.url());
        if (level >= HEADERS) {
            sink.write(request.method() + " " + request.url());
            sink.write(curl(request));
            sink.write("Request Headers:" + headerLines(requestHeaders(request)));
        }
        if (level >= BODIES && request.body() != null) {
            sink.write("Request Body: " + requestBody(request.body(), level, secretUrl));
        }
        long start = nanoTime.getAsLong();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException | RuntimeException e) {
            sink.write(request.method() + " " + request.url() + " failed after " + millis(start) + " milliseconds: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
        String reason = response.message().isEmpty() ? reasonPhrase(response.code()) : response.message();
        String status = response.code() + (reason.isEmpty() ? "" : " " + reason);
        if (level >= HEADERS) {
            sink.write("Response Status: " + status + " in " + millis(start) + " milliseconds");
            sink.write("Response Headers:" + headerLines(response.headers()));
        } else {
            sink.write(request.method() + " " + request.url() + " " + status + " in " + millis(start) + " milliseconds");
        }
        if (level >= BODIES) {
            sink.write("Response Body: " + responseBody(request, response, level, secretUrl));
        }
        return response;
    }

    /** HTTP/2 has no reason phrase; print Go's {@code http.StatusText} for the codes the API server uses. */
    static String reasonPhrase(int code) {
        return switch (code) {
            case 100 -> "Continue";
            case 101 -> "Switching Protocols";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    private long millis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - start);
    }

    private static Headers requestHeaders(Request request) {
        Headers.Builder headers = request.headers().newBuilder();
        RequestBody body = request.body();
        if (body != null && body.contentType() != null && request.header("Content-Type") == null) {
            headers.add("Content-Type", body.contentType().toString());
        }
        return headers.build();
    }

    private static String headerLines(Headers headers) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            s.append("\n    ").append(headers.name(i)).append(": ").append(maskHeader(headers.name(i), headers.value(i)));
        }
        return s.toString();
    }

    static String maskHeader(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!MASKED_HEADERS.contains(lower)) {
            return value;
        }
        if (lower.endsWith("authorization")) {
            int space = value.indexOf(' ');
            return space > 0 ? value.substring(0, space) + " " + BodyMasker.MASK : BodyMasker.MASK;
        }
        return BodyMasker.MASK;
    }

    /** A curl command that repeats the request, credentials masked, as kubectl prints at -v=7. */
    private static String curl(Request request) {
        StringBuilder s = new StringBuilder("curl -v -X").append(request.method());
        Headers headers = requestHeaders(request);
        for (int i = 0; i < headers.size(); i++) {
            s.append(" -H \"").append(headers.name(i)).append(": ")
                    .append(maskHeader(headers.name(i), headers.value(i)).replace("\"", "\\\"")).append('"');
        }
        return s.append(" '").append(request.url().toString().replace("'", "'\\''")).append('\'').toString();
    }

    private static String requestBody(RequestBody body, int level, boolean secretUrl) {
        if (body.isOneShot() || body.isDuplex()) {
            return "<a streaming request body, not shown>";
        }
        try (Buffer buffer = new Buffer()) {
            body.writeTo(buffer);
            long total = buffer.size();
            long limit = level >= WHOLE_BODIES ? total : Math.min(total, TRUNCATED_BODY_BYTES);
            byte[] bytes = buffer.readByteArray(limit);
            return BodyMasker.render(bytes, limit < total, total, contentType(body.contentType()), secretUrl);
        } catch (IOException e) {
            return "<could not be read for the trace: " + e.getClass().getSimpleName() + ">";
        }
    }

    private static String responseBody(Request request, Response response, int level, boolean secretUrl) {
        if (isStream(request, response)) {
            return "<a stream, not shown>";
        }
        ResponseBody body = response.body();
        long declared = body.contentLength();
        long limit = level >= WHOLE_BODIES ? Long.MAX_VALUE : TRUNCATED_BODY_BYTES;
        try {
            byte[] bytes = response.peekBody(limit).bytes();
            boolean truncated = level < WHOLE_BODIES && bytes.length >= TRUNCATED_BODY_BYTES
                    && (declared < 0 || declared > bytes.length);
            return BodyMasker.render(bytes, truncated, declared >= 0 ? declared : (truncated ? -1 : bytes.length),
                    contentType(body.contentType()), secretUrl);
        } catch (IOException e) {
            return "<could not be read for the trace: " + e.getClass().getSimpleName() + ">";
        }
    }

    private static String contentType(MediaType type) {
        return type == null ? null : type.toString();
    }

    /** Watches, followed logs and upgraded connections: reading ahead would hold their events back. */
    static boolean isStream(Request request, Response response) {
        HttpUrl url = request.url();
        if (isTrue(url.queryParameter("watch")) || isTrue(url.queryParameter("follow"))) {
            return true;
        }
        List<String> segments = url.pathSegments();
        if (segments.contains("watch") || (!segments.isEmpty() && STREAM_SUBRESOURCES.contains(segments.get(segments.size() - 1)))) {
            return true;
        }
        String type = response.header("Content-Type", "");
        return response.code() == 101 || type.contains("stream=");
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
    }

    /** Whether the URL is about Secrets, so JSON {@code data} values are masked even without a {@code kind}. */
    static boolean addressesSecrets(HttpUrl url) {
        return url.pathSegments().contains("secrets");
    }
}
