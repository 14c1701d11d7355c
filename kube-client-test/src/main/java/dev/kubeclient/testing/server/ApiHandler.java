package dev.kubeclient.testing.server;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;

/**
 * The HTTP front of the server (a Jetty core handler): records the request, applies scripted faults, adds the APF
 * headers, authenticates and authorizes, then serves discovery or resources, turning failures into Status bodies.
 */
final class ApiHandler extends Handler.Abstract {

    static final String FLOW_SCHEMA_UID = "a1b2c3d4-0000-4000-8000-000000000001";
    static final String PRIORITY_LEVEL_UID = "a1b2c3d4-0000-4000-8000-000000000002";
    private static final String ANONYMOUS = "system:anonymous";
    private static final Set<String> PUBLIC_PATHS = Set.of("/version", "/healthz", "/livez", "/readyz");

    private final ResourceCatalog catalog;
    private final DiscoveryDocs discovery;
    private final Resources resources;
    private final Watches watches;
    private final Faults faults;
    private final List<RecordedRequest> record = new CopyOnWriteArrayList<>();
    private final Map<String, ApiUser> usersByToken = new LinkedHashMap<>();
    private final Map<String, ApiUser> usersByCertificate = new LinkedHashMap<>();
    private final boolean anonymous;
    private final boolean apf;
    private final JsonMapper json;
    private final Clock clock;
    private volatile String serverAddress = "127.0.0.1:0";

    ApiHandler(ResourceCatalog catalog, DiscoveryDocs discovery, Resources resources, Watches watches, Faults faults,
               List<ApiUser> users, boolean anonymous, boolean apf, JsonMapper json, Clock clock) {
        this.catalog = catalog;
        this.discovery = discovery;
        this.resources = resources;
        this.watches = watches;
        this.faults = faults;
        this.anonymous = anonymous;
        this.apf = apf;
        this.json = json;
        this.clock = clock;
        for (ApiUser u : users) {
            if (u.usesClientCertificate()) {
                usersByCertificate.put(u.name(), u);
            } else {
                usersByToken.put(u.token(), u);
            }
        }
    }

    void serverAddress(String address) {
        this.serverAddress = address;
    }

    List<RecordedRequest> recorded() {
        return List.copyOf(record);
    }

    void clearRecord() {
        record.clear();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        String path = request.getHttpURI().getDecodedPath();
        String query = request.getHttpURI().getQuery();
        byte[] body = readBody(request);
        if (apf) {
            response.getHeaders().put("X-Kubernetes-PF-FlowSchema-UID", FLOW_SCHEMA_UID);
            response.getHeaders().put("X-Kubernetes-PF-PriorityLevel-UID", PRIORITY_LEVEL_UID);
        }
        response.getHeaders().put("Audit-Id", java.util.UUID.randomUUID().toString());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, private");
        String user;
        try {
            user = impersonate(request, authenticate(request));
        } catch (ApiError e) {
            remember(request, method, path, query, body, "");
            send(response, callback, Reply.json(e.code(), e.status()));
            return true;
        }
        remember(request, method, path, query, body, user);

        Faults.Active fault = faults.take(method, path);
        if (fault != null) {
            switch (fault.kind()) {
                case CUT -> {
                    request.getConnectionMetaData().getConnection().getEndPoint().close();
                    callback.failed(new IOException("connection cut by a scripted fault"));
                    return true;
                }
                case DELAY -> {
                    try {
                        TimeUnit.NANOSECONDS.sleep(fault.duration().toNanos());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        callback.failed(e);
                        return true;
                    }
                }
                case TOO_MANY_REQUESTS -> {
                    long seconds = Math.max(1, (fault.duration().toMillis() + 999) / 1000);
                    send(response, callback, Reply.text(429, "Too many requests, please try again later.\n",
                            Map.of("Retry-After", Long.toString(seconds),
                                    "X-Kubernetes-PF-FlowSchema-UID", FLOW_SCHEMA_UID,
                                    "X-Kubernetes-PF-PriorityLevel-UID", PRIORITY_LEVEL_UID)));
                    return true;
                }
                case STATUS -> {
                    send(response, callback, faultStatus(fault.code()));
                    return true;
                }
            }
        }
        Fields params = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        Map<String, List<String>> queryMap = new LinkedHashMap<>();
        for (Fields.Field f : params) {
            queryMap.put(f.getName(), f.getValues());
        }
        String contentType = headerValue(request, HttpHeader.CONTENT_TYPE);
        int semicolon = contentType.indexOf(';');
        contentType = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim().toLowerCase(Locale.ROOT);
        Call call = new Call(method, path, queryMap, contentType, headerValue(request, HttpHeader.ACCEPT), body,
                headerValue(request, HttpHeader.USER_AGENT), user, new ArrayList<>());
        try {
            if (serveResource(request, response, callback, call)) {
                return true;
            }
            send(response, callback, nonResource(call));
        } catch (ApiError e) {
            send(response, callback, Reply.json(e.code(), e.status()));
        } catch (Lists.ExpiredContinue e) {
            send(response, callback, Reply.json(e.code, e.body));
        } catch (RuntimeException e) {
            send(response, callback, Reply.json(500, ApiError.statusBody(500, "InternalError",
                    "Internal error occurred: " + e, null)));
        }
        return true;
    }

