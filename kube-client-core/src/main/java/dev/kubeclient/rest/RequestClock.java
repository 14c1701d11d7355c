package dev.kubeclient.rest;

import java.time.Duration;

/** Time as the executor sees it: a monotonic reading and an interruptible sleep. */
interface RequestClock {

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;
}
