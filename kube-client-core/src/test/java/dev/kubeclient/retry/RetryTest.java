package dev.kubeclient.retry;

import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.errors.KubeApiException;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.flowcontrol.Backoff;
import dev.kubeclient.flowcontrol.FakeClock;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(20)
class RetryTest {

    private final FakeClock clock = new FakeClock();
    private final Retrier retrier = Retrier.of(clock, () -> 0.0);

    private static KubeApiException apiError(int code, String reason, String message) {
        return ApiErrors.fromStatus(new StatusBuilder().withCode(code).withReason(reason).withMessage(message).build(),
                "PUT", "/api/v1/namespaces/a/configmaps/b");
    }

    private static KubeApiException conflict(int n) {
        return apiError(409, "Conflict", "the object has been modified (attempt " + n + ")");
    }

    @Test
    void onConflictRetriesUntilTheUpdateGoesThrough() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retrier.onConflict(Backoff.DEFAULT_RETRY, () -> {
            int n = attempts.incrementAndGet();
            if (n < 3) {
                throw conflict(n);
            }
            return "updated";
        });

        assertThat(result).isEqualTo("updated");
        assertThat(attempts).hasValue(3);
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(10), Duration.ofMillis(10));
    }

    @Test
    void onConflictGivesUpWithTheLastConflictAfterTheLastStep() {
        AtomicInteger attempts = new AtomicInteger();
        List<KubeApiException> thrown = new ArrayList<>();

        assertThatThrownBy(() -> retrier.onConflict(Backoff.DEFAULT_RETRY, () -> {
            KubeApiException e = conflict(attempts.incrementAndGet());
            thrown.add(e);
            throw e;
        })).isSameAs(thrown.get(thrown.size() - 1)).hasMessageContaining("attempt 5");

        assertThat(attempts).hasValue(5);
        assertThat(clock.sleeps()).hasSize(4);
    }

    @Test
    void onConflictDoesNotRetryOtherErrors() {
        for (KubeApiException error : List.of(apiError(404, "NotFound", "gone"),
                apiError(409, "AlreadyExists", "exists"), apiError(500, "InternalError", "boom"))) {
            AtomicInteger attempts = new AtomicInteger();

            assertThatThrownBy(() -> retrier.onConflict(Backoff.DEFAULT_RETRY, () -> {
                attempts.incrementAndGet();
                throw error;
            })).isSameAs(error);

            assertThat(attempts).as(error.reason()).hasValue(1);
        }
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void onConflictSeesAConflictWrappedInAnotherException() {
        AtomicInteger attempts = new AtomicInteger();

        retrier.onConflict(Backoff.DEFAULT_RETRY, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new KubeClientException("update failed", conflict(1));
            }
            return null;
        });

        assertThat(attempts).hasValue(2);
    }

    @Test
    void onErrorRetriesWhatThePredicateAcceptsWithTheBackoffSchedule() {
        AtomicInteger attempts = new AtomicInteger();
        Backoff backoff = new Backoff(Duration.ofMillis(100), 2.0, 0, 4, Duration.ZERO);

        String result = retrier.onError(backoff, e -> ApiErrors.isServerTimeout(e) || ApiErrors.isTooManyRequests(e), () -> {
            switch (attempts.incrementAndGet()) {
                case 1 -> throw apiError(504, "ServerTimeout", "slow");
                case 2 -> throw apiError(429, "TooManyRequests", "busy");
                default -> {
                    return "done";
                }
            }
        });

        assertThat(result).isEqualTo("done");
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void onErrorRethrowsACheckedErrorAsItsOwnType() {
        AtomicInteger attempts = new AtomicInteger();
        IOException last = new IOException("connection reset (3)");

        assertThatThrownBy(() -> retrier.onError(Backoff.DEFAULT_RETRY.withSteps(3), e -> e instanceof IOException, () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("connection reset (" + attempts.get() + ")");
            }
            throw last;
        })).isSameAs(last);

        assertThat(attempts).hasValue(3);
    }

    @Test
    void onErrorWithASingleStepRunsOnceAndNeverSleeps() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retrier.onError(Backoff.DEFAULT_RETRY.withSteps(1), e -> true, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("once");
        })).hasMessage("once");

        assertThat(attempts).hasValue(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void interruptionWhileWaitingStopsPromptlyAndRestoresTheFlag() throws Exception {
        FakeClock manual = FakeClock.manual();
        Retrier blocking = Retrier.of(manual, () -> 0.0);
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flag = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                blocking.onConflict(Backoff.DEFAULT_RETRY, () -> {
                    throw conflict(attempts.incrementAndGet());
                });
            } catch (Throwable t) {
                thrown.set(t);
                flag.set(Thread.currentThread().isInterrupted());
            }
        }, "retry-worker");
        worker.setDaemon(true);
        worker.start();

        manual.awaitSleepers(1, Duration.ofSeconds(5));
        worker.interrupt();
        worker.join(5_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(attempts).hasValue(1);
        assertThat(flag).isTrue();
        assertThat(thrown.get()).isInstanceOf(RetryInterruptedException.class)
                .hasCauseInstanceOf(InterruptedException.class)
                .hasMessageContaining("before attempt 2 of 5");
        assertThat(thrown.get().getSuppressed()).singleElement().satisfies(e -> assertThat(ApiErrors.isConflict(e)).isTrue());
    }

    @Test
    void interruptedExceptionFromTheActionIsNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();
        try {
            assertThatThrownBy(() -> retrier.onError(Backoff.DEFAULT_RETRY, e -> true, () -> {
                attempts.incrementAndGet();
                throw new InterruptedException("stop");
            })).isInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(attempts).hasValue(1);
    }

    @Test
    void staticHelpersUseTheRealClock() {
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();

        Integer result = Retry.onConflict(Backoff.DEFAULT_RETRY, () -> {
            if (attempts.incrementAndGet() < 2) {
                throw conflict(1);
            }
            return 42;
        });

        assertThat(result).isEqualTo(42);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(10));
        assertThat(Retry.onError(Backoff.DEFAULT_RETRY, e -> false, () -> "first")).isEqualTo("first");
    }
}