    private Reply faultStatus(int code) {
        String reason = switch (code) {
            case 429 -> "TooManyRequests";
            case 500 -> "InternalError";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            case 409 -> "Conflict";
            default -> "";
        };
        String message = switch (code) {
            case 429 -> "the server has received too many requests and has asked us to try again later";
            case 500 -> "Internal error occurred: injected fault";
            case 503 -> "the server is currently unable to handle the request";
            case 504 -> "the server was unable to return a response in the time allotted, but may still be processing the request";
            default -> "injected fault";
        };
        ObjectNode status = ApiError.statusBody(code, reason.isEmpty() ? null : reason, message,
                code == 429 ? ApiError.details(null, null, null, null).put("retryAfterSeconds", 1) : null);
        Map<String, String> headers = code == 429 || code == 503 ? Map.of("Retry-After", "1") : Map.of();
        return new Reply(code, status, null, Reply.JSON, headers);
    }

    private boolean serveResource(Request request, Response response, Callback callback, Call call) throws IOException {
        RequestInfo info = RequestInfo.parse(call.method(), call.path(), call.flag("watch"));
        if (info == null) {
            return false;
        }
        ResourceDef def = catalog.find(info.group(), info.version(), info.resource()).orElse(null);
        if (def == null) {
            if (discoveryPath(call.path())) {
                return false;
            }
            throw ApiError.of(404, "NotFound", "the server could not find the requested resource", null);
        }
        authorize(call.user(), info, def);
        if (!def.verbs().contains(info.verb()) && info.subresource() == null) {
            throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
        }
        if (def.namespaced() && info.namespace() == null && info.name() != null) {
            throw ApiError.of(404, "NotFound", "the server could not find the requested resource", null);
        }
        if (info.verb().equals("watch")) {
            watch(request, response, callback, call, info, def);
            return true;
        }
        Reply reply = resources.handle(info, def, call);
        for (String warning : call.warnings()) {
            response.getHeaders().add(HttpHeader.WARNING, "299 - \"" + warning.replace("\"", "\\\"") + "\"");
        }
        send(response, callback, reply);
        return true;
    }

