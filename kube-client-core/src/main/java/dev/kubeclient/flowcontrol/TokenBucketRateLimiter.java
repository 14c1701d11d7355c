package dev.kubeclient.flowcontrol;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket with the semantics of Go's {@code rate.Limiter} as client-go uses it, kept lock-free.
 *
 * <p>The whole state is one number, {@code emptyAt}: the ticker reading at which the bucket holds no tokens once
 * every reservation made so far is paid for. At time {@code now} the bucket holds
 * {@code min(burst, (now - emptyAt) / interval)} tokens; a negative count means tokens already promised to
 * waiting requests. Taking a token moves {@code emptyAt} one interval later (after first clamping it so the bucket
 * never holds more than {@code burst}); if the new {@code emptyAt} lies in the future, the caller sleeps until
 * then. One compare-and-set per request, so concurrent callers get consecutive slots in the order their CAS
 * succeeds, and each sleeps exactly until its own slot.
 */
final class TokenBucketRateLimiter implements RateLimiter {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final float qps;
    private final int burst;
    private final long intervalNanos;
    private final long capacityNanos;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final AtomicLong emptyAt;

    TokenBucketRateLimiter(float qps, int burst, Ticker ticker, Sleeper sleeper) {
        if (!(qps > 0) || Float.isInfinite(qps)) {
            throw new IllegalArgumentException("rate limiter qps must be a positive finite number, got " + qps
                    + "; use RateLimiter.unlimited() to switch rate limiting off");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("rate limiter burst must be at least 1, got " + burst);
        }
        this.qps = qps;
        this.burst = burst;
        // Rounding to whole nanoseconds changes the rate by less than 1e-9 relative for any sane QPS.
        this.intervalNanos = Math.max(1, Math.round(NANOS_PER_SECOND / qps));
        this.capacityNanos = saturatedMultiply(intervalNanos, burst);
        this.ticker = ticker;
        this.sleeper = sleeper;
        // Starts full, like rate.NewLimiter.
        this.emptyAt = new AtomicLong(ticker.nanoTime() - capacityNanos);
    }

    @Override
    public Duration acquire(Duration maxWait) throws InterruptedException {
        Objects.requireNonNull(maxWait, "maxWait");
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted before acquiring a rate limiter token");
        }
        long maxWaitNanos = ChronoDurations.nonNegativeNanos(maxWait);
        while (true) {
            long now = ticker.nanoTime();
            long current = emptyAt.get();
            long next = Math.max(current, now - capacityNanos) + intervalNanos;
            long wait = next - now;
            if (wait > maxWaitNanos) {
                throw new RateLimiterTimeoutException(Duration.ofNanos(wait), Duration.ofNanos(maxWaitNanos),
                        describe());
            }
            if (!emptyAt.compareAndSet(current, next)) {
                continue;
            }
            if (wait <= 0) {
                return Duration.ZERO;
            }
            try {
                sleeper.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                // Go's Reservation.Cancel: the token goes back only if nobody reserved after us; later
                // reservations already have their slots and cannot move earlier.
                emptyAt.compareAndSet(next, next - intervalNanos);
                Thread.currentThread().interrupt();
                throw e;
            }
            return Duration.ofNanos(Math.max(wait, ticker.nanoTime() - now));
        }
    }

    @Override
    public boolean tryAcquire() {
        while (true) {
            long now = ticker.nanoTime();
            long current = emptyAt.get();
            long next = Math.max(current, now - capacityNanos) + intervalNanos;
            if (next > now) {
                return false;
            }
            if (emptyAt.compareAndSet(current, next)) {
                return true;
            }
        }
    }

    @Override
    public float qps() {
        return qps;
    }

    @Override
    public int burst() {
        return burst;
    }

    private String describe() {
        return "qps=" + qps + ", burst=" + burst;
    }

    @Override
    public String toString() {
        return "RateLimiter.tokenBucket(" + describe() + ")";
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE / 4;
    }
}
