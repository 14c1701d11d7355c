package dev.kubeclient.flowcontrol;

import java.time.Duration;

/** Rate limiting switched off (client-go: negative QPS). Stateless. */
enum UnlimitedRateLimiter implements RateLimiter {
    INSTANCE;

    @Override
    public Duration acquire(Duration maxWait) {
        return Duration.ZERO;
    }

    @Override
    public boolean tryAcquire() {
        return true;
    }

    @Override
    public float qps() {
        return Float.POSITIVE_INFINITY;
    }

    @Override
    public int burst() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean isLimiting() {
        return false;
    }

    @Override
    public String toString() {
        return "RateLimiter.unlimited()";
    }
}
