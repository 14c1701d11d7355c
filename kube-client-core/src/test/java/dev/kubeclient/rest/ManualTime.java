package dev.kubeclient.rest;

import dev.kubeclient.flowcontrol.Sleeper;
import dev.kubeclient.flowcontrol.Ticker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A ticker whose time moves only when someone sleeps on it; records every sleep. */
public final class ManualTime implements Ticker, Sleeper {

    private long now = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            sleeps.add(duration);
            if (!duration.isNegative()) {
                now += duration.toNanos();
            }
        }
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
