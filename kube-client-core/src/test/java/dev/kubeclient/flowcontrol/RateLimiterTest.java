package dev.kubeclient.flowcontrol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(20)
class RateLimiterTest {

    private static final Duration LONG = Duration.ofHours(1);

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void drain(RateLimiter limiter, int tokens) {
        for (int i = 0; i < tokens; i++) {
            assertThat(limiter.tryAcquire()).as("token %d of the burst", i + 1).isTrue();
        }
    }

    @Test
    void fullBurstIsServedAtOnce() throws InterruptedException {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = RateLimiter.tokenBucket(5, 10, clock, clock);

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire(Duration.ZERO)).isZero();
        }
        assertThat(clock.elapsed()).isZero();
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void afterTheBurstEachRequestWaitsOneIntervalMore() throws InterruptedException {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = RateLimiter.tokenBucket(5, 10, clock, clock);
        drain(limiter, 10);

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waits.add(limiter.acquire(LONG));
        }

        assertThat(waits).containsOnly(ms(200));
        assertThat(clock.elapsed()).isEqualTo(ms(1000));
    }

    @Test
    void tokensRefillContinuouslyButNeverBeyondTheBurst() throws InterruptedException {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = RateLimiter.tokenBucket(10, 3, clock, clock);
        drain(limiter, 3);

        clock.advance(ms(50));
        assertThat(limiter.acquire(LONG)).as("half a token was there, half is waited for").isEqualTo(ms(50));

        clock.advance(Duration.ofMinutes(10));
        drain(limiter, 3);
        assertThat(limiter.tryAcquire()).as("a quiet period refills only up to the burst").isFalse();
    }

    @Test
    void waitBeyondMaxWaitThrowsWithoutTakingAToken() throws InterruptedException {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = RateLimiter.tokenBucket(5, 1, clock, clock);
        drain(limiter, 1);

        assertThatThrownBy(() -> limiter.acquire(ms(199)))
                .isInstanceOf(RateLimiterTimeoutException.class)
                .hasMessageContaining("wait 200 ms")
                .hasMessageContaining("199 ms")
                .hasMessageContaining("qps=5.0, burst=1")
                .satisfies(e -> {
                    RateLimiterTimeoutException t = (RateLimiterTimeoutException) e;
                    assertThat(t.neededWait()).isEqualTo(ms(200));
                    assertThat(t.maxWait()).isEqualTo(ms(199));
                });
        assertThat(clock.sleeps()).isEmpty();

        assertThat(limiter.acquire(ms(200))).as("the failed call reserved nothing").isEqualTo(ms(200));
    }

    @Test
    void tryAcquireNeverWaits() {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = RateLimiter.tokenBucket(1, 2, clock, clock);

        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        assertThat(clock.sleeps()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void interruptionWhileWaitingThrowsPromptlyRestoresTheFlagAndGivesTheTokenBack() throws Exception {
        FakeClock clock = FakeClock.manual();
        RateLimiter limiter = RateLimiter.tokenBucket(5, 1, clock, clock);
        drain(limiter, 1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfterwards = new AtomicBoolean();

        Thread waiter = start("waiter", () -> {
            try {
                limiter.acquire(LONG);
            } catch (Throwable t) {
                thrown.set(t);
                flagAfterwards.set(Thread.currentThread().isInterrupted());
            }
        });
        clock.awaitSleepers(1, Duration.ofSeconds(5));
        waiter.interrupt();
        waiter.join(5_000);

        assertThat(waiter.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(flagAfterwards).isTrue();
        clock.advance(ms(200));
        assertThat(limiter.tryAcquire()).as("the token reserved by the interrupted caller is free again").isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
    }

    @Test
    void interruptedWaiterKeepsItsSlotWhenSomeoneReservedAfterIt() throws Exception {
        FakeClock clock = FakeClock.manual();
        RateLimiter limiter = RateLimiter.tokenBucket(5, 1, clock, clock);
        drain(limiter, 1);
        AtomicReference<Duration> secondWaited = new AtomicReference<>();

        Thread first = start("first", () -> {
            try {
                limiter.acquire(LONG);
            } catch (InterruptedException expected) {
                Thread.currentThread().interrupt();
            }
        });
        clock.awaitSleepers(1, Duration.ofSeconds(5));
        Thread second = start("second", () -> {
            try {
                secondWaited.set(limiter.acquire(LONG));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        clock.awaitSleepers(2, Duration.ofSeconds(5));
        first.interrupt();
        first.join(5_000);

        clock.advance(ms(200));
        assertThat(limiter.tryAcquire()).as("later reservations cannot move up, so the slot stays used").isFalse();
        clock.advance(ms(200));
        second.join(5_000);
        assertThat(secondWaited.get()).isEqualTo(ms(400));
    }

    @Test
    void alreadyInterruptedThreadIsRefusedWithoutTakingAToken() {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = RateLimiter.tokenBucket(5, 1, clock, clock);
        try {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> limiter.acquire(LONG)).isInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(limiter.tryAcquire()).isTrue();
    }

    @Test
    void concurrentWaitersAreServedInOrderOneIntervalApart() throws Exception {
        FakeClock clock = FakeClock.manual();
        RateLimiter limiter = RateLimiter.tokenBucket(10, 1, clock, clock);
        drain(limiter, 1);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fairness-waiter");
            t.setDaemon(true);
            return t;
        });
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Duration>> waits = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                waits.add(pool.submit(() -> {
                    go.await();
                    return limiter.acquire(LONG);
                }));
            }
            go.countDown();
            clock.awaitSleepers(threads, Duration.ofSeconds(5));

            List<Duration> expected = IntStream.rangeClosed(1, threads).mapToObj(i -> ms(100L * i)).toList();
            assertThat(clock.sleeps()).as("every waiter has its own slot").containsExactlyInAnyOrderElementsOf(expected);

            // One interval at a time, so each waiter measures its wait at its own wake-up time.
            for (int woken = 1; woken <= threads; woken++) {
                clock.advance(ms(100));
                awaitCompleted(waits, woken);
            }
            List<Duration> got = new ArrayList<>();
            for (Future<Duration> f : waits) {
                got.add(f.get());
            }
            assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitCompleted(List<? extends Future<?>> futures, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (futures.stream().filter(Future::isDone).count() < count) {
            assertThat(System.nanoTime()).as("%d waiters should have finished", count).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    @Test
    void concurrentCallersNeverGetMoreTokensThanTheBucketHolds() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = RateLimiter.tokenBucket(1, 1000, clock, clock);
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> {
                    for (int j = 0; j < 1000; j++) {
                        if (limiter.tryAcquire()) {
                            granted.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(granted).hasValue(1000);
    }

    @Test
    void realClockLimiterIsNeverFasterThanItsRate() throws Exception {
        RateLimiter limiter = RateLimiter.tokenBucket(100, 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> {
                    for (int j = 0; j < 5; j++) {
                        limiter.acquire(Duration.ofSeconds(10));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // 20 tokens with 1 in the bucket need at least 19 intervals of 10 ms.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(ms(185));
    }

    @Test
    void unlimitedLimiterNeverWaits() throws InterruptedException {
        RateLimiter limiter = RateLimiter.unlimited();

        for (int i = 0; i < 100_000; i++) {
            assertThat(limiter.acquire(Duration.ZERO)).isZero();
        }
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.qps()).isInfinite();
    }

    @Test
    void badSettingsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> RateLimiter.tokenBucket(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("qps must be a positive finite number, got 0.0")
                .hasMessageContaining("RateLimiter.unlimited()");
        assertThatThrownBy(() -> RateLimiter.tokenBucket(-3, 1)).hasMessageContaining("qps");
        assertThatThrownBy(() -> RateLimiter.tokenBucket(Float.NaN, 1)).hasMessageContaining("qps");
        assertThatThrownBy(() -> RateLimiter.tokenBucket(Float.POSITIVE_INFINITY, 1)).hasMessageContaining("qps");
        assertThatThrownBy(() -> RateLimiter.tokenBucket(5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("burst must be at least 1, got 0");
    }

    @Test
    void fakeClockSleepsAreInterruptibleToo() {
        FakeClock clock = new FakeClock();
        try {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> clock.sleep(ms(1))).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void systemSleeperHonoursInterruption() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread sleeper = start("system-sleeper", () -> {
            try {
                Sleeper.system().sleep(Duration.ofMinutes(1));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        dev.kubeclient.testing.Threads.awaitBlocked(sleeper);
        sleeper.interrupt();
        sleeper.join(5_000);
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void withMaxWaitCapsAWaitTheCallerWouldAllowAndTakesNoTokenThen() throws InterruptedException {
        FakeClock clock = FakeClock.autoAdvancing();
        RateLimiter limiter = RateLimiter.tokenBucket(1, 1, clock, clock).withMaxWait(ms(500));
        drain(limiter, 1);
        assertThatThrownBy(() -> limiter.acquire(LONG)).isInstanceOf(RateLimiterTimeoutException.class);
        // Within the cap, the caller's own shorter limit still applies and a wait succeeds.
        assertThat(RateLimiter.tokenBucket(1, 1, clock, clock).withMaxWait(Duration.ofSeconds(2)).acquire(LONG))
                .isEqualTo(Duration.ZERO);
        assertThat(limiter.isLimiting()).isTrue();
        assertThat(RateLimiter.unlimited().isLimiting()).isFalse();
    }
}
