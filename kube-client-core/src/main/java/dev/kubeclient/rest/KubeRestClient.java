package dev.kubeclient.rest;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.flowcontrol.RateLimiter;
import dev.kubeclient.flowcontrol.Sleeper;
import dev.kubeclient.flowcontrol.Ticker;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.WarningHandler;
import dev.kubeclient.transport.KubeTransport;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends requests to one API server: the counterpart of client-go's {@code rest.RESTClient}. One per
 * {@link RestConfig}, shared by every higher-level client (typed, dynamic, discovery). It holds the HTTP client,
 * the rate limiter every request shares, the listener, the JSON mapping and the warning handler.
 *
 * <p>Requests run on the caller's thread, interceptors and listeners included, so they see its ThreadLocals (an
 * SLF4J MDC, the current tracing span); an interrupt of the caller cancels the request.
 *
 * <p>Thread-safe. {@link #close()} stops its dispatcher threads and, when it built the transport itself, closes it.
 */
public final class KubeRestClient implements AutoCloseable {

    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

    private final RestConfig config;
    private final KubeJson json;
    private final KubeRequest.RestPlan plan;
    private final RequestExecutor executor;
    private final ExecutorService dispatcherThreads;
    private final KubeTransport transport;
    private final RateLimiter rateLimiter;
    private final KubeClientListener listener;
    private final InterruptWatchdog watchdog;
    private final ThreadFactory watcherThreadFactory;

    private KubeRestClient(Builder b) {
        this.config = b.config;
        this.json = b.json;
        this.plan = KubeRequest.RestPlan.of(config.server(), config.timeout());
        int clientId = CLIENT_IDS.incrementAndGet();
        OkHttpClient http;
        if (b.transport != null) {
            // The transport's dispatcher already has named daemon threads and limits fit for an API server.
            this.dispatcherThreads = null;
            http = b.transport.httpClient();
        } else {
            this.dispatcherThreads = newDispatcherThreads(clientId);
            Dispatcher dispatcher = new Dispatcher(dispatcherThreads);
            // Calls wait on the dispatcher only until their response headers arrive; OkHttp's default of 5 per
            // host would still throttle one API server far below what the rate limiter allows.
            dispatcher.setMaxRequests(256);
            dispatcher.setMaxRequestsPerHost(256);
            http = b.httpClient.newBuilder().dispatcher(dispatcher).build();
        }
        // Watches and followed logs may be silent for minutes; the server's own timeout ends them.
        OkHttpClient streaming = http.newBuilder().readTimeout(Duration.ZERO).build();
        this.listener = KubeClientListener.composite(List.of(config.listener()));
        this.watchdog = new InterruptWatchdog("kube-client-" + clientId + "-interrupt-watchdog");
        this.executor = new RequestExecutor(http, streaming, b.rateLimiter, listener, b.warningHandler, json,
                b.ticker, b.sleeper, config.maxRetries(), watchdog);
        this.transport = b.transport;
        this.rateLimiter = b.rateLimiter;
        this.watcherThreadFactory = b.watcherThreadFactory;
    }

    /**
     * A client for {@code config}, with the transport (TLS, auth, impersonation, user agent, wire trace) built from
     * it by {@link KubeTransport#create(RestConfig)}.
     *
     * @throws IllegalArgumentException when a TLS or proxy setting cannot be used (the message names it)
     */
    public static KubeRestClient create(RestConfig config) {
        return builder(config).build();
    }

    /** A builder for a client of {@code config}, for replacing parts (the HTTP client, warning handler...). */
    public static Builder builder(RestConfig config) {
        return new Builder(config);
    }

    /** The configuration this client was built from. */
    public RestConfig config() {
        return config;
    }

    /** The rate limiter every request of this client shares ({@link RateLimiter#unlimited()} when it is off). */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /**
     * The configuration's listener, wrapped so that one that throws is logged and cannot break a request; for
     * higher-level parts that report on the client's behalf (the resilient watcher's restarts and relists).
     */
    public KubeClientListener listener() {
        return listener;
    }

    /**
     * Where the resilient watchers of the clients built on this one get their threads; {@code null} for a new
     * daemon thread each.
     */
    public ThreadFactory watcherThreadFactory() {
        return watcherThreadFactory;
    }

    /** The JSON mapping used for request and response bodies. */
    public KubeJson json() {
        return json;
    }

    /** A GET request. */
    public KubeRequest get() {
        return new KubeRequest(this, "GET", null);
    }

    /** A POST request (create); the body is JSON unless a content type is given. */
    public KubeRequest post() {
        return new KubeRequest(this, "POST", "application/json");
    }

    /** A PUT request (update, replace). */
    public KubeRequest put() {
        return new KubeRequest(this, "PUT", "application/json");
    }

    /** A DELETE request; a body, if any, is {@code DeleteOptions}. */
    public KubeRequest delete() {
        return new KubeRequest(this, "DELETE", "application/json");
    }

    /** A PATCH request whose body is of {@code type} (its content type is set from it). */
    public KubeRequest patch(PatchType type) {
        Objects.requireNonNull(type, "patch type");
        return new KubeRequest(this, "PATCH", type.contentType());
    }

    RequestExecutor executor() {
        return executor;
    }

    KubeRequest.RestPlan plan() {
        return plan;
    }

    /**
     * Closes the transport this client built (cancelling running calls and watches), or, with an HTTP client
     * passed to the builder, stops this client's dispatcher threads and leaves that HTTP client to its owner.
     */
    @Override
    public void close() {
        watchdog.close();
        if (dispatcherThreads != null) {
            dispatcherThreads.shutdown();
        }
        if (transport != null) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "KubeRestClient[" + plan.baseUrl() + "]";
    }

    private static ExecutorService newDispatcherThreads(int clientId) {
        AtomicInteger threadIds = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "kube-client-" + clientId + "-http-" + threadIds.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    }

    /** Builds a {@link KubeRestClient}; every part has a default derived from the configuration. */
    public static final class Builder {
        private final RestConfig config;
        private OkHttpClient httpClient;
        private WarningHandler warningHandler;
        private KubeJson json = KubeJson.defaults();
        private RateLimiter rateLimiter;
        private Ticker ticker = Ticker.system();
        private Sleeper sleeper = Sleeper.system();
        private KubeTransport transport;
        private ThreadFactory watcherThreadFactory;

        private Builder(RestConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Uses this HTTP client instead of building the transport from the configuration (tests with a plain-HTTP
         * MockWebServer, or a caller that assembled its own). Its interceptors, pool and timeouts are kept; its
         * calls run on a dispatcher of this client's. The caller keeps owning it.
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Sends through this transport (built with {@link KubeTransport#builder(RestConfig)} to replace its
         * environment or credential sources) instead of one built from the configuration. The client takes it over:
         * {@link KubeRestClient#close()} closes it.
         */
        public Builder transport(KubeTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Where server warnings go, overriding {@link RestConfig#warningHandler()}; without either,
         * {@link WarningHandler#logOnce()}.
         */
        public Builder warningHandler(WarningHandler warningHandler) {
            this.warningHandler = Objects.requireNonNull(warningHandler, "warningHandler");
            return this;
        }

        /**
         * The rate limiter every request of the client shares; by default a token bucket with the configuration's
         * QPS and burst (client-go's 5 and 10 when unset), or none when its QPS is negative.
         */
        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        /** The monotonic clock for deadlines and latencies (tests move it by hand). */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** How the client waits before a retry (tests pass one that does not sleep). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Where resilient watchers started through clients of this one get their threads (the Spring Boot starter
         * passes one that follows {@code spring.threads.virtual.enabled} and ends its threads on shutdown);
         * {@code null}, the default, for a new daemon thread per watcher.
         */
        public Builder watcherThreadFactory(ThreadFactory watcherThreadFactory) {
            this.watcherThreadFactory = watcherThreadFactory;
            return this;
        }

        /** The JSON mapping for bodies; {@link KubeJson#defaults()} unless replaced. */
        public Builder json(KubeJson json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** The client. */
        public KubeRestClient build() {
            if (httpClient == null && transport == null) {
                transport = KubeTransport.create(config);
            }
            if (warningHandler == null) {
                warningHandler = config.warningHandler() != null ? config.warningHandler() : WarningHandler.logOnce();
            }
            if (rateLimiter == null) {
                rateLimiter = config.rateLimited()
                        ? RateLimiter.tokenBucket(config.effectiveQps(), config.effectiveBurst(), ticker, sleeper)
                        : RateLimiter.unlimited();
            }
            return new KubeRestClient(this);
        }
    }
}
