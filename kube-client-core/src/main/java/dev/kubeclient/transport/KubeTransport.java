package dev.kubeclient.transport;

import dev.kubeclient.auth.AuthEnvironment;
import dev.kubeclient.auth.Authentication;
import dev.kubeclient.auth.ClientCertificateSource;
import dev.kubeclient.auth.TokenSource;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.observation.KubeClientListener;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The one HTTP client of one {@link RestConfig}, shared by every client built from it: client-go's
 * {@code transport.New} plus the {@code http.Client} around it. One connection pool, one TLS setup, one credential
 * refresh, whatever layer sends the request.
 *
 * <p>What it sets up:
 * <ul>
 *   <li><b>TLS</b>: only the CAs of {@code caData}/{@code caFile} are trusted when set (the file is re-read when it
 *   changes), otherwise the JVM's trust store; {@code insecureSkipTlsVerify} trusts anyone (a warning is logged);
 *   {@code tlsServerName} is sent as SNI and checked against the certificate instead of the URL's host; the client
 *   certificate is asked for at each handshake, and when it or the CA changes the connections made with the old
 *   material are closed (client-go's certificate rotation). Handshake failures become a
 *   {@link TlsHandshakeException} naming the server and the setting to check.</li>
 *   <li><b>HTTP</b>: HTTP/2 when the server offers it over ALPN (off with {@code disableHttp2}), a ping every
 *   {@value #PING_INTERVAL_SECONDS} s so a dead HTTP/2 connection is noticed; over HTTP/1.1, which has no pings,
 *   TCP keepalive (30 s, as Go's dialer) and a bound on the silence of watch streams
 *   ({@link #WATCH_SILENCE_GRACE} past their {@code timeoutSeconds}, else {@link #WATCH_SILENCE_LIMIT});
 *   {@code TCP_NODELAY} on every socket; no read timeout otherwise (watches are long)
 *   and no overall call timeout (set one per call with {@code call.timeout()}), {@code connectTimeout} from the
 *   config, transparent gzip ({@code disableCompression} sends {@code Accept-Encoding: identity}).</li>
 *   <li><b>Proxy</b>: {@link RestConfig#proxy()}, else {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} as Go
 *   reads them.</li>
 *   <li><b>Interceptors</b>, outermost first as in client-go: impersonation headers, user agent, credentials
 *   (bearer token with one retry after a 401 when the token source can refresh, or basic auth), the wire trace
 *   (logger {@value WireTrace#LOGGER_NAME}, kubectl's {@code -v} levels 6 to 9, credentials masked), then
 *   {@link RestConfig#interceptors()}.</li>
 * </ul>
 * Rate limiting, 429 retries and per-request listener calls belong to the REST layer, which sends through
 * {@link #httpClient()}; the transport itself only reports the retry after a 401 refresh (when the request carries
 * a {@link dev.kubeclient.observation.RequestInfo} tag).
 *
 * <p>{@link #close()} cancels running calls, closes pooled connections and stops the dispatcher's threads.
 */
public final class KubeTransport implements AutoCloseable {

    /** Seconds between HTTP/2 pings; client-go checks a connection after 30 s without reads. */
    public static final int PING_INTERVAL_SECONDS = 30;
    /**
     * Over HTTP/1.1, how long a watch stream without {@code timeoutSeconds} may stay silent before its read fails
     * (the API server itself ends such a watch after 30 to 60 minutes, and sends bookmarks to watchers that ask).
     */
    public static final Duration WATCH_SILENCE_LIMIT = Duration.ofMinutes(10);
    /** Over HTTP/1.1, how much longer than its {@code timeoutSeconds} a silent watch stream may last before its read fails. */
    public static final Duration WATCH_SILENCE_GRACE = Duration.ofSeconds(30);
    /** Idle connections kept per transport. */
    static final int MAX_IDLE_CONNECTIONS = 25;
    /** How long an idle connection is kept (Go's {@code IdleConnTimeout}). */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(90);
    /**
     * Concurrent asynchronous calls. OkHttp's default of 5 per host would starve watches that run on the
     * dispatcher; the API server's own flow control is the real limit.
     */
    static final int MAX_ASYNC_CALLS = 256;

    private static final Logger log = LoggerFactory.getLogger(KubeTransport.class);

    private final RestConfig config;
    private final OkHttpClient client;
    private final KubeClientListener listener;
    private final String userAgent;
    private final ExecutorService executor;
    private final ConnectionRotation connections;
    private final AtomicBoolean closed;

    private KubeTransport(RestConfig config, OkHttpClient client, KubeClientListener listener, String userAgent,
                          ExecutorService executor, ConnectionRotation connections, AtomicBoolean closed) {
        this.connections = connections;
        this.closed = closed;
        this.config = config;
        this.client = client;
        this.listener = listener;
        this.userAgent = userAgent;
        this.executor = executor;
    }

    /**
     * The transport for {@code config}, with credentials from {@link Authentication#forConfig(RestConfig)} and the
     * proxy environment of this process.
     *
     * @throws IllegalArgumentException when a CA or proxy setting cannot be used; the message names it
     * @throws dev.kubeclient.auth.CredentialException when a credential in the config is unusable
     */
    public static KubeTransport create(RestConfig config) {
        return builder(config).build();
    }

    /** A builder for a transport of {@code config}, for replacing the environment or the credential sources. */
    public static Builder builder(RestConfig config) {
        return new Builder(config);
    }

    /** The HTTP client every request of this configuration goes through. Do not shut it down: {@link #close()} this. */
    public OkHttpClient httpClient() {
        return client;
    }

    /** The configuration this transport was built from. */
    public RestConfig config() {
        return config;
    }

    /**
     * The configuration's listener, wrapped so that a listener that throws cannot break a request. The REST layer
     * reports through this.
     */
    public KubeClientListener listener() {
        return listener;
    }

    /** The {@code User-Agent} sent with requests that do not set their own. */
    public String userAgent() {
        return userAgent;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Cancels running calls, closes every connection (a watch being read fails with an {@link IOException}) and
     * lets the dispatcher's threads end. New calls fail with an {@link IOException} saying the transport is closed.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        client.dispatcher().cancelAll();
        executor.shutdown();
        // OkHttp stops tracking a synchronous call once its headers are in, so a watch being read is only ended
        // by closing its connection.
        connections.closeAll();
        log.debug("KubeTransport for {} closed", config.server());
    }

    @Override
    public String toString() {
        return "KubeTransport[" + config.server() + (closed.get() ? ", closed" : "") + "]";
    }

    /** Builds a {@link KubeTransport}; everything not set comes from the config and the real environment. */
    public static final class Builder {

        private final RestConfig config;
        private Function<String, String> environment = System::getenv;
        private AuthEnvironment authEnvironment;
        private TokenSource tokenSource;
        private ClientCertificateSource clientCertificates;
        private LongSupplier nanoTime = System::nanoTime;
        private Duration watchSilenceGrace = WATCH_SILENCE_GRACE;

        private Builder(RestConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Where {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} are read; the process environment by default. */
        public Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The clock, environment and refresh periods the credentials are read with; {@link AuthEnvironment#system()} by default. */
        public Builder authEnvironment(AuthEnvironment authEnvironment) {
            this.authEnvironment = Objects.requireNonNull(authEnvironment, "authEnvironment");
            return this;
        }

        /** Uses this bearer token source instead of the one the config describes. */
        public Builder tokenSource(TokenSource tokenSource) {
            this.tokenSource = Objects.requireNonNull(tokenSource, "tokenSource");
            return this;
        }

        /** Uses this client certificate source instead of the one the config describes. */
        public Builder clientCertificates(ClientCertificateSource clientCertificates) {
            this.clientCertificates = Objects.requireNonNull(clientCertificates, "clientCertificates");
            return this;
        }

        /** How much longer than its timeoutSeconds a silent HTTP/1.1 watch may last (tests shorten it). */
        Builder watchSilenceGrace(Duration grace) {
            this.watchSilenceGrace = grace;
            return this;
        }

        /** The nanosecond ticker the wire trace measures latency with. */
        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
            return this;
        }

        /**
         * Builds the transport.
         *
         * @throws IllegalArgumentException when a CA or proxy setting cannot be used; the message names it
         * @throws dev.kubeclient.auth.CredentialException when a credential in the config is unusable
         */
        public KubeTransport build() {
            ProxySettings proxy = ProxySettings.forConfig(config, environment);
            // The OIDC refresh goes through the same proxy as the API server's requests, as in client-go.
            Authentication auth = Authentication.forConfig(config,
                    authEnvironment == null ? AuthEnvironment.system() : authEnvironment, proxy::applyTo);
            TokenSource tokens = tokenSource != null ? tokenSource : auth.tokenSource().orElse(null);
            ClientCertificateSource certificates = clientCertificates != null ? clientCertificates
                    : auth.clientCertificates().orElse(null);
            String basic = tokenSource != null ? null : auth.basicAuthorization().orElse(null);

            KubeClientListener listener = KubeClientListener.composite(List.of(config.listener()));
            String userAgent = config.userAgent() != null ? config.userAgent() : UserAgent.defaultValue();
            TlsSetup tls = TlsSetup.forConfig(config, certificates);

            ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), threads("kube-client-dispatcher " + config.server().getAuthority()));
            Dispatcher dispatcher = new Dispatcher(executor);
            dispatcher.setMaxRequests(MAX_ASYNC_CALLS);
            dispatcher.setMaxRequestsPerHost(MAX_ASYNC_CALLS);
            ConnectionPool pool = new ConnectionPool(MAX_IDLE_CONNECTIONS, KEEP_ALIVE.toSeconds(), TimeUnit.SECONDS);

            OkHttpClient.Builder http = new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    .connectionPool(pool)
                    .connectTimeout(config.connectTimeout())
                    .readTimeout(Duration.ZERO)
                    .callTimeout(Duration.ZERO)
                    .pingInterval(Duration.ofSeconds(PING_INTERVAL_SECONDS))
                    // OkHttp would otherwise re-send a request, a POST included, after some connection failures
                    // even when the body went out. The REST layer retries connection failures for GET only.
                    .retryOnConnectionFailure(false)
                    .socketFactory(new TcpSocketFactory())
                    .protocols(config.disableHttp2() ? List.of(Protocol.HTTP_1_1) : List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
            tls.applyTo(http);
            proxy.applyTo(http);

            ConnectionRotation rotation = new ConnectionRotation(pool, certificateGeneration(certificates), tls.caGeneration(),
                    tls::forgetSessions);
            AtomicBoolean closed = new AtomicBoolean();
            http.eventListener(new EventListener() {
                @Override
                public void connectionAcquired(Call call, Connection connection) {
                    // OkHttp opens SOCKS sockets itself, past the socket factory: give them the same options.
                    if (connection.route().proxy().type() == java.net.Proxy.Type.SOCKS) {
                        TcpSocketFactory.configure(connection.socket());
                    }
                }

                @Override
                public void connectionReleased(Call call, Connection connection) {
                    // A stream still being read at close() hands its connection back to the pool afterwards.
                    if (closed.get()) {
                        pool.evictAll();
                    }
                }
            });
            for (Interceptor interceptor : chain(closed, tls, rotation, userAgent, tokens, basic, listener)) {
                http.addInterceptor(interceptor);
            }
            http.addNetworkInterceptor(rotation.connectionTracker());
            http.addNetworkInterceptor(new WatchSilenceTimeout(watchSilenceGrace, WATCH_SILENCE_LIMIT));

            return new KubeTransport(config, http.build(), listener, userAgent, executor, rotation, closed);
        }

        /**
         * The application interceptors in client-go's order, outermost first. The first three do not touch the
         * request: they reject calls after close, explain TLS failures and close connections after a rotation.
         */
        private List<Interceptor> chain(AtomicBoolean closed, TlsSetup tls, ConnectionRotation rotation, String userAgent,
                                        TokenSource tokens, String basic, KubeClientListener listener) {
            List<Interceptor> chain = new ArrayList<>();
            chain.add(c -> {
                if (closed.get()) {
                    throw new IOException("the KubeTransport for " + config.server() + " is closed");
                }
                return c.proceed(c.request());
            });
            chain.add(new TlsErrorInterceptor(config, tls));
            chain.add(rotation);
            if (config.impersonation().isEnabled()) {
                chain.add(new ImpersonationInterceptor(config.impersonation()));
            }
            chain.add(new HeaderDefaultsInterceptor("User-Agent", userAgent));
            if (config.disableCompression()) {
                chain.add(new HeaderDefaultsInterceptor("Accept-Encoding", "identity"));
            }
            AuthInterceptor auth = new AuthInterceptor(tokens, basic, listener);
            if (auth.isActive()) {
                chain.add(auth);
            }
            chain.add(new WireTrace(config.traceLevel(), nanoTime));
            chain.addAll(config.interceptors());
            return chain;
        }

        /**
         * The certificate source's generation, letting it look for a change first: a file source only notices a
         * rotated file when asked, and without a new handshake nobody else asks. An exec plugin is never run here
         * (it runs lazily, when a request needs its credential).
         */
        private static LongSupplier certificateGeneration(ClientCertificateSource certificates) {
            if (certificates == null) {
                return () -> 0;
            }
            return () -> {
                try {
                    certificates.checkForChange();
                } catch (IOException | RuntimeException e) {
                    // The next handshake reports it (RotatingKeyManager); a request must not fail over a check.
                    log.debug("client certificate check failed: {}", e.getMessage());
                }
                return certificates.generation();
            };
        }

        private static ThreadFactory threads(String prefix) {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, prefix + " #" + count.incrementAndGet());
                // Idle dispatcher threads must not keep the JVM alive.
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
