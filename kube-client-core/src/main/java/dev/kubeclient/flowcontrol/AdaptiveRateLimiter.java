package dev.kubeclient.flowcontrol;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A client-side rate limiter that steps aside once the server shows it protects itself: it starts as a token
 * bucket and, on the first response carrying {@value #FLOW_SCHEMA_UID_HEADER} (set on every request API Priority
 * and Fairness classified), switches to {@link RateLimiter#unlimited()} for the rest of its life. Client-side
 * QPS then no longer adds latency that the server's fair queuing makes unnecessary; controller-runtime and Flux
 * recommend exactly this for servers with APF (Kubernetes 1.20 and later enable it by default).
 *
 * <p>The switch happens once and is logged at INFO. {@link #isLimiting()} tells meters and health checks which
 * state is in force. Requests already waiting for a token when it switches keep their slot. Thread-safe.
 */
public final class AdaptiveRateLimiter implements RateLimiter {

    /** The response header API Priority and Fairness sets to the UID of the FlowSchema that matched the request. */
    public static final String FLOW_SCHEMA_UID_HEADER = "X-Kubernetes-PF-FlowSchema-UID";

    private static final Logger log = LoggerFactory.getLogger(AdaptiveRateLimiter.class);

    private final RateLimiter tokenBucket;
    private final String server;
    private volatile boolean limiting = true;

    AdaptiveRateLimiter(RateLimiter tokenBucket, String server) {
        this.tokenBucket = Objects.requireNonNull(tokenBucket, "tokenBucket");
        this.server = Objects.requireNonNull(server, "server");
    }

    private RateLimiter current() {
        return limiting ? tokenBucket : RateLimiter.unlimited();
    }

    @Override
    public Duration acquire(Duration maxWait) throws InterruptedException {
        return current().acquire(maxWait);
    }

    @Override
    public boolean tryAcquire() {
        return current().tryAcquire();
    }

    /** The bucket's rate while limiting; {@link Float#POSITIVE_INFINITY} once switched off. */
    @Override
    public float qps() {
        return current().qps();
    }

    /** The bucket's size while limiting; {@link Integer#MAX_VALUE} once switched off. */
    @Override
    public int burst() {
        return current().burst();
    }

    /** {@code true} until a response showed API Priority and Fairness, {@code false} from then on. */
    @Override
    public boolean isLimiting() {
        return limiting;
    }

    @Override
    public void serverResponded(Function<String, String> header) {
        if (limiting && header.apply(FLOW_SCHEMA_UID_HEADER) != null) {
            switchOff();
        }
    }

    private synchronized void switchOff() {
        if (limiting) {
            limiting = false;
            log.info("API Priority and Fairness protects {} (responses carry {}); client-side rate limiting "
                    + "(qps={}, burst={}) is now off", server, FLOW_SCHEMA_UID_HEADER, tokenBucket.qps(),
                    tokenBucket.burst());
        }
    }

    @Override
    public String toString() {
        return "RateLimiter.adaptive(" + (limiting ? tokenBucket + ", limiting" : "off: server has APF") + ")";
    }
}
