package dev.kubeclient.rest;

import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.watch.Watch;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One request to the API server, built fluently and sent by one of the terminal methods ({@link #execute()},
 * {@link #bytes()}, {@link #as(Class)}, {@link #stream()}, {@link #watch(Class)}). The counterpart of client-go's
 * {@code rest.Request}: mutable and single-use; get a fresh one from {@link KubeRestClient}.
 *
 * <p>The path is either given whole with {@link #absPath(String...)} or built from its parts:
 * {@code prefix | group+version}, {@code namespace}, {@code resource}, {@code name}, {@code subresource}, giving
 * {@code /api/v1/namespaces/{ns}/{resource}/{name}/{sub}} or {@code /apis/{group}/{version}/...}. A path in the
 * configured server URL is kept in front. Path segments and query parameters are URL-encoded here.
 *
 * <p>Every terminal method goes through the client's rate limiter before each attempt, retries 429 and 5xx answers
 * that carry {@code Retry-After}, retries connection failures of GETs, reports to the listener, and turns a
 * non-2xx answer into a typed {@code KubeApiException}. IO failures become
 * {@link dev.kubeclient.errors.KubeClientException}s naming the method and URL. An interrupted caller gets a
 * {@code KubeClientException} caused by an {@link java.io.InterruptedIOException}, with its interrupt flag set
 * again.
 */
public final class KubeRequest {

    private static final MediaType JSON = MediaType.get("application/json");

    private final KubeRestClient client;
    private final String method;
    private List<String> absPath;
    private final List<String> prefix = new ArrayList<>();
    private String group;
    private String version;
    private String namespace;
    private String resource;
    private String name;
    private final List<String> subresource = new ArrayList<>();
    private final List<String[]> params = new ArrayList<>();
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body;
    private String contentType;
    private Duration timeout;
    private String verb;
    private boolean used;

    KubeRequest(KubeRestClient client, String method, String contentType) {
        this.client = client;
        this.method = method;
        this.contentType = contentType;
    }

    /**
     * The whole path, for example {@code absPath("/api/v1/namespaces/x/pods")} or
     * {@code absPath("apis", "apps", "v1")}; segments are joined with '/'. Replaces any structured path parts.
     */
    public KubeRequest absPath(String... segments) {
        Objects.requireNonNull(segments, "segments");
        this.absPath = RequestPath.split(segments);
        return this;
    }

    /** Segments before the resource part, for example {@code prefix("apis", "apps", "v1")} or {@code "/api/v1"}. */
    public KubeRequest prefix(String... segments) {
        Objects.requireNonNull(segments, "segments");
        prefix.addAll(RequestPath.split(segments));
        return this;
    }

    /** The API group; {@code ""} or {@code null} for the core group ({@code /api/{version}}). */
    public KubeRequest group(String group) {
        this.group = group == null ? "" : group;
        return this;
    }

    /** The API version, for example {@code v1}; with {@link #group(String)} builds the prefix. */
    public KubeRequest version(String version) {
        this.version = requireSegment("version", version);
        return this;
    }

    /** The namespace; {@code null} or empty for a cluster-scoped request. */
    public KubeRequest namespace(String namespace) {
        this.namespace = namespace == null || namespace.isEmpty() ? null : requireSegment("namespace", namespace);
        return this;
    }

    /** The resource, as its lower-case plural ({@code pods}, {@code deployments}). */
    public KubeRequest resource(String plural) {
        this.resource = requireSegment("resource", plural).toLowerCase(Locale.ROOT);
        return this;
    }

    /** The object's name. */
    public KubeRequest name(String name) {
        this.name = requireSegment("name", name);
        return this;
    }

    /** The subresource, for example {@code status}, {@code scale}, {@code log}, {@code eviction}. */
    public KubeRequest subresource(String... subresource) {
        for (String s : subresource) {
            this.subresource.add(requireSegment("subresource", s));
        }
        return this;
    }

    /** A query parameter; the same key may be given more than once; a {@code null} value is ignored. */
    public KubeRequest param(String key, String value) {
        Objects.requireNonNull(key, "query parameter name");
        if (value != null) {
            params.add(new String[] {key, value});
        }
        return this;
    }

    /** Several query parameters, in the map's order (for example {@code PageRequest.queryParameters()}). */
    public KubeRequest params(java.util.Map<String, String> parameters) {
        Objects.requireNonNull(parameters, "parameters").forEach(this::param);
        return this;
    }

    /** A request header, added to those the transport sets (auth, user agent). */
    public KubeRequest header(String key, String value) {
        Objects.requireNonNull(key, "header name");
        Objects.requireNonNull(value, () -> "value of header " + key);
        headers.add(new String[] {key, value});
        return this;
    }

    /** The body, sent as is. */
    public KubeRequest body(byte[] bytes) {
        this.body = Objects.requireNonNull(bytes, "body").clone();
        return this;
    }

    /** The body as UTF-8 text, sent as is (JSON, or YAML for server-side apply). */
    public KubeRequest body(String text) {
        this.body = Objects.requireNonNull(text, "body").getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** The body: an object (a model class, a {@code Map}, a {@code JsonNode}) encoded as JSON. */
    public KubeRequest body(Object object) {
        Objects.requireNonNull(object, "body");
        if (object instanceof byte[] bytes) {
            return body(bytes);
        }
        if (object instanceof String text) {
            return body(text);
        }
        this.body = client.json().write(object);
        return this;
    }

    /** Overrides the body's content type ({@code application/json}, or the patch type's). */
    public KubeRequest contentType(String contentType) {
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        return this;
    }

    /**
     * The deadline of the whole request: rate-limiter waits, retries and reading the answer. Without it,
     * non-streaming requests use the configuration's timeout; watches and streams have none.
     */
    public KubeRequest timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /** Overrides the Kubernetes verb reported to the listener (normally derived from the method and path). */
    public KubeRequest verb(String kubernetesVerb) {
        this.verb = Objects.requireNonNull(kubernetesVerb, "verb");
        return this;
    }

    /** Sends the request; the caller closes the 2xx response. */
    public KubeResponse execute() {
        Prepared p = prepare(false, false);
        return new KubeResponse(client.executor().execute(p), client.json(), p.description());
    }

    /** Sends the request and returns the whole 2xx body. */
    public byte[] bytes() {
        return execute().bytes();
    }

    /**
     * Sends the request and decodes the 2xx body with {@code decoder} while it streams in (large lists are never
     * held whole in memory); see {@link KubeResponse#decode(BodyDecoder, String)}.
     *
     * @param what the expected content, for error messages (for example {@code ConfigMapList})
     */
    public <T> T decode(BodyDecoder<T> decoder, String what) {
        return execute().decode(decoder, what);
    }

    /** Sends the request and decodes the 2xx body as JSON. */
    public <T> T as(Class<T> type) {
        return execute().as(type);
    }

    /** Sends the request and decodes the 2xx body as JSON into a generic type. */
    public <T> T as(TypeReference<T> type) {
        return execute().as(type);
    }

    /**
     * Sends the request and returns the body as a stream, for long or endless answers (pod logs with
     * {@code follow=true}); no default timeout applies. Closing the stream frees the connection.
     */
    public InputStream stream() {
        Prepared p = prepare(false, true);
        return client.executor().execute(p).body().byteStream();
    }

    /**
     * Opens a watch ({@code watch=true}) whose events carry objects of {@code type}. No default timeout applies;
     * the server ends the stream after its own timeout ({@code timeoutSeconds}).
     */
    public <T> Watch<T> watch(Class<T> type) {
        return watch(client.json().mapper().constructType(type));
    }

    /** Opens a watch whose events carry objects of a generic type (for example {@code Map<String, Object>}). */
    public <T> Watch<T> watch(TypeReference<T> type) {
        return watch(client.json().mapper().constructType(type));
    }

    private <T> Watch<T> watch(JavaType type) {
        param("watch", "true");
        Prepared p = prepare(true, true);
        return client.executor().watch(p, type);
    }

    private Prepared prepare(boolean watch, boolean streaming) {
        if (used) {
            throw new IllegalStateException("a KubeRequest is single-use; this one was already sent: " + method
                    + " " + path().template());
        }
        used = true;
        RestPlan plan = client.plan();
        RequestPath path = path();
        HttpUrl.Builder url = plan.baseUrl().newBuilder();
        for (String segment : path.segments()) {
            url.addPathSegment(segment);
        }
        for (String[] p : params) {
            url.addQueryParameter(p[0], p[1]);
        }
        HttpUrl httpUrl = url.build();
        boolean isWatch = watch || params.stream().anyMatch(p -> p[0].equals("watch") && p[1].equals("true"));
        String derivedVerb = verb != null ? verb : path.verb(method, isWatch);
        RequestInfo info = path.info(derivedVerb, method, plan.host());

        Request.Builder request = new Request.Builder().url(httpUrl).tag(RequestInfo.class, info);
        boolean acceptSet = false;
        for (String[] h : headers) {
            request.addHeader(h[0], h[1]);
            acceptSet |= h[0].equalsIgnoreCase("Accept");
        }
        if (!acceptSet) {
            request.header("Accept", "application/json");
        }
        RequestBody requestBody = null;
        if (body != null) {
            requestBody = RequestBody.create(body, MediaType.get(contentType));
        } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            requestBody = RequestBody.create(new byte[0], contentType == null ? JSON : MediaType.get(contentType));
        }
        request.method(method, requestBody);

        Duration deadline = timeout != null ? timeout : (streaming ? Duration.ZERO : plan.defaultTimeout());
        return new Prepared(request.build(), info, deadline, streaming, method + " " + httpUrl);
    }

    private RequestPath path() {
        if (absPath != null) {
            return RequestPath.parse(absPath);
        }
        List<String> p = new ArrayList<>(prefix);
        String g = group == null ? "" : group;
        String v = version;
        if (v != null) {
            if (g.isEmpty()) {
                p.add("api");
            } else {
                p.add("apis");
                p.add(g);
            }
            p.add(v);
        } else if (!p.isEmpty()) {
            RequestPath fromPrefix = RequestPath.parse(p);
            g = fromPrefix.group();
            v = fromPrefix.version();
        }
        if (resource == null) {
            if (namespace != null || name != null || !subresource.isEmpty()) {
                throw new IllegalStateException("a request with a namespace, name or subresource needs a resource: "
                        + method + " " + String.join("/", p));
            }
            return RequestPath.parse(p);
        }
        return new RequestPath(List.copyOf(p), g, v == null ? "" : v, namespace, resource, name,
                List.copyOf(subresource), true);
    }

    private static String requireSegment(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        if (value.equals(".") || value.equals("..") || value.contains("/") || value.contains("%")) {
            throw new IllegalArgumentException(field + " '" + value
                    + "' may not be '.' or '..' and may not contain '/' or '%'");
        }
        return value;
    }

    /** A request ready to send: the OkHttp request, what it is about, its deadline (zero for none). */
    record Prepared(Request request, RequestInfo info, Duration timeout, boolean streaming, String description) {
    }

    /** What the client contributes to every request: base URL, host, default timeout. */
    record RestPlan(HttpUrl baseUrl, String host, Duration defaultTimeout) {
        static RestPlan of(URI server, Duration defaultTimeout) {
            HttpUrl base = HttpUrl.get(server.toString());
            return new RestPlan(base, base.host() + ":" + base.port(), defaultTimeout);
        }
    }

    @Override
    public String toString() {
        return "KubeRequest[" + method + " " + (used ? "(sent)" : path().template()) + "]";
    }
}
