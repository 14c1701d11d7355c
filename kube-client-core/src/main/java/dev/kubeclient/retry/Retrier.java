package dev.kubeclient.retry;

import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.flowcontrol.Backoff;
import dev.kubeclient.flowcontrol.Sleeper;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * The retry helpers bound to a {@link Sleeper} and a jitter source, so tests can run them without sleeping.
 * {@link Retry} offers the same methods on the real clock. Immutable and thread-safe.
 */
public final class Retrier {

    private final Sleeper sleeper;
    private final DoubleSupplier random;

    private Retrier(Sleeper sleeper, DoubleSupplier random) {
        this.sleeper = sleeper;
        this.random = random;
    }

    /**
     * A retrier that waits with {@code sleeper} and jitters with {@code random} (numbers in {@code [0, 1)}).
     */
    public static Retrier of(Sleeper sleeper, DoubleSupplier random) {
        return new Retrier(Objects.requireNonNull(sleeper, "sleeper"), Objects.requireNonNull(random, "random"));
    }

    /** A retrier on the real clock with {@link ThreadLocalRandom} jitter. */
    public static Retrier system() {
        return of(Sleeper.system(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Runs {@code action}; when it throws an error {@code retriable} accepts, waits the next delay of
     * {@code backoff} and runs it again, making at most {@link Backoff#steps()} attempts (client-go's
     * {@code retry.OnError}). An {@link InterruptedException} thrown by the action is never retried.
     *
     * @return what the first successful attempt returned
     * @throws E the error of an attempt that {@code retriable} rejects, at once; or the error of the last attempt
     *           when all attempts failed, rethrown as it was
     * @throws RetryInterruptedException if the thread is interrupted while waiting between attempts (the interrupt
     *                                   flag is set again)
     */
    public <T, E extends Exception> T onError(Backoff backoff, Predicate<? super Throwable> retriable,
                                              RetriableAction<T, E> action) throws E {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(retriable, "retriable");
        Objects.requireNonNull(action, "action");
        Backoff.Schedule schedule = backoff.schedule(random);
        for (int attempt = 1; ; attempt++) {
            Exception failure;
            try {
                return action.run();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                if (attempt >= backoff.steps() || !retriable.test(e)) {
                    throw e;
                }
                failure = e;
            }
            Duration delay = schedule.next();
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetryInterruptedException("interrupted while waiting " + delay.toMillis()
                        + " ms before attempt " + (attempt + 1) + " of " + backoff.steps() + "; the last attempt failed with "
                        + failure.getClass().getSimpleName(), e, failure);
            }
        }
    }

    /**
     * Runs {@code action}, retrying it while it fails with a 409 Conflict ({@link ApiErrors#isConflict}), for
     * read-modify-update loops that lose optimistic-concurrency races (client-go's {@code RetryOnConflict}). The
     * action should read the object afresh on each attempt.
     *
     * @see #onError(Backoff, Predicate, RetriableAction)
     */
    public <T, E extends Exception> T onConflict(Backoff backoff, RetriableAction<T, E> action) throws E {
        return onError(backoff, ApiErrors::isConflict, action);
    }
}
