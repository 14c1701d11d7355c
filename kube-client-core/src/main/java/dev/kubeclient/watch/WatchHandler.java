package dev.kubeclient.watch;

import java.util.List;

/**
 * Receives what a {@link ResilientWatcher} sees. Called on the watcher's one thread, in order.
 *
 * <p>The contract that makes sure nothing is lost: the caller's picture of the resource is the last
 * {@link #onRelist} state with every later {@link #onEvent} applied. {@code onRelist} comes first (unless the
 * watcher was started from a known resourceVersion) and again whenever the watch could not resume (410 Gone):
 * then it carries the complete current state, which <em>replaces</em> the caller's picture; objects the caller
 * knew that are missing from it were deleted in the gap.
 *
 * <p>An exception thrown by a handler method stops the watcher (it is not retried: the event it was handling
 * would be lost).
 *
 * @param <T> the object type
 */
public interface WatchHandler<T> {

    /** An ADDED, MODIFIED or DELETED event (BOOKMARKs are consumed by the watcher). */
    void onEvent(WatchEvent<T> event);

    /**
     * The complete current state, from a (paged) list.
     *
     * @param items every object that exists now
     * @param resourceVersion the list's resourceVersion; events that follow are newer than it
     */
    void onRelist(List<T> items, String resourceVersion);

    /**
     * A failure the watcher recovered from, or is about to retry after a backoff: a dropped connection, an error
     * answer, an ERROR event, a failed list. Never silent: the default logs it at WARN.
     */
    default void onError(Throwable error) {
        org.slf4j.LoggerFactory.getLogger(ResilientWatcher.class).warn("watch failure; retrying: {}",
                error.toString());
    }
}