    private void watch(Request request, Response response, Callback callback, Call call, RequestInfo info,
                       ResourceDef def) throws IOException {
        boolean[] begun = {false};
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        boolean http1 = request.getConnectionMetaData().getHttpVersion().getVersion() < 20;
        Watches.Sink sink = new Watches.Sink() {
            @Override
            public void begin() throws IOException {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                begun[0] = true;
                Content.Sink.write(response, false, ByteBuffer.allocate(0));
            }

            @Override
            public void send(byte[] line) throws IOException {
                Content.Sink.write(response, false, ByteBuffer.wrap(line));
            }

            @Override
            public boolean clientGone() {
                if (!endPoint.isOpen()) {
                    return true;
                }
                if (!http1) {
                    return false; // HTTP/2 resets the stream, which the failure listener sees
                }
                // Over HTTP/1.1 nothing reads the connection while the watch is quiet, so a client that closed it
                // goes unnoticed until the next event; peek for end-of-stream. The client sends nothing else on a
                // connection whose response is still streaming, so no request bytes can be lost here.
                try {
                    return endPoint.fill(BufferUtil.allocate(64)) < 0;
                } catch (IOException e) {
                    return true;
                }
            }
        };
        try {
            watches.watch(def, info.namespace(), info.name(), call, sink,
                    drop -> request.addFailureListener(failure -> drop.run()));
            Content.Sink.write(response, true, ByteBuffer.allocate(0));
            callback.succeeded();
        } catch (ApiError e) {
            if (begun[0]) {
                callback.failed(e);
            } else {
                send(response, callback, Reply.json(e.code(), e.status()));
            }
        } catch (IOException e) {
            callback.failed(e);
        }
    }

    private static boolean discoveryPath(String path) {
        return path.matches("/apis?(/[^/]+){0,2}/?");
    }

    private Reply nonResource(Call call) {
        String path = call.path().endsWith("/") && call.path().length() > 1
                ? call.path().substring(0, call.path().length() - 1) : call.path();
        if (!call.method().equals("GET") && !call.method().equals("HEAD")) {
            throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
        }
        if (call.user().equals(ANONYMOUS) && !anonymous && !PUBLIC_PATHS.contains(path)) {
            throw ApiError.of(403, "Forbidden", "forbidden: User \"" + ANONYMOUS + "\" cannot get path \"" + path + "\"",
                    tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        }
        boolean aggregated = call.accept().contains("as=APIGroupDiscoveryList");
        String discoveryVersion = aggregatedVersion(call.accept());
        switch (path) {
            case "/version":
                return Reply.json(200, discovery.version());
            case "/healthz", "/livez", "/readyz":
                return Reply.text(200, "ok", Map.of());
            case "/api":
                return aggregated ? aggregatedReply(true, discoveryVersion)
                        : Reply.json(200, discovery.apiVersions(serverAddress));
            case "/apis":
                return aggregated ? aggregatedReply(false, discoveryVersion) : Reply.json(200, discovery.apiGroupList());
            default:
                break;
        }
        String[] parts = path.substring(1).split("/");
        JsonNode doc = null;
        if (parts.length == 2 && parts[0].equals("api")) {
            doc = discovery.apiResourceList("", parts[1]);
        } else if (parts.length == 2 && parts[0].equals("apis")) {
            doc = discovery.apiGroup(parts[1]);
        } else if (parts.length == 3 && parts[0].equals("apis")) {
            doc = discovery.apiResourceList(parts[1], parts[2]);
        }
        if (doc == null) {
            throw ApiError.of(404, "NotFound", "the server could not find the requested resource", null);
        }
        return Reply.json(200, doc);
    }

    private Reply aggregatedReply(boolean core, String version) {
        return Reply.json(200, discovery.aggregated(core, version),
                "application/json;g=apidiscovery.k8s.io;v=" + version + ";as=APIGroupDiscoveryList");
    }

    /** The first aggregated discovery version the Accept header asks for (v2 or v2beta1), in its order. */
    private static String aggregatedVersion(String accept) {
        for (String part : accept.split(",")) {
            if (part.contains("as=APIGroupDiscoveryList")) {
                if (part.contains("v=v2beta1")) {
                    return "v2beta1";
                }
                if (part.contains("v=v2")) {
                    return "v2";
                }
            }
        }
        return "v2";
    }

    // ---------------------------------------------------------------- auth

    private String authenticate(Request request) {
        String authorization = headerValue(request, HttpHeader.AUTHORIZATION);
        if (!authorization.isEmpty()) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                ApiUser user = usersByToken.get(authorization.substring(7).trim());
                if (user != null) {
                    return user.name();
                }
            }
            if (!anonymous) {
                throw ApiError.of(401, "Unauthorized", "Unauthorized", null);
            }
        }
        EndPoint.SslSessionData ssl = (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        if (ssl != null && ssl.peerCertificates() != null && ssl.peerCertificates().length > 0) {
            X509Certificate cert = ssl.peerCertificates()[0];
            String cn = commonName(cert.getSubjectX500Principal());
            if (cn != null && usersByCertificate.containsKey(cn)) {
                return cn;
            }
            throw ApiError.of(401, "Unauthorized", "Unauthorized", null);
        }
        return ANONYMOUS;
    }

