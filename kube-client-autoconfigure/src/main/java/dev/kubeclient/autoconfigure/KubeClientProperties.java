package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.WireFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code kube.client.*} properties: where the API server is, how politely to call it, and who we are.
 * Defaults are client-go's (QPS 5, burst 10, 10 Retry-After retries, 30 s connect timeout).
 */
@ConfigurationProperties("kube.client")
public class KubeClientProperties {

    /** Where the configuration comes from: auto (explicit kubeconfig, $KUBECONFIG, in-cluster, ~/.kube/config), in-cluster or kubeconfig. */
    private Mode mode = Mode.AUTO;

    /** Kubeconfig file to read instead of $KUBECONFIG or ~/.kube/config; it must exist. */
    private String kubeconfig;

    /** Kubeconfig context to use instead of the file's current-context. */
    private String context;

    /** Namespace for namespaced calls that name none, instead of the context's or the ServiceAccount's. */
    private String namespace;

    /** API server URL that replaces the one from the kubeconfig or the in-cluster environment. */
    private URI server;

    /** Steady requests per second the client-side token bucket allows (client-go's default is 5). */
    private float qps = 5; // RestConfig.DEFAULT_QPS, written out so the IDE metadata shows it

    /** Requests the token bucket lets through at once after a quiet period (client-go's default is 10). */
    private int burst = 10; // RestConfig.DEFAULT_BURST

    /** Client-side rate limiting: token-bucket (qps/burst), off, or auto (token bucket until the server shows API Priority and Fairness). */
    private RateLimiterMode rateLimiter = RateLimiterMode.TOKEN_BUCKET;

    /** Longest a request waits for a rate-limiter token before failing; unset for as long as its timeout allows. */
    private Duration maxRateLimiterWait;

    /** User-Agent header; defaults to spring.application.name followed by kube-client and its version. */
    private String userAgent;

    /** Field manager for writes and server-side apply that name none; defaults to spring.application.name, else kube-client. */
    private String fieldManager;

    /** Longest establishing a TCP and TLS connection may take. */
    private Duration connectTimeout = Duration.ofSeconds(30); // RestConfig.DEFAULT_CONNECT_TIMEOUT

    /** Longest a whole request may take, retries included (watches and followed logs are exempt); 0 for no limit. */
    private Duration requestTimeout = Duration.ZERO;

    /** How often a request answered with 429 or a 5xx with Retry-After is sent again. */
    private int maxRetries = 10; // RestConfig.DEFAULT_MAX_RETRIES

    /** What the typed clients ask for when reading built-in resources: protobuf (smaller and faster to decode; custom resources and writes stay JSON), or json. */
    private WireFormat wireFormat = WireFormat.PROTOBUF;

    /** Wire-trace level as kubectl's -v: 0 off, 6 URLs and status, 7 headers, 8 truncated bodies, 9 bodies (credentials masked). */
    private int wireTraceLevel = 0;

    /** Whether to accept any server certificate without verification (insecure; only for test clusters). */
    private boolean insecureSkipTlsVerify = false;

    /** Name to check the server certificate against (and send as SNI) instead of the URL's host. */
    private String tlsServerName;

    /** Whom to act as, sent in Impersonate-* headers. */
    private final Impersonate impersonate = new Impersonate();

    /** Which exec credential plugins a kubeconfig may run. */
    private final ExecPolicy execPluginPolicy = new ExecPolicy();

