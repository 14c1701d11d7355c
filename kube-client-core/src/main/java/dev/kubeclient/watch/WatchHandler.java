package dev.kubeclient.watch;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Receives what a {@link ResilientWatcher} sees. Called on the watcher's one thread, in order.
 *
 * <p>The contract that makes sure nothing is lost: the caller's picture of the resource is the last
 * {@link #onRelist} state with every later {@link #onEvent} applied. {@code onRelist} comes first (unless the
 * watcher was started from a known resourceVersion) and again whenever the watch could not resume (410 Gone):
 * then it carries the complete current state, which <em>replaces</em> the caller's picture; objects the caller
 * knew that are missing from it were deleted in the gap. The state comes from a LIST or from a streaming list;
 * the handler cannot tell them apart.
 *
 * <p>For the common case, a handler that reacts to each object (for example by queueing its key for a
 * reconciler, which finds deleted objects gone when it looks), a lambda for {@link #onEvent} is enough: the default
 * {@link #onRelist} hands every object of the state over as an ADDED event. Override {@code onRelist}, or use
 * {@link #of(Consumer, BiConsumer)}, when you keep a picture of the resource and must learn of deletions that
 * happened while the watch could not resume.
 *
 * <p>An exception thrown by a handler method stops the watcher (it is not retried: the event it was handling
 * would be lost); see {@link ResilientWatcher}. {@link ResilientWatcher#close()} never interrupts a handler method
 * that is running.
 *
 * @param <T> the object type
 */
@FunctionalInterface
public interface WatchHandler<T> {

    /** An ADDED, MODIFIED or DELETED event (BOOKMARKs are consumed by the watcher). */
    void onEvent(WatchEvent<T> event);

    /**
     * The complete current state, from a (paged) list or a streaming list. By default each object is handed to
     * {@link #onEvent} as an ADDED event, which tells nothing of objects deleted while the watch could not resume.
     *
     * @param items every object that exists now
     * @param resourceVersion the state's resourceVersion; events that follow are newer than it
     */
    default void onRelist(List<T> items, String resourceVersion) {
        for (T item : items) {
            onEvent(new WatchEvent<>(WatchEvent.Type.ADDED, item, null));
        }
    }

    /**
     * A failure the watcher recovered from, or is about to retry after a backoff: a dropped connection, an error
     * answer, an ERROR event, a failed list. Never silent: the default logs it at WARN.
     */
    default void onError(Throwable error) {
        org.slf4j.LoggerFactory.getLogger(ResilientWatcher.class).warn("watch failure; retrying: {}",
                error.toString());
    }

    /**
     * A handler made of two lambdas: one for events, one for the complete state (failures are logged at WARN).
     *
     * @throws NullPointerException if either is {@code null}
     */
    static <T> WatchHandler<T> of(Consumer<WatchEvent<T>> onEvent, BiConsumer<List<T>, String> onRelist) {
        Objects.requireNonNull(onEvent, "onEvent");
        Objects.requireNonNull(onRelist, "onRelist");
        return new WatchHandler<>() {
            @Override
            public void onEvent(WatchEvent<T> event) {
                onEvent.accept(event);
            }

            @Override
            public void onRelist(List<T> items, String resourceVersion) {
                onRelist.accept(items, resourceVersion);
            }
        };
    }
}
