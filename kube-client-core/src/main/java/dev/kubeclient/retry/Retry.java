package dev.kubeclient.retry;

import dev.kubeclient.flowcontrol.Backoff;

import java.util.function.Predicate;

/**
 * Retry helpers on the real clock, the counterpart of client-go's {@code util/retry}. For example, an update that
 * survives concurrent writers:
 *
 * <pre>{@code
 * Retry.onConflict(Backoff.DEFAULT_RETRY, () -> {
 *     ConfigMap cm = configMaps.get("settings");
 *     cm.getData().put("mode", "fast");
 *     return configMaps.update(cm);
 * });
 * }</pre>
 *
 * Use {@link Retrier#of} to inject a sleeper and jitter source.
 */
public final class Retry {

    private Retry() {
    }

    /** {@link Retrier#onError} on the real clock. */
    public static <T, E extends Exception> T onError(Backoff backoff, Predicate<? super Throwable> retriable,
                                                     RetriableAction<T, E> action) throws E {
        return Retrier.system().onError(backoff, retriable, action);
    }

    /** {@link Retrier#onConflict} on the real clock. */
    public static <T, E extends Exception> T onConflict(Backoff backoff, RetriableAction<T, E> action) throws E {
        return Retrier.system().onConflict(backoff, action);
    }
}
