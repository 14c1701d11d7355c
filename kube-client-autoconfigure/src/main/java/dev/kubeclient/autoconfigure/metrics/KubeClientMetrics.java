package dev.kubeclient.autoconfigure.metrics;

import dev.kubeclient.flowcontrol.RateLimiter;
import dev.kubeclient.observation.ExecPluginRun;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.observation.RequestResult;
import dev.kubeclient.observation.RetryReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Binds the core's {@link KubeClientListener} to Micrometer: requests, 429 answers, retries, rate-limiter waits,
 * exec-plugin runs and watches. Meter names are dotted lowercase under {@code kube.client}, times in seconds, and
 * every tag value is bounded (see {@link KubeRequestTags}). The meters are listed in {@code docs/observability.md}.
 *
 * <p>The {@value #REQUESTS} timer is recorded here only when {@code recordRequests} is set; with an Observation
 * registry that feeds Micrometer, the request Observation yields the same timer with the same tags instead (so it
 * is never recorded twice).
 */
public final class KubeClientMetrics implements KubeClientListener {

    /** Timer: one sample per request, from its first attempt to its final answer, retries and waits included. */
    public static final String REQUESTS = "kube.client.requests";
    /** Counter: 429 Too Many Requests answers. */
    public static final String TOO_MANY_REQUESTS = "kube.client.requests.too.many";
    /** Counter: requests sent again, tagged by reason. */
    public static final String RETRIES = "kube.client.requests.retries";
    /** Timer: time spent waiting for a client-side rate-limiter token. */
    public static final String RATE_LIMITER_WAIT = "kube.client.rate.limiter.wait";
    /** Gauge: 1 while the client-side rate limiter throttles requests, 0 when it is off. */
    public static final String RATE_LIMITER_ENABLED = "kube.client.rate.limiter.enabled";
    /** Counter: exec credential plugin runs, tagged by plugin and result. */
    public static final String EXEC_PLUGIN_RUNS = "kube.client.exec.plugin.runs";
    /** Gauge: watch streams open now. */
    public static final String WATCHES_OPEN = "kube.client.watches.open";
    /** Counter: resilient watches opened again after their stream ended. */
    public static final String WATCH_RESTARTS = "kube.client.watches.restarts";
    /** Counter: resilient watches that listed again (410 Gone, or after a failed list). */
    public static final String WATCH_RELISTS = "kube.client.watches.relists";

    private final MeterRegistry registry;
    private final boolean recordRequests;
    private final Map<Tags, AtomicLong> openWatches = new ConcurrentHashMap<>();
    private final Counter watchRestarts;
    private final Counter watchRelists;

    /**
     * Registers the meters that exist from the start (the watch counters and the limiter gauge).
     *
     * @param registry where the meters go
     * @param recordRequests whether this listener records the {@value #REQUESTS} timer (false when an Observation
     *                       handler records it)
     * @param rateLimiter the client's rate limiter, read each time the gauge is read; may supply {@code null}
     *                    while there is no client (the gauge then reads NaN)
     */
    public KubeClientMetrics(MeterRegistry registry, boolean recordRequests, Supplier<RateLimiter> rateLimiter) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.recordRequests = recordRequests;
        Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.watchRestarts = Counter.builder(WATCH_RESTARTS)
                .description("Resilient watches opened again after their stream ended (server timeout, dropped "
                        + "connection or error)")
                .register(registry);
        this.watchRelists = Counter.builder(WATCH_RELISTS)
                .description("Resilient watches that listed the resource again because their resourceVersion was "
                        + "too old (410 Gone) or a list had failed")
                .register(registry);
        Gauge.builder(RATE_LIMITER_ENABLED, rateLimiter, KubeClientMetrics::limiterEnabled)
                .description("1 while the client-side rate limiter (QPS/burst) throttles requests, 0 when it is off")
                .strongReference(true)
                .register(registry);
    }

    private static double limiterEnabled(Supplier<RateLimiter> source) {
        RateLimiter limiter = source.get();
        if (limiter == null) {
            return Double.NaN;
        }
        // isLimiting() turns false for an off limiter and for an 'auto' one once the server has shown APF.
        return limiter.isLimiting() ? 1 : 0;
    }

    @Override
    public void requestFinished(RequestInfo request, RequestResult result) {
        if (!recordRequests) {
            return;
        }
        Timer.builder(REQUESTS)
                .description("Kubernetes API requests, from the first attempt to the final answer (retries and "
                        + "rate-limiter waits included)")
                .tags(KubeRequestTags.finished(request, result))
                .register(registry)
                .record(result.latency());
    }

    @Override
    public void tooManyRequests(RequestInfo request, Duration retryAfter) {
        Counter.builder(TOO_MANY_REQUESTS)
                .description("Answers 429 Too Many Requests from the API server (API Priority and Fairness or "
                        + "max-in-flight limits)")
                .tags(KubeRequestTags.request(request))
                .register(registry)
                .increment();
    }

    @Override
    public void requestRetried(RequestInfo request, RetryReason reason, int attempt, Duration delay) {
        Counter.builder(RETRIES)
                .description("Kubernetes API requests sent again, by reason")
                .tags(KubeRequestTags.request(request))
                .tag("reason", reason.name())
                .register(registry)
                .increment();
    }

    @Override
    public void rateLimiterWaited(RequestInfo request, Duration waited) {
        Timer.builder(RATE_LIMITER_WAIT)
                .description("Time requests waited for a token of the client-side rate limiter")
                .tag(KubeRequestTags.HOST, request.host().isEmpty() ? "none" : request.host())
                .register(registry)
                .record(waited);
    }

    @Override
    public void execPluginRan(ExecPluginRun run) {
        Counter.builder(EXEC_PLUGIN_RUNS)
                .description("Runs of exec credential plugins, by plugin and result")
                .tag("plugin", pluginName(run.command()))
                .tag("result", run.outcome().name())
                .register(registry)
                .increment();
    }

    @Override
    public void watchOpened(RequestInfo request) {
        openWatches(request).incrementAndGet();
    }

    @Override
    public void watchClosed(RequestInfo request, Duration openFor, String error) {
        openWatches(request).decrementAndGet();
    }

    @Override
    public void watchRestarted(String watcher) {
        watchRestarts.increment();
    }

    @Override
    public void watchRelisted(String watcher) {
        watchRelists.increment();
    }

    private AtomicLong openWatches(RequestInfo request) {
        Tags tags = Tags.of(Tag.of(KubeRequestTags.GROUP, KubeRequestTags.group(request)),
                Tag.of(KubeRequestTags.RESOURCE, request.resource().isEmpty() ? "none" : request.resource()),
                Tag.of(KubeRequestTags.HOST, request.host().isEmpty() ? "none" : request.host()));
        return openWatches.computeIfAbsent(tags, t -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder(WATCHES_OPEN, count, AtomicLong::get)
                    .description("Watch streams open now")
                    .tags(t)
                    .register(registry);
            return count;
        });
    }

    /** The command's file name without a Windows extension: bounded, and no directory that may name a user. */
    static String pluginName(String command) {
        if (command == null || command.isBlank()) {
            return "none";
        }
        String name = command.substring(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".exe", ".cmd", ".bat"}) {
            if (lower.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    @Override
    public String toString() {
        return "KubeClientMetrics[" + registry.getClass().getSimpleName()
                + (recordRequests ? "" : ", requests from observations") + "]";
    }
}
