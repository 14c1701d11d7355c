package dev.kubeclient.benchmarks.flowcontrol;

import dev.kubeclient.flowcontrol.RateLimiter;
import dev.kubeclient.flowcontrol.RateLimiterTimeoutException;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Does the token bucket deliver what it promises? Four threads take tokens from one limiter (QPS 50, burst 100) as
 * fast as it lets them for a 10-second window. A token bucket that starts full grants {@code burst + qps × t}
 * tokens in the {@code t} seconds after its first request (the last one due exactly at the end of the window), so the expectation is 100 + 50 × 10 = 600.
 *
 * <p>Each thread asks with a {@code maxWait} of what is left of the window, so a token due after the window is
 * refused ({@link RateLimiterTimeoutException}) instead of being counted. The tear-down prints achieved, expected
 * and the relative error; {@code acquired} is also reported as a JMH secondary result.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
@Threads(4)
public class RateLimiterAccuracyBenchmark {

    static final float QPS = 50f;
    static final int BURST = 100;
    static final Duration WINDOW = Duration.ofSeconds(10);

    /** The shared limiter and the window, fresh for each iteration. */
    @State(Scope.Benchmark)
    public static class Shared {
        RateLimiter limiter;
        final AtomicLong startNanos = new AtomicLong();
        final AtomicLong lastGrantNanos = new AtomicLong();
        final AtomicLong acquired = new AtomicLong();

        @Setup(Level.Iteration)
        public void start() {
            acquired.set(0);
            startNanos.set(0);
            lastGrantNanos.set(0);
            limiter = RateLimiter.tokenBucket(QPS, BURST);
        }

        /**
         * The window opens when the first thread arrives, not at set-up: a full bucket does not collect the tokens
         * of the idle moment between set-up and the threads' start, so counting from set-up would expect too many.
         */
        long deadline() {
            startNanos.compareAndSet(0, System.nanoTime());
            return startNanos.get() + WINDOW.toNanos();
        }

        @TearDown(Level.Iteration)
        public void report() {
            long achieved = acquired.get();
            double window = WINDOW.toNanos() / 1e9;
            double expected = BURST + QPS * window;
            double error = (achieved - expected) / expected;
            // The same check over the span actually used (first request to last grant), which removes the
            // knife edge of the one token due exactly at the window's end.
            double span = (lastGrantNanos.get() - startNanos.get()) / 1e9;
            double expectedInSpan = BURST + Math.floor(QPS * span + 1e-6);
            double spanError = (achieved - expectedInSpan) / expectedInSpan;
            System.out.printf(Locale.ROOT, "%n[rate-limiter accuracy] qps=%.0f burst=%d threads=4: "
                            + "window %.3fs achieved=%d expected=%.0f relative error=%+.3f%% (%s, limit 1%%); "
                            + "span to last grant %.3fs expected=%.0f relative error=%+.3f%%%n",
                    QPS, BURST, window, achieved, expected, error * 100, Math.abs(error) <= 0.01 ? "PASS" : "FAIL",
                    span, expectedInSpan, spanError * 100);
        }
    }

    /** Per-thread count, summed by JMH into the {@code acquired} secondary result. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counter {
        public long acquired;

        @Setup(Level.Iteration)
        public void clear() {
            acquired = 0;
        }
    }

    /** Takes tokens until the window closes; returns this thread's count. */
    @Benchmark
    public long acquireForTenSeconds(Shared shared, Counter counter) throws InterruptedException {
        long deadline = shared.deadline();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left < 0) {
                return counter.acquired;
            }
            try {
                shared.limiter.acquire(Duration.ofNanos(left));
            } catch (RateLimiterTimeoutException tooLate) {
                return counter.acquired;
            }
            shared.lastGrantNanos.accumulateAndGet(System.nanoTime(), Math::max);
            counter.acquired++;
            shared.acquired.incrementAndGet();
        }
    }
}
