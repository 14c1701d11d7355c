package dev.kubeclient.flowcontrol;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * A retry schedule, the counterpart of client-go's {@code wait.Backoff}: start with {@code duration}, multiply by
 * {@code factor} after each step, never grow beyond {@code cap}, and add up to {@code jitter × delay} of random
 * extra time to each delay. {@code steps} is the number of attempts a retry loop makes. Immutable; walk through
 * the delays with {@link #schedule()}.
 *
 * @param duration the first delay
 * @param factor   the growth factor per step; 0 or 1 keep the delay constant
 * @param jitter   the largest random extra as a fraction of the delay; 0 for none
 * @param steps    how many attempts a retry loop makes (at least 1)
 * @param cap      the largest (un-jittered) delay; {@link Duration#ZERO} for no cap
 */
public record Backoff(Duration duration, double factor, double jitter, int steps, Duration cap) {

    /**
     * client-go's {@code retry.DefaultRetry} (10 ms, factor 1.0, jitter 0.1, 5 steps), meant for 409 Conflict on
     * updates: 5 attempts about 10 ms apart (10-11 ms with jitter).
     */
    public static final Backoff DEFAULT_RETRY = new Backoff(Duration.ofMillis(10), 1.0, 0.1, 5, Duration.ZERO);

    /**
     * client-go's {@code retry.DefaultBackoff} (10 ms, factor 5.0, jitter 0.1, 4 steps), for conflicts that are
     * expected to clear a little more slowly: 4 attempts with delays of about 10 ms, 50 ms and 250 ms between them
     * (each up to 10% longer with jitter), so a caller gives up after about a third of a second. It is not meant to
     * ride out an API server outage; build a longer {@code Backoff} for that.
     */
    public static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofMillis(10), 5.0, 0.1, 4, Duration.ZERO);

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException naming the component that is out of range
     */
    public Backoff {
        Objects.requireNonNull(duration, "Backoff.duration");
        Objects.requireNonNull(cap, "Backoff.cap");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Backoff.duration must not be negative, got " + duration);
        }
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("Backoff.factor must be a finite number >= 0, got " + factor);
        }
        if (!(jitter >= 0) || Double.isInfinite(jitter)) {
            throw new IllegalArgumentException("Backoff.jitter must be a finite number >= 0, got " + jitter);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("Backoff.steps must be at least 1 (it counts attempts), got " + steps);
        }
        if (cap.isNegative()) {
            throw new IllegalArgumentException("Backoff.cap must not be negative (use Duration.ZERO for none), got " + cap);
        }
    }

    /** This backoff with another first delay. */
    public Backoff withDuration(Duration duration) {
        return new Backoff(duration, factor, jitter, steps, cap);
    }

    /** This backoff with another growth factor. */
    public Backoff withFactor(double factor) {
        return new Backoff(duration, factor, jitter, steps, cap);
    }

    /** This backoff with another jitter fraction. */
    public Backoff withJitter(double jitter) {
        return new Backoff(duration, factor, jitter, steps, cap);
    }

    /** This backoff with another number of attempts. */
    public Backoff withSteps(int steps) {
        return new Backoff(duration, factor, jitter, steps, cap);
    }

    /** This backoff with another cap ({@link Duration#ZERO} for none). */
    public Backoff withCap(Duration cap) {
        return new Backoff(duration, factor, jitter, steps, cap);
    }

    /** A fresh walk through the delays, jittered with {@link ThreadLocalRandom}. */
    public Schedule schedule() {
        return schedule(() -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * A fresh walk through the delays.
     *
     * @param random a source of numbers in {@code [0, 1)} for the jitter; tests pass a fixed one
     */
    public Schedule schedule(DoubleSupplier random) {
        return new Schedule(this, Objects.requireNonNull(random, "random"));
    }

    /** {@code base} plus a random extra of up to {@code fraction × base} (client-go's {@code wait.Jitter}). */
    static Duration jitter(Duration base, double fraction, DoubleSupplier random) {
        if (fraction <= 0) {
            return base;
        }
        double extra = random.getAsDouble() * fraction * base.toNanos();
        return base.plusNanos((long) Math.min(extra, Long.MAX_VALUE - (double) base.toNanos()));
    }

    /**
     * One walk through a {@link Backoff}'s delays, with client-go's {@code Backoff.Step} semantics: each
     * {@link #next()} returns the current delay (jittered) and grows the next one by the factor, up to the cap.
     * Once the steps are used up, {@code next()} keeps returning the last delay. Not thread-safe; one per retry loop.
     *
     * <p>One deliberate difference: client-go also sets the remaining steps to zero when the cap is reached, which
     * ends its retry loops early; here the cap only stops the growth and {@code steps} always counts attempts.
     */
    public static final class Schedule {

        private final Backoff backoff;
        private final DoubleSupplier random;
        private Duration current;
        private int remaining;

        private Schedule(Backoff backoff, DoubleSupplier random) {
            this.backoff = backoff;
            this.random = random;
            this.current = backoff.duration();
            this.remaining = backoff.steps();
        }

        /** The next delay, jittered. */
        public Duration next() {
            if (remaining < 1) {
                return jitter(current, backoff.jitter(), random);
            }
            remaining--;
            Duration delay = current;
            if (backoff.factor() != 0) {
                double grown = current.toNanos() * backoff.factor();
                current = grown >= Long.MAX_VALUE ? ChronoDurations.FOREVER : Duration.ofNanos((long) grown);
                if (!backoff.cap().isZero() && current.compareTo(backoff.cap()) > 0) {
                    current = backoff.cap();
                }
            }
            return jitter(delay, backoff.jitter(), random);
        }

        /** How many steps are left before {@link #next()} stops growing the delay. */
        public int remainingSteps() {
            return remaining;
        }
    }
}
