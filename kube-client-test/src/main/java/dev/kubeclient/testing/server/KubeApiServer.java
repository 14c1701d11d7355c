package dev.kubeclient.testing.server;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.rest.KubeJson;
import dev.kubeclient.scheme.Scheme;
import io.fabric8.kubernetes.api.model.HasMetadata;
import okhttp3.tls.HeldCertificate;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Kubernetes API server inside the JVM, for tests and zero-setup runs: HTTPS (HTTP/1.1 and HTTP/2) with its own
 * CA on a free loopback port, or plain HTTP if asked; discovery for the built-in kinds and for custom resources
 * whose CRD is created through it; CRUD, lists, watches and subresources with the real server's bookkeeping;
 * users with an authorization table; scripted faults; and a record of every request.
 *
 * <pre>{@code
 * try (KubeApiServer server = KubeApiServer.start()) {
 *     Clientset clientset = server.clientset();
 *     clientset.coreV1().configMaps("default").create(configMap);
 * }
 * }</pre>
 *
 * <p>Everything it does is deliberate about the ways it differs from a real server; see docs/testing.md.
 */
public final class KubeApiServer implements AutoCloseable {

    /** The name of the user {@link #restConfig()} authenticates as (full access). */
    public static final String ADMIN = "admin";

    private final Builder settings;
    private final Server jetty;
    private final ServerConnector connector;
    private final ApiHandler handler;
    private final Store store;
    private final Resources resources;
    private final ResourceCatalog catalog;
    private final Faults faults = new Faults();
    private final ExecutorService background;
    private final HeldCertificate ca;
    private final String adminToken;
    private final Map<String, HeldCertificate> clientCertificates = new LinkedHashMap<>();
    private final JsonMapper json = KubeJson.defaults().mapper();
    private volatile Clientset clientset;
    private volatile Path kubeconfig;

