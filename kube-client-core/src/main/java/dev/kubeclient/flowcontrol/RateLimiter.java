package dev.kubeclient.flowcontrol;


import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Client-side throttling of requests, the counterpart of client-go's {@code flowcontrol.RateLimiter} (a token
 * bucket from {@code golang.org/x/time/rate}). Each request takes one token before it is sent. Thread-safe.
 *
 * <p>Interruption: a waiting {@link #acquire(Duration)} stops promptly when its thread is interrupted, gives its
 * reserved token back when no later request has reserved one after it, and throws {@link InterruptedException}
 * with the thread's interrupt flag set again (so code further up that only checks the flag still sees it).
 */
public interface RateLimiter {

    /**
     * Takes a token, waiting for one if the bucket is empty. Waiting requests reserve future tokens in arrival
     * order, so each sleeps only until its own turn.
     *
     * @param maxWait how long the caller may wait, usually what is left of the request's timeout; zero (or
     *                negative) accepts only a token that is available now
     * @return how long the call waited (zero when a token was available)
     * @throws RateLimiterTimeoutException if the wait would exceed {@code maxWait}; no token is taken then
     * @throws InterruptedException if the thread is interrupted before or while waiting
     */
    Duration acquire(Duration maxWait) throws InterruptedException;

    /**
     * Takes a token, waiting as long as needed.
     *
     * @return how long the call waited
     * @throws InterruptedException if the thread is interrupted before or while waiting
     */
    default Duration acquire() throws InterruptedException {
        return acquire(ChronoDurations.FOREVER);
    }

    /** Takes a token if one is available now; never waits. */
    boolean tryAcquire();

    /** The steady rate in tokens per second; {@link Float#POSITIVE_INFINITY} when unlimited. */
    float qps();

    /** The bucket size: how many requests may go at once after a quiet period; {@link Integer#MAX_VALUE} when unlimited. */
    int burst();

    /**
     * Whether this limiter can make a request wait right now: {@code false} for {@link #unlimited()} and for an
     * {@link #adaptive adaptive} limiter once the server showed that API Priority and Fairness protects it. Meters
     * and health details read it.
     */
    default boolean isLimiting() {
        return true;
    }

    /**
     * Called by the REST layer with the headers of every response the server sent (errors included), before any
     * retry. Limiters that learn from the server (see {@link #adaptive}) override it; it must return quickly.
     *
     * @param header the response's value of a header, by case-insensitive name, or {@code null} when absent
     */
    default void serverResponded(Function<String, String> header) {
    }

    /**
     * This limiter, but a single {@link #acquire(Duration)} waits at most {@code maxWait} even when the caller
     * would allow longer (a request without a timeout waits forever otherwise); longer waits fail with
     * {@link RateLimiterTimeoutException} without taking a token.
     *
     * @throws IllegalArgumentException if {@code maxWait} is negative
     */
    default RateLimiter withMaxWait(Duration maxWait) {
        return new MaxWaitRateLimiter(this, maxWait);
    }

    /**
     * A limiter that starts as {@code tokenBucket} and switches itself off for good once a response shows that the
     * server protects itself with API Priority and Fairness (the {@value AdaptiveRateLimiter#FLOW_SCHEMA_UID_HEADER}
     * header, which every APF-classified response carries), as controller-runtime and Flux advise for servers
     * with APF. The switch is logged once at INFO.
     *
     * @param tokenBucket the limiter used until the server shows APF
     * @param server the server's name for the log line
     */
    static AdaptiveRateLimiter adaptive(RateLimiter tokenBucket, String server) {
        return new AdaptiveRateLimiter(tokenBucket, server);
    }

    /**
     * A token bucket on the real clock: it starts full ({@code burst} tokens), refills continuously at {@code qps}
     * tokens per second up to {@code burst}, and each request takes one.
     *
     * @throws IllegalArgumentException if {@code qps} is not a positive finite number or {@code burst} is below 1
     */
    static RateLimiter tokenBucket(float qps, int burst) {
        return tokenBucket(qps, burst, Ticker.system(), Sleeper.system());
    }

    /**
     * A token bucket (see {@link #tokenBucket(float, int)}) on the given time source; tests pass a fake clock.
     *
     * @throws IllegalArgumentException if {@code qps} is not a positive finite number or {@code burst} is below 1
     */
    static RateLimiter tokenBucket(float qps, int burst, Ticker ticker, Sleeper sleeper) {
        return new TokenBucketRateLimiter(qps, burst, Objects.requireNonNull(ticker, "ticker"),
                Objects.requireNonNull(sleeper, "sleeper"));
    }

    /** A limiter that never waits and always has a token. */
    static RateLimiter unlimited() {
        return UnlimitedRateLimiter.INSTANCE;
    }
}
