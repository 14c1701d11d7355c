package dev.kubeclient.flowcontrol;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Spaces out reconnects after repeated failures, the counterpart of client-go's
 * {@code wait.NewExponentialBackoffManager} as its reflector uses it for watches: 800 ms, 1.6 s, 3.2 s, ... up to
 * 30 s, each plus random jitter, and back to 800 ms once a failure comes after a healthy stretch (2 minutes
 * without failures by default). Thread-safe.
 *
 * <p>Like client-go, the cap limits the base delay and the jitter is added on top of it: with the default jitter
 * of 1.0, a delay is between one and two times its base, so at the cap it lies in [30 s, 60 s). Set a smaller
 * jitter to stay closer to the cap.
 */
public final class ExponentialBackoffManager {

    /** The first delay after a failure (client-go reflector: 800 ms). */
    public static final Duration DEFAULT_INITIAL = Duration.ofMillis(800);
    /** The largest base delay (client-go reflector: 30 s). */
    public static final Duration DEFAULT_MAX = Duration.ofSeconds(30);
    /** The growth factor per failure (client-go reflector: 2.0). */
    public static final double DEFAULT_FACTOR = 2.0;
    /** The jitter fraction added on top of each delay (client-go reflector: 1.0). */
    public static final double DEFAULT_JITTER = 1.0;
    /** How long without failures resets the delay to the initial one (client-go reflector: 2 minutes). */
    public static final Duration DEFAULT_RESET_AFTER = Duration.ofMinutes(2);

    private final Duration initial;
    private final Duration max;
    private final double factor;
    private final double jitter;
    private final long resetAfterNanos;
    private final Ticker ticker;
    private final DoubleSupplier random;

    private Duration current;
    private long lastFailureNanos;
    private boolean failedBefore;

    private ExponentialBackoffManager(Builder b) {
        this.initial = b.initial;
        this.max = b.max;
        this.factor = b.factor;
        this.jitter = b.jitter;
        this.resetAfterNanos = ChronoDurations.nonNegativeNanos(b.resetAfter);
        this.ticker = b.ticker;
        this.random = b.random;
        this.current = initial;
    }

    /** A manager with client-go's reflector defaults on the real clock. */
    public static ExponentialBackoffManager withDefaults() {
        return builder().build();
    }

    /** A builder starting from client-go's reflector defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records a failure and returns how long to wait before the next attempt. If the previous failure lies longer
     * than the reset interval back, the delay starts over from the initial one.
     */
    public synchronized Duration nextDelay() {
        long now = ticker.nanoTime();
        if (failedBefore && now - lastFailureNanos >= resetAfterNanos) {
            current = initial;
        }
        failedBefore = true;
        lastFailureNanos = now;
        Duration base = current;
        double grown = current.toNanos() * factor;
        current = grown >= max.toNanos() ? max : Duration.ofNanos((long) grown);
        return Backoff.jitter(base, jitter, random);
    }

    /** Forgets all failures: the next delay is the initial one. */
    public synchronized void reset() {
        current = initial;
        failedBefore = false;
    }

    @Override
    public String toString() {
        return "ExponentialBackoffManager[initial=" + initial + ", max=" + max + ", factor=" + factor + ", jitter="
                + jitter + ", resetAfter=" + Duration.ofNanos(resetAfterNanos) + "]";
    }

    /** Builds an {@link ExponentialBackoffManager}; every setting starts at client-go's reflector default. */
    public static final class Builder {

        private Duration initial = DEFAULT_INITIAL;
        private Duration max = DEFAULT_MAX;
        private double factor = DEFAULT_FACTOR;
        private double jitter = DEFAULT_JITTER;
        private Duration resetAfter = DEFAULT_RESET_AFTER;
        private Ticker ticker = Ticker.system();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /** The first delay; default {@link #DEFAULT_INITIAL}. */
        public Builder initial(Duration initial) {
            this.initial = initial;
            return this;
        }

        /** The largest base delay; default {@link #DEFAULT_MAX}. */
        public Builder max(Duration max) {
            this.max = max;
            return this;
        }

        /** The growth factor per failure (at least 1); default {@link #DEFAULT_FACTOR}. */
        public Builder factor(double factor) {
            this.factor = factor;
            return this;
        }

        /** The jitter fraction (0 for none); default {@link #DEFAULT_JITTER}. */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /** How long without failures resets the delay; default {@link #DEFAULT_RESET_AFTER}. */
        public Builder resetAfter(Duration resetAfter) {
            this.resetAfter = resetAfter;
            return this;
        }

        /** The monotonic clock that measures the healthy stretch; default {@link Ticker#system()}. */
        public Builder ticker(Ticker ticker) {
            this.ticker = ticker;
            return this;
        }

        /** The source of numbers in {@code [0, 1)} for the jitter; default {@link ThreadLocalRandom}. */
        public Builder random(DoubleSupplier random) {
            this.random = random;
            return this;
        }

        /**
         * Checks the settings and builds the manager.
         *
         * @throws IllegalArgumentException naming the setting that is missing or out of range
         */
        public ExponentialBackoffManager build() {
            requirePositive("initial", initial);
            requirePositive("max", max);
            requirePositive("resetAfter", resetAfter);
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("ExponentialBackoffManager.max (" + max
                        + ") must not be smaller than initial (" + initial + ")");
            }
            if (!(factor >= 1) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("ExponentialBackoffManager.factor must be a finite number >= 1, got "
                        + factor);
            }
            if (!(jitter >= 0) || Double.isInfinite(jitter)) {
                throw new IllegalArgumentException("ExponentialBackoffManager.jitter must be a finite number >= 0, got "
                        + jitter);
            }
            Objects.requireNonNull(ticker, "ExponentialBackoffManager.ticker");
            Objects.requireNonNull(random, "ExponentialBackoffManager.random");
            return new ExponentialBackoffManager(this);
        }

        private static void requirePositive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("ExponentialBackoffManager." + name + " must be positive, got " + d);
            }
        }
    }
}
