package dev.kubeclient.flowcontrol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fake monotonic clock for tests: a {@link Ticker} that only moves when told and a {@link Sleeper} that never
 * really sleeps. Shipped in core's test-jar for other packages' tests.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link #autoAdvancing()} (also {@code new FakeClock()}): {@code sleep(d)} moves the clock to at least
 *       "time of the call + d" and returns at once. Good for single-threaded code.</li>
 *   <li>{@link #manual()}: {@code sleep(d)} blocks until another thread {@link #advance advances} the clock past the
 *       wake-up time (or the sleeper is interrupted). Good for concurrency tests: start threads,
 *       {@link #awaitSleepers wait until they sleep}, inspect, advance.</li>
 * </ul>
 * Every sleep is recorded ({@link #sleeps()}). Thread-safe; interruption behaves like {@link Thread#sleep}.
 */
public final class FakeClock implements Ticker, Sleeper {

    /** Where the clock starts: an arbitrary non-zero reading, so code cannot assume the ticker starts at 0. */
    public static final long START_NANOS = 1_000_000_000_000L;

    private final boolean autoAdvance;
    private final List<Duration> sleeps = new ArrayList<>();
    private long nanos = START_NANOS;
    private int sleeping;

    /** An auto-advancing clock (see {@link #autoAdvancing()}). */
    public FakeClock() {
        this(true);
    }

    private FakeClock(boolean autoAdvance) {
        this.autoAdvance = autoAdvance;
    }

    /** A clock where sleeping moves time forward instantly. */
    public static FakeClock autoAdvancing() {
        return new FakeClock(true);
    }

    /** A clock where sleepers block until {@link #advance} moves time past their wake-up time. */
    public static FakeClock manual() {
        return new FakeClock(false);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    /** How much time has passed since the clock was made. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(nanos - START_NANOS);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before a fake sleep of " + duration);
        }
        synchronized (this) {
            sleeps.add(duration);
            if (duration.isNegative() || duration.isZero()) {
                return;
            }
            long wakeAt = nanos + duration.toNanos();
            if (autoAdvance) {
                nanos = Math.max(nanos, wakeAt);
                notifyAll();
                return;
            }
            sleeping++;
            notifyAll();
            try {
                while (nanos < wakeAt) {
                    wait();
                }
            } finally {
                sleeping--;
                notifyAll();
            }
        }
    }

    /** Moves the clock forward, waking manual-mode sleepers whose time has come. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a monotonic clock cannot go back; got " + duration);
        }
        nanos += duration.toNanos();
        notifyAll();
    }

    /** How many threads are blocked in {@link #sleep} right now (manual mode). */
    public synchronized int sleepers() {
        return sleeping;
    }

    /**
     * Waits (in real time, at most {@code timeout}) until at least {@code count} threads are blocked in
     * {@link #sleep}.
     *
     * @throws AssertionError if they do not get there in time
     */
    public synchronized void awaitSleepers(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sleeping < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " sleeping threads within " + timeout + ", have " + sleeping);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Every duration passed to {@link #sleep}, in call order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of all durations passed to {@link #sleep}. */
    public synchronized Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public synchronized String toString() {
        return "FakeClock[" + (autoAdvance ? "auto" : "manual") + ", elapsed=" + elapsed() + "]";
    }
}
