package dev.kubeclient.autoconfigure.health;

import dev.kubeclient.config.ConfigOrigin;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.ForbiddenException;
import dev.kubeclient.errors.KubeApiException;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.errors.UnauthorizedException;
import dev.kubeclient.flowcontrol.AdaptiveRateLimiter;
import dev.kubeclient.flowcontrol.RateLimiter;
import dev.kubeclient.flowcontrol.RateLimiterTimeoutException;
import dev.kubeclient.rest.KubeRestClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import javax.net.ssl.SSLException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The health of the Kubernetes API server, as {@code kubectl get --raw /readyz} sees it: UP when it answers
 * {@code /readyz} (or {@code /healthz} on servers that lack it) with 200, DOWN with a reason otherwise.
 *
 * <p>Each probe has a short timeout and its answer is kept for a short time, so a busy health endpoint costs the
 * API server at most one {@code /readyz} and one {@code /version} per cache period; concurrent health requests
 * share one probe. Details name the server version, the host, the kubeconfig context, where the configuration came
 * from, the authentication method and whether the client limits its own rate ({@code rateLimiter}: the
 * rate-limiter {@code auto} mode's switch shows here); never a token, a password, a key or an exec plugin's
 * arguments.
 *
 * <p>Statuses: UP; DOWN with {@code reason} one of {@code not-ready} (with the failed checks), {@code unauthorized}
 * (401), {@code forbidden} (403), {@code unreachable}, {@code tls}, {@code timeout} or {@code error}; UNKNOWN when
 * the client's own rate limiter had no token within the timeout (the server was not asked).
 */
public final class KubeHealthIndicator implements HealthIndicator {

    /** Default time one probe may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** Default time an answer is reused. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(5);

    private final KubeRestClient client;
    private final Supplier<Optional<ConfigOrigin>> origin;
    private final Duration timeout;
    private final Duration cacheTtl;
    private final Clock clock;
    private Health cached;
    private Instant cachedUntil = Instant.MIN;

    /**
     * An indicator for {@code client}'s server.
     *
     * @param timeout how long one probe request may take
     * @param cacheTtl how long an answer is reused; zero to probe on every call
     * @param clock the clock for the cache (tests move it by hand)
     * @throws IllegalArgumentException when the timeout is not positive or the cache period is negative
     */
    public KubeHealthIndicator(KubeRestClient client, Duration timeout, Duration cacheTtl, Clock clock) {
        this(client, Optional::empty, timeout, cacheTtl, clock);
    }

    /**
     * An indicator for {@code client}'s server that names where its configuration came from.
     *
     * @param origin where the client's configuration was found, asked on each probe (the starter's connection
     *     details); when empty, the context is read from {@link RestConfig#origin()}
     * @param timeout how long one probe request may take
     * @param cacheTtl how long an answer is reused; zero to probe on every call
     * @param clock the clock for the cache (tests move it by hand)
     * @throws IllegalArgumentException when the timeout is not positive or the cache period is negative
     */
    public KubeHealthIndicator(KubeRestClient client, Supplier<Optional<ConfigOrigin>> origin, Duration timeout,
                               Duration cacheTtl, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("management.health.kube.timeout must be positive, got " + timeout);
        }
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("management.health.kube.cache-ttl must not be negative, got "
                    + cacheTtl);
        }
    }

    /** The cached answer while it is fresh, otherwise a new probe (one at a time). */
    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cachedUntil)) {
            return cached;
        }
        cached = probe();
        cachedUntil = clock.instant().plus(cacheTtl);
        return cached;
    }

    private Health probe() {
        Health.Builder health = check();
        // After the probe: its answer may just have shown API Priority and Fairness to an auto limiter.
        return health.withDetail("rateLimiter", rateLimiter(client.rateLimiter())).build();
    }

    private Health.Builder check() {
        RestConfig config = client.config();
        Health.Builder health = Health.unknown();
        health.withDetail("host", config.server().getAuthority());
        Optional<ConfigOrigin> detected = origin.get();
        String context = detected.map(KubeHealthIndicator::context).orElseGet(() -> context(config.origin()));
        if (context != null) {
            health.withDetail("context", context);
        }
        if (detected.isPresent()) {
            health.withDetail("source", source(detected.get()));
        } else if (config.origin() != null) {
            health.withDetail("source", config.origin());
        }
        health.withDetail("authMethod", authMethod(config));
        try {
            String endpoint = "/readyz";
            try {
                client.get().absPath("readyz").timeout(timeout).bytes();
            } catch (NotFoundException e) {
                // Servers before 1.16 have no /readyz.
                endpoint = "/healthz";
                client.get().absPath("healthz").timeout(timeout).bytes();
            }
            health.withDetail("endpoint", endpoint);
            Object version = client.get().absPath("version").timeout(timeout).as(Map.class).get("gitVersion");
            if (version != null) {
                health.withDetail("version", version.toString());
            }
            return health.up();
        } catch (UnauthorizedException e) {
            return down(health, "unauthorized", "the API server rejected the credentials (401)");
        } catch (ForbiddenException e) {
            return down(health, "forbidden", "the API server denied access to the health endpoint (403)");
        } catch (KubeApiException e) {
            List<String> failed = e.statusMessage() == null ? List.of() : e.statusMessage().lines()
                    .map(String::strip).filter(line -> line.startsWith("[-]")).toList();
            if (!failed.isEmpty()) {
                health.withDetail("failedChecks", failed);
            }
            return down(health, "not-ready", "the API server answered " + e.code());
        } catch (RateLimiterTimeoutException e) {
            return health.unknown().withDetail("reason", "rate-limited")
                    .withDetail("message", "the client's rate limiter had no token within " + timeout
                            + "; the server was not asked");
        } catch (KubeClientException e) {
            if (Thread.currentThread().isInterrupted()) {
                return health.unknown().withDetail("reason", "interrupted");
            }
            return failure(health, e);
        }
    }

    private Health.Builder failure(Health.Builder health, KubeClientException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return down(health, "tls", "the TLS handshake failed (" + t.getClass().getSimpleName() + ")");
            }
            if (t instanceof SocketTimeoutException
                    || t instanceof InterruptedIOException && "timeout".equals(t.getMessage())) {
                return down(health, "timeout", "no answer within " + timeout);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return down(health, "unreachable", "cannot connect (" + t.getClass().getSimpleName() + ")");
            }
        }
        return down(health, "error", e.getClass().getSimpleName());
    }

    private static Health.Builder down(Health.Builder health, String reason, String message) {
        return health.down().withDetail("reason", reason).withDetail("message", message);
    }

    /** Whether the client limits its own rate, and how: the rate-limiter {@code auto} mode's switch shows here. */
    static String rateLimiter(RateLimiter limiter) {
        if (limiter.isLimiting()) {
            return "token-bucket (qps " + limiter.qps() + ", burst " + limiter.burst() + ")";
        }
        return limiter instanceof AdaptiveRateLimiter ? "off (the server has API Priority and Fairness)" : "off";
    }

    /** The context the detection used, {@code "in-cluster"} for the pod's ServiceAccount. */
    static String context(ConfigOrigin origin) {
        return origin.kind() == ConfigOrigin.Kind.IN_CLUSTER ? "in-cluster" : origin.context();
    }

    /** Which source won and where: {@code "$KUBECONFIG (/etc/k/config)"}, {@code "in-cluster"}... (no reason). */
    static String source(ConfigOrigin origin) {
        return switch (origin.kind()) {
            case EXPLICIT_FILE -> "explicit kubeconfig " + origin.location();
            case KUBECONFIG_VARIABLE -> "$KUBECONFIG (" + origin.location() + ")";
            case IN_CLUSTER -> "in-cluster";
            case DEFAULT_KUBECONFIG -> "kubeconfig " + origin.location();
        };
    }

    /** The kubeconfig context named in the configuration's origin ("kubeconfig ..., context NAME"), if any. */
    static String context(String origin) {
        if (origin == null) {
            return null;
        }
        int at = origin.lastIndexOf(", context ");
        if (at >= 0) {
            return origin.substring(at + ", context ".length());
        }
        return origin.startsWith("in-cluster") ? "in-cluster" : null;
    }

    /** How the client authenticates, by kind only: never the credential itself. */
    static String authMethod(RestConfig config) {
        if (config.exec() != null) {
            String command = config.exec().command();
            String name = command.substring(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1);
            return "exec (" + name + ")";
        }
        if (config.authProvider() != null) {
            return "auth-provider (" + config.authProvider().name() + ")";
        }
        if (config.bearerTokenFile() != null) {
            return "token-file";
        }
        if (config.bearerToken() != null) {
            return "token";
        }
        if (config.clientCertFile() != null || config.clientCertData() != null) {
            return "client-certificate";
        }
        if (config.username() != null) {
            return "basic";
        }
        return "none";
    }

    @Override
    public String toString() {
        return "KubeHealthIndicator[" + client + ", timeout=" + timeout + ", cacheTtl=" + cacheTtl + "]";
    }
}
