package dev.kubeclient.observation;

import java.time.Duration;
import java.util.List;

/**
 * Sees what a client does: every request and its outcome, every retry and 429, every rate-limiter wait, every
 * exec-plugin run and every watch opened and closed. One listener belongs to one client (set it on the
 * {@link dev.kubeclient.config.RestConfig}); there is no global registry. The Spring Boot starter binds one to
 * Micrometer.
 *
 * <p>All methods have empty defaults, so an implementation overrides only what it needs. Methods are called on
 * the thread doing the work: for a request, the caller's thread, from {@link #requestStarted} to
 * {@link #requestFinished} (so a listener sees the caller's MDC and tracing context, and may keep per-request state
 * in a {@code ThreadLocal} between the two). They must return quickly, and must not throw: an exception from a listener is logged and
 * otherwise ignored. Arguments carry only bounded values (see {@link RequestInfo}), never a credential.
 */
public interface KubeClientListener {

    /** A listener that does nothing. */
    KubeClientListener NONE = new KubeClientListener() {
        @Override
        public String toString() {
            return "KubeClientListener.NONE";
        }
    };

    /** A request is about to be sent for the first time (before the rate limiter). */
    default void requestStarted(RequestInfo request) {
    }

    /** A request ended: a final response arrived or it failed for good. Called once per {@link #requestStarted}. */
    default void requestFinished(RequestInfo request, RequestResult result) {
    }

    /**
     * A request is sent again.
     *
     * @param attempt the attempt about to be made, 2 for the first retry
     * @param delay how long the client waits before it
     */
    default void requestRetried(RequestInfo request, RetryReason reason, int attempt, Duration delay) {
    }

    /**
     * The server answered 429 Too Many Requests.
     *
     * @param retryAfter the server's Retry-After, or {@code null} when it sent none
     */
    default void tooManyRequests(RequestInfo request, Duration retryAfter) {
    }

    /** A request waited for the client-side rate limiter (also called with zero when it did not have to wait). */
    default void rateLimiterWaited(RequestInfo request, Duration waited) {
    }

    /** An exec credential plugin ran. */
    default void execPluginRan(ExecPluginRun run) {
    }

    /** A watch stream was opened (the server answered 200). */
    default void watchOpened(RequestInfo request) {
    }

    /**
     * A watch stream ended.
     *
     * @param openFor how long it was open
     * @param error the exception class's simple name when it ended with an error, {@code null} when it ended
     *              normally (closed by the caller or by the server's timeout)
     */
    default void watchClosed(RequestInfo request, Duration openFor, String error) {
    }

    /**
     * A resilient watcher opens its watch again after the previous one ended (the server's timeout, a dropped
     * connection or an error), from the last resourceVersion it saw.
     *
     * @param watcher the watcher's name: the resource plural, with the namespace when it watches one (so not a
     *                metric tag)
     */
    default void watchRestarted(String watcher) {
    }

    /**
     * A resilient watcher listed again, because its resourceVersion was too old (HTTP 410) or an earlier list had
     * failed, and handed the fresh state to its handler. The watcher's first list is not a relist.
     *
     * @param watcher the watcher's name, as for {@link #watchRestarted}
     */
    default void watchRelisted(String watcher) {
    }

    /** A listener that calls each of {@code listeners} in order. */
    static KubeClientListener composite(List<? extends KubeClientListener> listeners) {
        return new CompositeListener(List.copyOf(listeners));
    }
}