    public Mode getMode() { return mode; }
    public void setMode(Mode mode) { this.mode = mode; }
    public String getKubeconfig() { return kubeconfig; }
    public void setKubeconfig(String kubeconfig) { this.kubeconfig = kubeconfig; }
    public String getContext() { return context; }
    public void setContext(String context) { this.context = context; }
    public String getNamespace() { return namespace; }
    public void setNamespace(String namespace) { this.namespace = namespace; }
    public URI getServer() { return server; }
    public void setServer(URI server) { this.server = server; }
    public float getQps() { return qps; }
    public void setQps(float qps) { this.qps = qps; }
    public int getBurst() { return burst; }
    public void setBurst(int burst) { this.burst = burst; }
    public RateLimiterMode getRateLimiter() { return rateLimiter; }
    public void setRateLimiter(RateLimiterMode rateLimiter) { this.rateLimiter = rateLimiter; }
    public Duration getMaxRateLimiterWait() { return maxRateLimiterWait; }
    public void setMaxRateLimiterWait(Duration maxRateLimiterWait) { this.maxRateLimiterWait = maxRateLimiterWait; }
    public String getUserAgent() { return userAgent; }
    public void setUserAgent(String userAgent) { this.userAgent = userAgent; }
    public String getFieldManager() { return fieldManager; }
    public void setFieldManager(String fieldManager) { this.fieldManager = fieldManager; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getRequestTimeout() { return requestTimeout; }
    public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }
    public WireFormat getWireFormat() { return wireFormat; }
    public void setWireFormat(WireFormat wireFormat) { this.wireFormat = wireFormat; }
    public int getMaxRetries() { return maxRetries; }
    public void setMaxRetries(int maxRetries) { this.maxRetries = maxRetries; }
    public int getWireTraceLevel() { return wireTraceLevel; }
    public void setWireTraceLevel(int wireTraceLevel) { this.wireTraceLevel = wireTraceLevel; }
    public boolean isInsecureSkipTlsVerify() { return insecureSkipTlsVerify; }
    public void setInsecureSkipTlsVerify(boolean insecureSkipTlsVerify) { this.insecureSkipTlsVerify = insecureSkipTlsVerify; }
    public String getTlsServerName() { return tlsServerName; }
    public void setTlsServerName(String tlsServerName) { this.tlsServerName = tlsServerName; }
    public Impersonate getImpersonate() { return impersonate; }
    public ExecPolicy getExecPluginPolicy() { return execPluginPolicy; }

    /** Where the configuration comes from. */
    public enum Mode {
        /** controller-runtime's order: kube.client.kubeconfig, then $KUBECONFIG, then in-cluster, then ~/.kube/config. */
        AUTO,
        /** Only the pod's ServiceAccount and KUBERNETES_SERVICE_HOST/PORT. */
        IN_CLUSTER,
        /** Only a kubeconfig: kube.client.kubeconfig, else $KUBECONFIG, else ~/.kube/config. */
        KUBECONFIG
    }

    /** Client-side rate limiting. */
    public enum RateLimiterMode {
        /** A token bucket with qps and burst, as client-go. */
        TOKEN_BUCKET,
        /** No client-side limit. */
        OFF,
        /** A token bucket that switches itself off once the server shows API Priority and Fairness. */
        AUTO
    }

    /** Impersonation settings ({@code kube.client.impersonate.*}). */
    public static class Impersonate {

        /** User name to act as (Impersonate-User). */
        private String user;

        /** UID of the user to act as (Impersonate-Uid). */
        private String uid;

        /** Groups to act as (Impersonate-Group). */
        private List<String> groups = new ArrayList<>();

        /** Extra user fields to act with, such as scopes (Impersonate-Extra-*). */
        private Map<String, List<String>> extra = new LinkedHashMap<>();

        public String getUser() { return user; }
        public void setUser(String user) { this.user = user; }
        public String getUid() { return uid; }
        public void setUid(String uid) { this.uid = uid; }
        public List<String> getGroups() { return groups; }
        public void setGroups(List<String> groups) { this.groups = groups; }
        public Map<String, List<String>> getExtra() { return extra; }
        public void setExtra(Map<String, List<String>> extra) { this.extra = extra; }

        boolean isEnabled() {
            return user != null || uid != null || !groups.isEmpty() || !extra.isEmpty();
        }
    }

    /** The exec credential plugin policy ({@code kube.client.exec-plugin-policy.*}), client-go 1.35's. */
    public static class ExecPolicy {

        /** Which exec credential plugins may run: allow-all, deny-all, or allowlist (only those in allowed). */
        private ExecPluginPolicyMode mode = ExecPluginPolicyMode.ALLOW_ALL;

        /** Plugins the allowlist mode lets run: bare command names (found on the PATH) or absolute paths. */
        private List<String> allowed = new ArrayList<>();

        public ExecPluginPolicyMode getMode() { return mode; }
        public void setMode(ExecPluginPolicyMode mode) { this.mode = mode; }
        public List<String> getAllowed() { return allowed; }
        public void setAllowed(List<String> allowed) { this.allowed = allowed; }
    }

    /** Which exec credential plugins may run. */
    public enum ExecPluginPolicyMode {
        /** Any plugin the kubeconfig names (client-go's default). */
        ALLOW_ALL,
        /** None: a kubeconfig user with an exec plugin fails at start-up. */
        DENY_ALL,
        /** Only the plugins listed in kube.client.exec-plugin-policy.allowed. */
        ALLOWLIST
    }
}
