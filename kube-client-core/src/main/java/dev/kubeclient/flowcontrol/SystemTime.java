package dev.kubeclient.flowcontrol;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The real clock: {@link System#nanoTime()} and {@link Thread#sleep}. Stateless. */
enum SystemTime implements Ticker, Sleeper {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before sleeping " + duration);
        }
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        long nanos = duration.compareTo(Duration.ofDays(365)) > 0 ? TimeUnit.DAYS.toNanos(365) : duration.toNanos();
        TimeUnit.NANOSECONDS.sleep(nanos);
    }

    @Override
    public String toString() {
        return "system time";
    }
}