    /**
     * Honours {@code Impersonate-User}: the authenticated user needs a rule allowing verb {@code impersonate} on
     * resource {@code users} (the admin has one); the request then acts as the named user (groups, uid and extra
     * are not modelled).
     */
    private String impersonate(Request request, String authenticated) {
        String target = request.getHeaders().get("Impersonate-User");
        if (target == null || target.isEmpty()) {
            return authenticated;
        }
        ApiUser user = userNamed(authenticated);
        if (user == null || !user.allows("impersonate", "users", null)) {
            throw ApiError.forbidden("users \"" + target + "\" is forbidden: User \"" + authenticated
                    + "\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope", target, "", "users");
        }
        return target;
    }

    private ApiUser userNamed(String name) {
        return usersByToken.values().stream().filter(u -> u.name().equals(name)).findFirst()
                .orElse(usersByCertificate.get(name));
    }

    private static String commonName(X500Principal principal) {
        for (String part : principal.getName(X500Principal.RFC2253).split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return null;
    }

    private void authorize(String userName, RequestInfo info, ResourceDef def) {
        if (userName.equals(ANONYMOUS) && anonymous) {
            return;
        }
        ApiUser user = userNamed(userName);
        String resource = info.resourceWithSub();
        String namespace = def.namespaced() ? info.namespace() : null;
        if (user != null && user.allows(info.verb(), resource, namespace)) {
            return;
        }
        String subject = info.name() == null ? ApiError.qualified(def) : ApiError.qualified(def) + " \"" + info.name() + "\"";
        String scope = namespace == null ? "at the cluster scope" : "in the namespace \"" + namespace + "\"";
        throw ApiError.forbidden(subject + " is forbidden: User \"" + userName + "\" cannot " + info.verb()
                + " resource \"" + resource + "\" in API group \"" + def.group() + "\" " + scope,
                info.name(), def.group(), def.plural());
    }

    // ---------------------------------------------------------------- plumbing

    private void remember(Request request, String method, String path, String query, byte[] body, String user) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            String name = field.getName().toLowerCase(Locale.ROOT);
            String value = name.equals("authorization") || name.equals("proxy-authorization") ? "<redacted>" : field.getValue();
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        record.add(new RecordedRequest(method, path, query == null ? "" : query, Map.copyOf(headers),
                new String(body, StandardCharsets.UTF_8), user,
                request.getConnectionMetaData().getHttpVersion().asString(), clock.instant()));
    }

    private static byte[] readBody(Request request) throws IOException {
        ByteBuffer buffer = Content.Source.asByteBuffer(request);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static String headerValue(Request request, HttpHeader header) {
        String value = request.getHeaders().get(header);
        return value == null ? "" : value;
    }

    private void send(Response response, Callback callback, Reply reply) {
        response.setStatus(reply.code());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        byte[] bytes = reply.body() != null ? json.writeValueAsBytes(reply.body())
                : reply.text().getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