    private KubeApiServer(Builder settings) {
        this.settings = settings;
        this.store = new Store(settings.historySize);
        this.catalog = new ResourceCatalog(settings.scheme);
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kube-api-server-controllers");
            t.setDaemon(true);
            return t;
        });
        this.resources = new Resources(catalog, store, new PatchSupport(), settings.clock, json, background);
        Watches watches = new Watches(store, resources, json, settings.bookmarkInterval);
        this.adminToken = randomToken();
        List<ApiUser> users = new ArrayList<>(settings.users);
        users.add(0, ApiUser.withToken(ADMIN, adminToken, AccessRule.allowAll()));
        this.handler = new ApiHandler(catalog, new DiscoveryDocs(catalog, settings.gitVersion), resources, watches,
                faults, users, settings.anonymous, settings.apf, json, settings.clock);
        this.ca = settings.tls ? ServerCertificates.CA : null;
        for (ApiUser u : settings.users) {
            if (u.usesClientCertificate()) {
                if (!settings.tls) {
                    throw new IllegalStateException("client-certificate user '" + u.name() + "' needs HTTPS; remove plainHttp()");
                }
                clientCertificates.put(u.name(), new HeldCertificate.Builder().signedBy(ca).commonName(u.name())
                        .duration(1, TimeUnit.DAYS).build());
            }
        }
        QueuedThreadPool pool = new QueuedThreadPool(settings.maxThreads, 2);
        pool.setName("kube-api-server");
        pool.setDaemon(true);
        this.jetty = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        HttpConnectionFactory h1 = new HttpConnectionFactory(http);
        if (settings.tls) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(ServerCertificates.serverContext());
            ssl.setWantClientAuth(true);
            if (settings.http2) {
                HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
                h2.setMaxConcurrentStreams(1000);
                ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
                alpn.setDefaultProtocol(h1.getProtocol());
                connector = new ServerConnector(jetty, 1, 1, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, h1);
            } else {
                connector = new ServerConnector(jetty, 1, 1, new SslConnectionFactory(ssl, h1.getProtocol()), h1);
            }
        } else if (settings.http2) {
            connector = new ServerConnector(jetty, 1, 1, h1, new HTTP2CServerConnectionFactory(http));
        } else {
            connector = new ServerConnector(jetty, 1, 1, h1);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(settings.port);
        connector.setIdleTimeout(settings.idleTimeout.toMillis());
        jetty.addConnector(connector);
        jetty.setHandler(handler);
    }

    /** A builder for a server with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a server with the defaults: HTTPS, HTTP/2, an admin user, namespaces default, kube-system, kube-public. */
    public static KubeApiServer start() {
        return builder().start();
    }

    /**
     * Starts a server seeded with demo objects (namespace {@code demo} with two ConfigMaps, a Deployment
     * {@code web} and its two Pods) for applications run without a cluster. Hand {@link #restConfig()} to the client.
     */
    public static KubeApiServer startWithDemoObjects() {
        KubeApiServer server = start();
        server.seedDemoObjects();
        return server;
    }

    /** Seeds the demo objects of {@link #startWithDemoObjects()} into this server. */
    public void seedDemoObjects() {
        DemoObjects.seed(this);
    }

    private KubeApiServer startJetty() {
        try {
            jetty.start();
        } catch (Exception e) {
            background.shutdownNow();
            throw new IllegalStateException("cannot start the test API server on 127.0.0.1:" + settings.port + ": " + e.getMessage(), e);
        }
        handler.serverAddress("127.0.0.1:" + connector.getLocalPort());
        for (String ns : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
            seedJson("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + ns + "\"}}");
        }
        return this;
    }

    // ---------------------------------------------------------------- clients

    /** The server's base URL, for example {@code https://127.0.0.1:41234}. */
    public URI url() {
        return URI.create((settings.tls ? "https" : "http") + "://127.0.0.1:" + connector.getLocalPort());
    }

    /** The CA certificate the server's certificate is signed with, as PEM ({@code null} over plain HTTP). */
    public String caCertificatePem() {
        return ca == null ? null : ca.certificatePem();
    }

    /**
     * A client configuration for the admin user (full access; no credentials in anonymous mode), trusting the
     * server's CA, with client-side rate limiting off so tests are not throttled.
     */
    public RestConfig restConfig() {
        RestConfig.Builder b = baseConfig();
        if (!settings.anonymous) {
            b.bearerToken(adminToken);
        }
        return b.build();
    }

    /**
     * A client configuration authenticating as one of the users given to the builder (token or client
     * certificate).
     *
     * @throws IllegalArgumentException if no such user was configured
     */
    public RestConfig restConfig(String userName) {
        if (ADMIN.equals(userName)) {
            return restConfig();
        }
        ApiUser user = settings.users.stream().filter(u -> u.name().equals(userName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user '" + userName + "' on this server; users: "
                        + settings.users.stream().map(ApiUser::name).toList() + " (add one with Builder.user)"));
        RestConfig.Builder b = baseConfig();
        if (user.usesClientCertificate()) {
            HeldCertificate cert = clientCertificates.get(userName);
            b.clientCertData(cert.certificatePem().getBytes(StandardCharsets.US_ASCII))
                    .clientKeyData(cert.privateKeyPkcs8Pem().getBytes(StandardCharsets.US_ASCII));
        } else {
            b.bearerToken(user.token());
        }
        return b.build();
    }

    /** A client configuration without credentials (the anonymous user). */
    public RestConfig anonymousRestConfig() {
        return baseConfig().build();
    }

    private RestConfig.Builder baseConfig() {
        RestConfig.Builder b = RestConfig.builder().server(url()).qps(-1).origin("kube-client-test server");
        if (ca != null) {
            b.caData(ca.certificatePem().getBytes(StandardCharsets.US_ASCII));
        }
        return b;
    }

    /** A Clientset for the admin user, made on first use and closed with the server. */
    public Clientset clientset() {
        Clientset c = clientset;
        if (c == null) {
            synchronized (this) {
                if (clientset == null) {
                    clientset = Clientset.create(restConfig());
                }
                c = clientset;
            }
        }
        return c;
    }

    /**
     * A kubeconfig file for the admin user (in a temporary folder, deleted when the server closes), for code under
     * test that reads one.
     */
    public synchronized Path kubeconfig() {
        if (kubeconfig == null) {
            try {
                Path dir = Files.createTempDirectory("kube-api-server");
                kubeconfig = writeKubeconfig(dir.resolve("kubeconfig"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the test server's kubeconfig: " + e.getMessage(), e);
            }
        }
        return kubeconfig;
    }

    /**
     * Writes a kubeconfig for the admin user to {@code file} (context {@code kube-client-test}, namespace
     * {@code default}).
     *
     * @throws IOException if the file cannot be written
     */
    public Path writeKubeconfig(Path file) throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("apiVersion: v1\nkind: Config\nclusters:\n- name: kube-client-test\n  cluster:\n    server: ")
                .append(url()).append('\n');
        if (ca != null) {
            y.append("    certificate-authority-data: ").append(base64(ca.certificatePem())).append('\n');
        }
        y.append("users:\n- name: admin\n  user:");
        if (settings.anonymous) {
            y.append(" {}\n");
        } else {
            y.append("\n    token: ").append(adminToken).append('\n');
        }
        y.append("contexts:\n- name: kube-client-test\n  context:\n    cluster: kube-client-test\n    user: admin\n"
                + "    namespace: default\ncurrent-context: kube-client-test\n");
        Files.writeString(file, y.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }

    // ---------------------------------------------------------------- test controls

    /**
     * Stores an object directly (no HTTP, no authorization), with the bookkeeping of a create: uid,
     * resourceVersion, creationTimestamp. Its namespace ({@code default} if unset) must exist.
     *
     * @return the stored object, as the server would return it
     * @throws IllegalArgumentException if the kind is not served or the object is rejected
     */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> T seed(T object) {
        Objects.requireNonNull(object, "object");
        ObjectNode stored = seedNode(json.valueToTree(object));
        return (T) json.treeToValue(stored, object.getClass());
    }

    /**
     * Stores an object given as JSON (see {@link #seed(HasMetadata)}); useful for custom resources.
     *
     * @return the stored object as JSON
     */
    public String seedJson(String objectJson) {
        return seedNode((ObjectNode) json.readTree(objectJson)).toString();
    }

    private ObjectNode seedNode(ObjectNode node) {
        String apiVersion = node.path("apiVersion").asString("");
        String kind = node.path("kind").asString("");
        ResourceDef def = catalog.findKind(apiVersion, kind).orElseThrow(() -> new IllegalArgumentException(
                "the server does not serve " + apiVersion + " " + kind + "; create its CustomResourceDefinition first"));
        String namespace = def.namespaced() ? node.path("metadata").path("namespace").asString("default") : null;
        try {
            return resources.present(def, resources.createObject(def, namespace, node, null, settings.clock.instant(), false), true);
        } catch (ApiError e) {
            throw new IllegalArgumentException("cannot seed " + kind + " '" + node.path("metadata").path("name").asString("")
                    + "': " + e.getMessage(), e);
        }
    }

    /** Sets the text {@code GET pods/{pod}/log} answers (any container, no streaming); empty until set. */
    public void setPodLog(String namespace, String pod, String text) {
        resources.podLog(Objects.requireNonNull(namespace, "namespace"), Objects.requireNonNull(pod, "pod"),
                Objects.requireNonNull(text, "text"));
    }

    /** The scripted faults (429, 5xx, delays, cut connections) for the next matching requests. */
    public Faults faults() {
        return faults;
    }

    /** Every request received so far, oldest first, with credentials redacted. */
    public List<RecordedRequest> requests() {
        return handler.recorded();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        handler.clearRecord();
    }

    /**
     * Compacts the history now, as etcd compaction does: watches from any older resourceVersion and continue
     * tokens of older list snapshots get 410 Expired.
     */
    public void compactHistory() {
        store.compact();
    }

    /** Sends a BOOKMARK to every open watch that allows bookmarks. */
    public void sendBookmarks() {
        store.bookmarkAll();
    }

    /** Ends every open watch stream (cleanly), as when the API server restarts. */
    public void dropWatches() {
        store.dropAll();
    }

    /** How many watch streams are open. */
    public int openWatches() {
        return store.openWatches();
    }

    /** The newest resourceVersion. */
    public long resourceVersion() {
        return store.currentRv();
    }

    /** Stops the server, its open watches and its clientset, and deletes the kubeconfig it wrote. */
    @Override
    public void close() {
        Clientset c = clientset;
        if (c != null) {
            c.close();
        }
        store.dropAll();
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the test API server: " + e.getMessage(), e);
        } finally {
            background.shutdownNow();
            deleteKubeconfig();
        }
    }

    private void deleteKubeconfig() {
        Path file = kubeconfig;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            } catch (IOException e) {
                // a temp file left behind is harmless; nothing to report to the test
            }
        }
    }

    @Override
    public String toString() {
        return "KubeApiServer[" + url() + ", http2=" + settings.http2 + "]";
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Settings of a server; {@link #start()} starts it. */
    public static final class Builder {
        private boolean tls = true;
        private boolean http2 = true;
        private int port;
        private int historySize = 10_000;
        private Duration bookmarkInterval = Duration.ofMinutes(1);
        private Duration idleTimeout = Duration.ofMinutes(30);
        private final List<ApiUser> users = new ArrayList<>();
        private boolean anonymous;
        private boolean apf;
        private Clock clock = Clock.systemUTC();
        private String gitVersion = "v1.34.0";
        private Scheme scheme;
        private int maxThreads = 200;

        private Builder() {
        }

        /** Serves plain HTTP instead of HTTPS (HTTP/1.1 and cleartext HTTP/2). */
        public Builder plainHttp() {
            this.tls = false;
            return this;
        }

        /** Whether HTTP/2 is offered (default true; over TLS through ALPN). */
        public Builder http2(boolean enabled) {
            this.http2 = enabled;
            return this;
        }

        /** A fixed port (default 0: a free one). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** How many change events the history keeps for watches and list snapshots (default 10,000). */
        public Builder historySize(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("historySize must be at least 1, got " + events);
            }
            this.historySize = events;
            return this;
        }

        /** How often watches that allow bookmarks get one (default 1 minute, as the real server). */
        public Builder bookmarkInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("bookmarkInterval must be positive, got " + interval);
            }
            this.bookmarkInterval = interval;
            return this;
        }

        /** How long an idle connection stays open (default 30 minutes, so quiet watches survive). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "idleTimeout");
            return this;
        }

        /** Adds a user (bearer token or client certificate) with its access rules. */
        public Builder user(ApiUser user) {
            Objects.requireNonNull(user, "user");
            if (user.name().equals(ADMIN) || users.stream().anyMatch(u -> u.name().equals(user.name()))) {
                throw new IllegalArgumentException("user '" + user.name() + "' is already defined");
            }
            users.add(user);
            return this;
        }

        /** Lets requests without credentials (and {@link #restConfig()}) do everything, as system:anonymous. */
        public Builder anonymous() {
            this.anonymous = true;
            return this;
        }

        /** Adds the API Priority and Fairness headers (FlowSchema and PriorityLevel UIDs) to every response. */
        public Builder apfEmulation(boolean enabled) {
            this.apf = enabled;
            return this;
        }

        /** The clock for timestamps (creationTimestamp, deletionTimestamp, managedFields). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The version {@code /version} reports (default v1.34.0). */
        public Builder version(String gitVersion) {
            if (gitVersion == null || !gitVersion.matches("v\\d+\\.\\d+\\.\\d+.*")) {
                throw new IllegalArgumentException("version must look like v1.34.0, got " + gitVersion);
            }
            this.gitVersion = gitVersion;
            return this;
        }

        /** The scheme whose resources are served (default: every built-in kind of {@link Scheme#withBuiltIns()}). */
        public Builder scheme(Scheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        /** The most request threads (each open watch holds one; default 200). */
        public Builder maxThreads(int threads) {
            if (threads < 8) {
                throw new IllegalArgumentException("maxThreads must be at least 8, got " + threads);
            }
            this.maxThreads = threads;
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws IllegalStateException if it cannot listen
         */
        public KubeApiServer start() {
            return new KubeApiServer(this).startJetty();
        }
    }
}
