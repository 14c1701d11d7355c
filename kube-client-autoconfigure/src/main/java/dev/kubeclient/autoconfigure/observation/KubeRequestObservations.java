package dev.kubeclient.autoconfigure.observation;

import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.observation.RequestResult;
import dev.kubeclient.observation.RetryReason;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Makes every Kubernetes request an {@link Observation}: started when the client starts the request, stopped when
 * it ends (after retries and rate-limiter waits), a child of the caller's current observation. With a tracer it is
 * a client span; with a meter handler it records the {@code kube.client.requests} timer.
 *
 * <p>The client calls its listener on the caller's thread for the whole request, so the observation's scope is
 * open on that thread while the request runs: {@link TraceHeadersInterceptor} finds it there and sends its trace
 * headers, and the caller's MDC and span are those the interceptors see. Retries and 429 answers become events of
 * the observation.
 */
public final class KubeRequestObservations implements KubeClientListener {

    private static final KubeRequestObservationConvention DEFAULT = new DefaultKubeRequestObservationConvention();

    private final ObservationRegistry registry;
    private final KubeRequestObservationConvention convention;
    /** The scopes of the requests running on each thread, innermost first (a request is synchronous). */
    private final ThreadLocal<Deque<Observation.Scope>> running = ThreadLocal.withInitial(ArrayDeque::new);

    /**
     * Observations in {@code registry}, named by {@code convention} ({@code null} for
     * {@link DefaultKubeRequestObservationConvention}).
     */
    public KubeRequestObservations(ObservationRegistry registry, KubeRequestObservationConvention convention) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.convention = convention;
    }

    @Override
    public void requestStarted(RequestInfo request) {
        Observation observation = Observation.createNotStarted(convention, DEFAULT,
                () -> new KubeRequestObservationContext(request), registry).start();
        running.get().push(observation.openScope());
    }

    @Override
    public void requestFinished(RequestInfo request, RequestResult result) {
        Deque<Observation.Scope> scopes = running.get();
        Observation.Scope scope = scopes.poll();
        if (scopes.isEmpty()) {
            running.remove();
        }
        if (scope == null) {
            return;
        }
        Observation observation = scope.getCurrentObservation();
        if (observation.getContext() instanceof KubeRequestObservationContext context) {
            context.setResponse(result);
        }
        scope.close();
        observation.stop();
    }

    @Override
    public void requestRetried(RequestInfo request, RetryReason reason, int attempt, Duration delay) {
        current().event(Observation.Event.of("kube.client.retry", "retry " + reason + ", attempt " + attempt));
    }

    @Override
    public void tooManyRequests(RequestInfo request, Duration retryAfter) {
        current().event(Observation.Event.of("kube.client.too.many.requests",
                "429 Too Many Requests" + (retryAfter == null ? "" : ", Retry-After " + retryAfter)));
    }

    private Observation current() {
        Observation.Scope scope = running.get().peek();
        return scope == null ? Observation.NOOP : scope.getCurrentObservation();
    }

    @Override
    public String toString() {
        return "KubeRequestObservations[" + registry + "]";
    }
}
