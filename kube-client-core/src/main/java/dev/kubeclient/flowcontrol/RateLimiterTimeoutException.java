package dev.kubeclient.flowcontrol;

import dev.kubeclient.errors.KubeClientException;

import java.time.Duration;

/**
 * A request would have to wait longer for the client-side rate limiter than its timeout allows, so it was not
 * sent (and took no token). The counterpart of Go's "rate: Wait(n=1) would exceed context deadline". Raise the
 * client's QPS/Burst, lower the request rate, or give the request a longer timeout.
 */
public class RateLimiterTimeoutException extends KubeClientException {

    private static final long serialVersionUID = 1L;

    private final Duration neededWait;
    private final Duration maxWait;

    /**
     * @param neededWait how long the request would have had to wait
     * @param maxWait    how long it was allowed to wait
     * @param limiter    a description of the limiter, for example {@code qps=5.0, burst=10}
     */
    public RateLimiterTimeoutException(Duration neededWait, Duration maxWait, String limiter) {
        super("client-side rate limiter (" + limiter + ") would make the request wait " + format(neededWait)
                + ", longer than the " + format(maxWait) + " it may still wait before its timeout; raise the client's "
                + "qps/burst or the request timeout");
        this.neededWait = neededWait;
        this.maxWait = maxWait;
    }

    /** How long the request would have had to wait for a token. */
    public Duration neededWait() {
        return neededWait;
    }

    /** How long the request was allowed to wait. */
    public Duration maxWait() {
        return maxWait;
    }

    private static String format(Duration d) {
        return d.toMillis() + " ms";
    }
}
