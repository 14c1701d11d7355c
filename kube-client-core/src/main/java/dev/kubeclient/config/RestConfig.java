package dev.kubeclient.config;

import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.WarningHandler;
import okhttp3.Interceptor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to talk to one API server: where it is, how to trust it, who we are, and how politely to
 * call it. The Java counterpart of client-go's {@code rest.Config}.
 *
 * <p>Immutable; build one with {@link #builder()}, derive a variant with {@link #toBuilder()}. Usually it comes
 * from a kubeconfig ({@link KubeConfigLoader}), from the pod's ServiceAccount ({@link InClusterConfig}), or from
 * {@link RestConfigs#autodetect()}. {@link #toString()} never shows a credential.
 *
 * <p>Defaults live in this class: QPS {@value #DEFAULT_QPS}, burst {@value #DEFAULT_BURST}, namespace
 * {@value #DEFAULT_NAMESPACE}, {@value #DEFAULT_MAX_RETRIES} retries after a 429, connect timeout 30 s, no overall
 * request timeout.
 */
public final class RestConfig {

    /** Requests per second when {@code qps} is 0 (client-go's {@code DefaultQPS}). */
    public static final float DEFAULT_QPS = 5.0f;
    /** Bucket size when {@code burst} is 0 (client-go's {@code DefaultBurst}). */
    public static final int DEFAULT_BURST = 10;
    /** The namespace used when neither the config nor the caller names one. */
    public static final String DEFAULT_NAMESPACE = "default";
    /** How often a request answered with 429 (or 5xx with Retry-After) is re-sent (client-go's maxRetries). */
    public static final int DEFAULT_MAX_RETRIES = 10;
    /** How long establishing a TCP + TLS connection may take. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final URI server;
    private final byte[] caData;
    private final Path caFile;
    private final byte[] clientCertData;
    private final Path clientCertFile;
    private final byte[] clientKeyData;
    private final Path clientKeyFile;
    private final boolean insecureSkipTlsVerify;
    private final String tlsServerName;
    private final String bearerToken;
    private final Path bearerTokenFile;
    private final String username;
    private final String password;
    private final ExecConfig exec;
    private final AuthProviderConfig authProvider;
    private final Impersonation impersonation;
    private final String userAgent;
    private final float qps;
    private final int burst;
    private final int maxRetries;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final URI proxy;
    private final boolean disableCompression;
    private final boolean disableHttp2;
    private final String namespace;
    private final String fieldManager;
    private final int traceLevel;
    private final KubeClientListener listener;
    private final List<Interceptor> interceptors;
    private final String origin;
    private final WarningHandler warningHandler;
    private final ExecPluginPolicy execPluginPolicy;
    private final WireFormat wireFormat;

    private RestConfig(Builder b) {
        this.server = b.server;
        this.caData = copy(b.caData);
        this.caFile = b.caFile;
        this.clientCertData = copy(b.clientCertData);
        this.clientCertFile = b.clientCertFile;
        this.clientKeyData = copy(b.clientKeyData);
        this.clientKeyFile = b.clientKeyFile;
        this.insecureSkipTlsVerify = b.insecureSkipTlsVerify;
        this.tlsServerName = b.tlsServerName;
        this.bearerToken = b.bearerToken;
        this.bearerTokenFile = b.bearerTokenFile;
        this.username = b.username;
        this.password = b.password;
        this.exec = b.exec;
        this.authProvider = b.authProvider;
        this.impersonation = b.impersonation;
        this.userAgent = b.userAgent;
        this.wireFormat = b.wireFormat;
        this.qps = b.qps;
        this.burst = b.burst;
        this.maxRetries = b.maxRetries;
        this.timeout = b.timeout;
        this.connectTimeout = b.connectTimeout;
        this.proxy = b.proxy;
        this.disableCompression = b.disableCompression;
        this.disableHttp2 = b.disableHttp2;
        this.namespace = b.namespace;
        this.fieldManager = b.fieldManager;
        this.traceLevel = b.traceLevel;
        this.listener = b.listener;
        this.interceptors = List.copyOf(b.interceptors);
        this.origin = b.origin;
        this.warningHandler = b.warningHandler;
        this.execPluginPolicy = b.execPluginPolicy;
    }

    /** A new, empty builder. {@link Builder#server(String)} is the one required setting. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The API server's base URL, for example {@code https://10.0.0.1:443}; a path in it is kept as a prefix. */
    public URI server() { return server; }
    /** PEM CA certificates that the server certificate must chain to; {@code null} for the JVM's trust store. */
    public byte[] caData() { return copy(caData); }
    /** A PEM CA bundle file, re-read when it changes on disk; {@code null} if unset. */
    public Path caFile() { return caFile; }
    /** The PEM client certificate (chain); {@code null} if unset. */
    public byte[] clientCertData() { return copy(clientCertData); }
    /** A PEM client certificate file, re-read when it changes on disk; {@code null} if unset. */
    public Path clientCertFile() { return clientCertFile; }
    /** The PEM private key for the client certificate; {@code null} if unset. */
    public byte[] clientKeyData() { return copy(clientKeyData); }
    /** A PEM private key file, re-read when it changes on disk; {@code null} if unset. */
    public Path clientKeyFile() { return clientKeyFile; }
    /** Whether the server certificate is accepted without verification (insecure; for tests only). */
    public boolean insecureSkipTlsVerify() { return insecureSkipTlsVerify; }
    /** The name checked against the server certificate instead of the URL's host; {@code null} if unset. */
    public String tlsServerName() { return tlsServerName; }
    /** A static bearer token; {@code null} if unset. */
    public String bearerToken() { return bearerToken; }
    /** A file holding the bearer token, re-read when it changes (projected ServiceAccount tokens); {@code null} if unset. */
    public Path bearerTokenFile() { return bearerTokenFile; }
    /** The basic-auth user name; {@code null} if unset. */
    public String username() { return username; }
    /** The basic-auth password; {@code null} if unset. */
    public String password() { return password; }
    /** The exec credential plugin; {@code null} if unset. */
    public ExecConfig exec() { return exec; }
    /** The auth provider (oidc); {@code null} if unset. */
    public AuthProviderConfig authProvider() { return authProvider; }
    /** Whom to impersonate; {@link Impersonation#NONE} by default. */
    public Impersonation impersonation() { return impersonation; }
    /**
     * The User-Agent header; {@code null} means the default, shaped like client-go's:
     * {@code <program>/<kube-client version> (<os>/<arch>) kube-client/<commit>}, the program being the jar or main
     * class the JVM was started with.
     */
    public String userAgent() { return userAgent; }
    /** What the typed clients ask for when reading built-in resources; {@link WireFormat#PROTOBUF} by default. */
    public WireFormat wireFormat() { return wireFormat; }
    /** Requests per second as configured: 0 means {@value #DEFAULT_QPS}, negative disables rate limiting. */
    public float qps() { return qps; }
    /** Bucket size as configured: 0 means {@value #DEFAULT_BURST}. */
    public int burst() { return burst; }
    /** Requests per second in force: the default for 0, negative when rate limiting is off. */
    public float effectiveQps() { return qps == 0 ? DEFAULT_QPS : qps; }
    /** Bucket size in force. */
    public int effectiveBurst() { return burst == 0 ? DEFAULT_BURST : burst; }
    /** Whether client-side rate limiting is on. */
    public boolean rateLimited() { return qps >= 0; }
    /** How often a request is re-sent after 429 or a 5xx with Retry-After. */
    public int maxRetries() { return maxRetries; }
    /** The overall deadline of one request (not of a watch stream); {@link Duration#ZERO} for none. */
    public Duration timeout() { return timeout; }
    /** How long connecting may take. */
    public Duration connectTimeout() { return connectTimeout; }
    /** An HTTP(S) or SOCKS5 proxy; {@code null} means the environment's ({@code HTTPS_PROXY}, {@code NO_PROXY}). */
    public URI proxy() { return proxy; }
    /** Whether gzip responses are not asked for. */
    public boolean disableCompression() { return disableCompression; }
    /** Whether HTTP/2 is not offered (HTTP/1.1 only). */
    public boolean disableHttp2() { return disableHttp2; }
    /** The namespace from the kubeconfig context or the ServiceAccount; never {@code null}. */
    public String namespace() { return namespace; }
    /** The field manager sent with writes and server-side apply; {@code null} if unset. */
    public String fieldManager() { return fieldManager; }
    /** The wire-trace level, as kubectl's {@code -v}: 0 off, 6 URLs and status, 7 headers, 8 bodies truncated, 9 bodies. */
    public int traceLevel() { return traceLevel; }
    /** The listener that sees every request, retry, rate-limiter wait, exec run and watch. */
    public KubeClientListener listener() { return listener; }
    /** Extra OkHttp interceptors, run after ours have set headers and auth (client-go's {@code WrapTransport}). */
    public List<Interceptor> interceptors() { return interceptors; }
    /** Where this configuration came from, for messages ("kubeconfig /home/u/.kube/config, context dev"). */
    public String origin() { return origin; }
    /**
     * Where the server's warnings go (client-go's {@code rest.Config.WarningHandler}); {@code null} means each
     * client logs each distinct warning once ({@link WarningHandler#logOnce()}).
     */
    public WarningHandler warningHandler() { return warningHandler; }
    /** Which exec credential plugins may run; {@link ExecPluginPolicy#ALLOW_ALL} by default. */
    public ExecPluginPolicy execPluginPolicy() { return execPluginPolicy; }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RestConfig[server=").append(server);
        if (origin != null) s.append(", origin=").append(origin);
        if (caData != null) s.append(", caData=<").append(caData.length).append(" bytes>");
        if (caFile != null) s.append(", caFile=").append(caFile);
        if (clientCertData != null) s.append(", clientCertData=<redacted>");
        if (clientCertFile != null) s.append(", clientCertFile=").append(clientCertFile);
        if (clientKeyData != null) s.append(", clientKeyData=<redacted>");
        if (clientKeyFile != null) s.append(", clientKeyFile=").append(clientKeyFile);
        if (insecureSkipTlsVerify) s.append(", insecureSkipTlsVerify=true");
        if (tlsServerName != null) s.append(", tlsServerName=").append(tlsServerName);
        if (bearerToken != null) s.append(", bearerToken=<redacted>");
        if (bearerTokenFile != null) s.append(", bearerTokenFile=").append(bearerTokenFile);
        if (username != null) s.append(", username=").append(username);
        if (password != null) s.append(", password=<redacted>");
        if (exec != null) s.append(", exec=").append(exec);
        if (authProvider != null) s.append(", authProvider=").append(authProvider);
        if (impersonation.isEnabled()) s.append(", impersonation=").append(impersonation);
        if (userAgent != null) s.append(", userAgent=").append(userAgent);
        if (wireFormat != WireFormat.PROTOBUF) s.append(", wireFormat=").append(wireFormat);
        s.append(", qps=").append(qps).append(", burst=").append(burst);
        if (!timeout.isZero()) s.append(", timeout=").append(timeout);
        if (proxy != null) s.append(", proxy=").append(redactUserInfo(proxy));
        s.append(", namespace=").append(namespace);
        if (fieldManager != null) s.append(", fieldManager=").append(fieldManager);
        if (traceLevel > 0) s.append(", traceLevel=").append(traceLevel);
        if (execPluginPolicy.type() != ExecPluginPolicy.Type.ALLOW_ALL) s.append(", execPluginPolicy=").append(execPluginPolicy.describe());
        return s.append(']').toString();
    }

    private static String redactUserInfo(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo(), "<redacted>");
    }

    private static byte[] copy(byte[] data) {
        return data == null ? null : data.clone();
    }

    /** Builds a {@link RestConfig}; settings are checked in {@link #build()}. */
    public static final class Builder {
        private URI server;
        private byte[] caData;
        private Path caFile;
        private byte[] clientCertData;
        private Path clientCertFile;
        private byte[] clientKeyData;
        private Path clientKeyFile;
        private boolean insecureSkipTlsVerify;
        private String tlsServerName;
        private String bearerToken;
        private Path bearerTokenFile;
        private String username;
        private String password;
        private ExecConfig exec;
        private AuthProviderConfig authProvider;
        private Impersonation impersonation = Impersonation.NONE;
        private String userAgent;
        private WireFormat wireFormat = WireFormat.PROTOBUF;
        private float qps;
        private int burst;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration timeout = Duration.ZERO;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private URI proxy;
        private boolean disableCompression;
        private boolean disableHttp2;
        private String namespace = DEFAULT_NAMESPACE;
        private String fieldManager;
        private int traceLevel;
        private KubeClientListener listener = KubeClientListener.NONE;
        private final List<Interceptor> interceptors = new ArrayList<>();
        private String origin;
        private WarningHandler warningHandler;
        private ExecPluginPolicy execPluginPolicy = ExecPluginPolicy.ALLOW_ALL;

        private Builder() {
        }

        private Builder(RestConfig c) {
            server = c.server;
            caData = c.caData;
            caFile = c.caFile;
            clientCertData = c.clientCertData;
            clientCertFile = c.clientCertFile;
            clientKeyData = c.clientKeyData;
            clientKeyFile = c.clientKeyFile;
            insecureSkipTlsVerify = c.insecureSkipTlsVerify;
            tlsServerName = c.tlsServerName;
            bearerToken = c.bearerToken;
            bearerTokenFile = c.bearerTokenFile;
            username = c.username;
            password = c.password;
            exec = c.exec;
            authProvider = c.authProvider;
            impersonation = c.impersonation;
            userAgent = c.userAgent;
            wireFormat = c.wireFormat;
            qps = c.qps;
            burst = c.burst;
            maxRetries = c.maxRetries;
            timeout = c.timeout;
            connectTimeout = c.connectTimeout;
            proxy = c.proxy;
            disableCompression = c.disableCompression;
            disableHttp2 = c.disableHttp2;
            namespace = c.namespace;
            fieldManager = c.fieldManager;
            traceLevel = c.traceLevel;
            listener = c.listener;
            interceptors.addAll(c.interceptors);
            origin = c.origin;
            warningHandler = c.warningHandler;
            execPluginPolicy = c.execPluginPolicy;
        }

        /** The API server URL, {@code https://host:port} (a path is kept as a prefix). Required. */
        public Builder server(String server) {
            return server(server == null ? null : URI.create(server.trim()));
        }

        /** The API server URL. Required. */
        public Builder server(URI server) { this.server = server; return this; }
        /** PEM CA certificates (one or more). */
        public Builder caData(byte[] pem) { this.caData = copy(pem); return this; }
        /** A PEM CA bundle file. */
        public Builder caFile(Path file) { this.caFile = file; return this; }
        /** The PEM client certificate (chain). */
        public Builder clientCertData(byte[] pem) { this.clientCertData = copy(pem); return this; }
        /** A PEM client certificate file. */
        public Builder clientCertFile(Path file) { this.clientCertFile = file; return this; }
        /** The PEM client key (PKCS#1 RSA, PKCS#8, or SEC1 EC). */
        public Builder clientKeyData(byte[] pem) { this.clientKeyData = copy(pem); return this; }
        /** A PEM client key file. */
        public Builder clientKeyFile(Path file) { this.clientKeyFile = file; return this; }
        /** Accept any server certificate. Insecure: for tests only. */
        public Builder insecureSkipTlsVerify(boolean insecure) { this.insecureSkipTlsVerify = insecure; return this; }
        /** Check the server certificate against this name rather than the URL's host. */
        public Builder tlsServerName(String name) { this.tlsServerName = name; return this; }
        /** A static bearer token. */
        public Builder bearerToken(String token) { this.bearerToken = token; return this; }
        /** A file holding the bearer token, re-read when it changes. */
        public Builder bearerTokenFile(Path file) { this.bearerTokenFile = file; return this; }
        /** Basic-auth user name. */
        public Builder username(String username) { this.username = username; return this; }
        /** Basic-auth password. */
        public Builder password(String password) { this.password = password; return this; }
        /** An exec credential plugin. */
        public Builder exec(ExecConfig exec) { this.exec = exec; return this; }
        /** An auth provider (only {@code oidc} is supported). */
        public Builder authProvider(AuthProviderConfig authProvider) { this.authProvider = authProvider; return this; }
        /** Whom to impersonate. */
        public Builder impersonation(Impersonation impersonation) {
            this.impersonation = impersonation == null ? Impersonation.NONE : impersonation;
            return this;
        }
        /** The User-Agent header; {@code null} for the default. */
        public Builder userAgent(String userAgent) { this.userAgent = userAgent; return this; }
        /**
         * What the typed clients ask for when reading built-in resources: {@link WireFormat#PROTOBUF} (the default)
         * for smaller, faster-to-decode answers; {@link WireFormat#JSON} to read everything as JSON.
         */
        public Builder wireFormat(WireFormat wireFormat) {
            this.wireFormat = java.util.Objects.requireNonNull(wireFormat, "wireFormat");
            return this;
        }
        /** Requests per second: 0 for the default ({@value #DEFAULT_QPS}), negative to switch rate limiting off. */
        public Builder qps(float qps) { this.qps = qps; return this; }
        /** Bucket size: 0 for the default ({@value #DEFAULT_BURST}). */
        public Builder burst(int burst) { this.burst = burst; return this; }
        /** How often a 429 (or 5xx with Retry-After) is retried; 0 to never retry. */
        public Builder maxRetries(int maxRetries) { this.maxRetries = maxRetries; return this; }
        /** The overall deadline of one request; {@link Duration#ZERO} for none. */
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }
        /** How long connecting may take. */
        public Builder connectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; return this; }
        /** An {@code http://}, {@code https://} or {@code socks5://} proxy. */
        public Builder proxy(URI proxy) { this.proxy = proxy; return this; }
        /** Do not ask for gzip responses. */
        public Builder disableCompression(boolean disable) { this.disableCompression = disable; return this; }
        /** Offer HTTP/1.1 only. */
        public Builder disableHttp2(boolean disable) { this.disableHttp2 = disable; return this; }
        /** The default namespace. */
        public Builder namespace(String namespace) { this.namespace = namespace; return this; }
        /** The default field manager for writes and server-side apply. */
        public Builder fieldManager(String fieldManager) { this.fieldManager = fieldManager; return this; }
        /** The wire-trace level, 0 to 9 as kubectl's {@code -v}. */
        public Builder traceLevel(int level) { this.traceLevel = level; return this; }
        /** The listener for requests, retries, limiter waits, exec runs and watches. */
        public Builder listener(KubeClientListener listener) {
            this.listener = listener == null ? KubeClientListener.NONE : listener;
            return this;
        }
        /** Adds an OkHttp interceptor that runs after auth and headers are set. */
        public Builder addInterceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }
        /** Removes every added interceptor. */
        public Builder clearInterceptors() { interceptors.clear(); return this; }
        /** Where this configuration came from, used in messages. */
        public Builder origin(String origin) { this.origin = origin; return this; }
        /** Where the server's warnings go; {@code null} for the default (each client logs each text once). */
        public Builder warningHandler(WarningHandler handler) { this.warningHandler = handler; return this; }
        /**
         * Which exec credential plugins a kubeconfig may run (client-go 1.35's plugin policy); {@code null} for
         * {@link ExecPluginPolicy#ALLOW_ALL}. A platform team sets {@link ExecPluginPolicy#DENY_ALL} or an
         * allowlist so that a user's kubeconfig cannot start arbitrary commands.
         */
        public Builder execPluginPolicy(ExecPluginPolicy policy) {
            this.execPluginPolicy = policy == null ? ExecPluginPolicy.ALLOW_ALL : policy;
            return this;
        }

        /**
         * Checks the settings and builds the configuration.
         *
         * @throws IllegalArgumentException naming the setting that is missing or wrong
         */
        public RestConfig build() {
            String where = origin == null ? "" : " (" + origin + ")";
            if (server == null) {
                throw new IllegalArgumentException("RestConfig.server is required" + where);
            }
            String scheme = server.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) || server.getHost() == null) {
                throw new IllegalArgumentException("RestConfig.server must be an absolute http(s) URL with a host, got '"
                        + server + "'" + where);
            }
            if (Float.isNaN(qps) || Float.isInfinite(qps)) {
                throw new IllegalArgumentException("RestConfig.qps must be a finite number, got " + qps + where);
            }
            if (burst < 0) {
                throw new IllegalArgumentException("RestConfig.burst must be >= 0, got " + burst + where);
            }
            if (qps > 0 && burst == 0) {
                burst = DEFAULT_BURST;
            }
            if (maxRetries < 0) {
                throw new IllegalArgumentException("RestConfig.maxRetries must be >= 0, got " + maxRetries + where);
            }
            requireNonNegative("timeout", timeout, where);
            requireNonNegative("connectTimeout", connectTimeout, where);
            if (traceLevel < 0 || traceLevel > 10) {
                throw new IllegalArgumentException("RestConfig.traceLevel must be 0..10, got " + traceLevel + where);
            }
            if (caData != null && caFile != null) {
                throw new IllegalArgumentException("RestConfig: set caData or caFile, not both" + where);
            }
            if (clientCertData != null && clientCertFile != null) {
                throw new IllegalArgumentException("RestConfig: set clientCertData or clientCertFile, not both" + where);
            }
            if (clientKeyData != null && clientKeyFile != null) {
                throw new IllegalArgumentException("RestConfig: set clientKeyData or clientKeyFile, not both" + where);
            }
            boolean hasCert = clientCertData != null || clientCertFile != null;
            boolean hasKey = clientKeyData != null || clientKeyFile != null;
            if (hasCert != hasKey) {
                throw new IllegalArgumentException("RestConfig: a client certificate needs its key and a key needs its "
                        + "certificate; only the " + (hasCert ? "certificate" : "key") + " is set" + where);
            }
            boolean basic = username != null || password != null;
            if (basic && (bearerToken != null || bearerTokenFile != null)) {
                throw new IllegalArgumentException("RestConfig: username/password or a bearer token may be set, but not both" + where);
            }
            if (insecureSkipTlsVerify && (caData != null || caFile != null)) {
                throw new IllegalArgumentException("RestConfig: insecureSkipTlsVerify and a CA cannot both be set; "
                        + "the CA would be ignored" + where);
            }
            if (namespace == null || namespace.isBlank()) {
                namespace = DEFAULT_NAMESPACE;
            }
            return new RestConfig(this);
        }

        private static void requireNonNegative(String name, Duration value, String where) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("RestConfig." + name + " must be zero or positive, got " + value + where);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof RestConfig c)) return false;
        return insecureSkipTlsVerify == c.insecureSkipTlsVerify && Float.compare(qps, c.qps) == 0 && burst == c.burst
                && maxRetries == c.maxRetries && disableCompression == c.disableCompression
                && disableHttp2 == c.disableHttp2 && traceLevel == c.traceLevel
                && server.equals(c.server) && Arrays.equals(caData, c.caData) && Objects.equals(caFile, c.caFile)
                && Arrays.equals(clientCertData, c.clientCertData) && Objects.equals(clientCertFile, c.clientCertFile)
                && Arrays.equals(clientKeyData, c.clientKeyData) && Objects.equals(clientKeyFile, c.clientKeyFile)
                && Objects.equals(tlsServerName, c.tlsServerName) && Objects.equals(bearerToken, c.bearerToken)
                && Objects.equals(bearerTokenFile, c.bearerTokenFile) && Objects.equals(username, c.username)
                && Objects.equals(password, c.password) && Objects.equals(exec, c.exec)
                && Objects.equals(authProvider, c.authProvider) && impersonation.equals(c.impersonation)
                && Objects.equals(userAgent, c.userAgent) && wireFormat == c.wireFormat && timeout.equals(c.timeout)
                && connectTimeout.equals(c.connectTimeout) && Objects.equals(proxy, c.proxy)
                && namespace.equals(c.namespace) && Objects.equals(fieldManager, c.fieldManager)
                && listener.equals(c.listener) && interceptors.equals(c.interceptors) && Objects.equals(origin, c.origin)
                && Objects.equals(warningHandler, c.warningHandler) && execPluginPolicy.equals(c.execPluginPolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(server, caFile, clientCertFile, bearerTokenFile, username, exec, namespace, fieldManager);
    }
}
