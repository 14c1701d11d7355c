package dev.kubeclient.benchmarks.flowcontrol;

import dev.kubeclient.flowcontrol.RateLimiter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What one uncontended call of the token bucket costs when it never has to wait: a limiter with a QPS of 10^9
 * and a burst of a million refills far faster than one thread can drain it. {@code systemNanoTime} is the floor
 * (the limiter reads the clock once per call); {@code unlimitedAcquire} is the switched-off limiter.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RateLimiterCostBenchmark {

    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private RateLimiter limiter;
    private RateLimiter unlimited;

    @Setup
    public void setUp() {
        limiter = RateLimiter.tokenBucket(1e9f, 1_000_000);
        unlimited = RateLimiter.unlimited();
    }

    @Benchmark
    public Duration acquire() throws InterruptedException {
        return limiter.acquire(MAX_WAIT);
    }

    @Benchmark
    public boolean tryAcquire() {
        return limiter.tryAcquire();
    }

    @Benchmark
    public Duration unlimitedAcquire() throws InterruptedException {
        return unlimited.acquire(MAX_WAIT);
    }

    @Benchmark
    public long systemNanoTime() {
        return System.nanoTime();
    }
}
