package dev.kubeclient.flowcontrol;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/** A limiter whose waits are capped ({@link RateLimiter#withMaxWait(Duration)}). */
final class MaxWaitRateLimiter implements RateLimiter {

    private final RateLimiter limiter;
    private final Duration maxWait;

    MaxWaitRateLimiter(RateLimiter limiter, Duration maxWait) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("rate limiter maxWait must be zero or positive, got " + maxWait);
        }
        this.maxWait = maxWait;
    }

    @Override
    public Duration acquire(Duration requested) throws InterruptedException {
        Objects.requireNonNull(requested, "maxWait");
        return limiter.acquire(requested.compareTo(maxWait) < 0 ? requested : maxWait);
    }

    @Override
    public boolean tryAcquire() {
        return limiter.tryAcquire();
    }

    @Override
    public float qps() {
        return limiter.qps();
    }

    @Override
    public int burst() {
        return limiter.burst();
    }

    @Override
    public boolean isLimiting() {
        return limiter.isLimiting();
    }

    @Override
    public void serverResponded(Function<String, String> header) {
        limiter.serverResponded(header);
    }

    @Override
    public RateLimiter withMaxWait(Duration newMaxWait) {
        return new MaxWaitRateLimiter(limiter, newMaxWait);
    }

    @Override
    public String toString() {
        return limiter + ".withMaxWait(" + maxWait + ")";
    }
}
