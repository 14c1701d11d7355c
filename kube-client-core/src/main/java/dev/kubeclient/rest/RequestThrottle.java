package dev.kubeclient.rest;

import java.time.Duration;

/** The client-side rate limiter as the executor sees it. */
interface RequestThrottle {

    /** Whether requests are throttled at all (when not, waits are not reported). */
    boolean enabled();

    /**
     * Takes one token, waiting as needed.
     *
     * @param maxWait the longest wait allowed, {@code null} for no bound
     * @return how long it waited, or {@code null} when no token could be had within {@code maxWait}
     */
    Duration acquire(Duration maxWait) throws InterruptedException;
}
