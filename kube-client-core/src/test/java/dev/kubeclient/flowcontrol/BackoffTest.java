package dev.kubeclient.flowcontrol;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private static final DoubleSupplier NO_JITTER = () -> 0.0;
    private static final DoubleSupplier MAX_JITTER = () -> Math.nextDown(1.0);

    private static List<Duration> delays(Backoff.Schedule schedule, int count) {
        List<Duration> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(schedule.next());
        }
        return out;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void defaultRetryIsFiveStepsOfTenMillisecondsWithTenPercentJitter() {
        Backoff b = Backoff.DEFAULT_RETRY;

        assertThat(b.steps()).isEqualTo(5);
        assertThat(b.factor()).isEqualTo(1.0);
        assertThat(delays(b.schedule(NO_JITTER), 5)).containsOnly(ms(10));
        assertThat(delays(b.schedule(MAX_JITTER), 5)).allSatisfy(d -> assertThat(d).isLessThan(ms(11)));
        Random seeded = new Random(42);
        assertThat(delays(b.schedule(seeded::nextDouble), 1000))
                .allSatisfy(d -> assertThat(d).isBetween(ms(10), ms(11)));
    }

    @Test
    void defaultRetryHasClientGosValuesExactly() {
        // client-go util/retry: DefaultRetry = wait.Backoff{Steps: 5, Duration: 10ms, Factor: 1.0, Jitter: 0.1}
        assertThat(Backoff.DEFAULT_RETRY)
                .isEqualTo(new Backoff(ms(10), 1.0, 0.1, 5, Duration.ZERO));
    }

    @Test
    void defaultBackoffHasClientGosValuesExactly() {
        // client-go util/retry: DefaultBackoff = wait.Backoff{Steps: 4, Duration: 10ms, Factor: 5.0, Jitter: 0.1}
        assertThat(Backoff.DEFAULT_BACKOFF)
                .isEqualTo(new Backoff(ms(10), 5.0, 0.1, 4, Duration.ZERO));
    }

    @Test
    void defaultBackoffGrowsFiveFoldFromTenMilliseconds() {
        Backoff b = Backoff.DEFAULT_BACKOFF;

        assertThat(b.steps()).isEqualTo(4);
        assertThat(delays(b.schedule(NO_JITTER), 4))
                .containsExactly(ms(10), ms(50), ms(250), ms(1250));
        assertThat(delays(b.schedule(() -> 0.5), 3))
                .containsExactly(Duration.ofNanos(10_500_000), Duration.ofNanos(52_500_000), Duration.ofNanos(262_500_000));
        Random seeded = new Random(7);
        Backoff.Schedule s = b.schedule(seeded::nextDouble);
        assertThat(s.next()).isBetween(ms(10), ms(11));
        assertThat(s.next()).isBetween(ms(50), ms(55));
        assertThat(s.next()).isBetween(ms(250), ms(275));
    }

    @Test
    void capStopsTheGrowthButNotTheSteps() {
        Backoff b = new Backoff(Duration.ofSeconds(1), 2.0, 0, 6, Duration.ofSeconds(5));
        Backoff.Schedule s = b.schedule(NO_JITTER);

        assertThat(delays(s, 6)).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(s.remainingSteps()).isZero();
    }

    @Test
    void afterTheLastStepTheDelayStaysWhereItGot() {
        Backoff.Schedule s = Backoff.DEFAULT_BACKOFF.schedule(NO_JITTER);
        delays(s, 4);

        assertThat(s.remainingSteps()).isZero();
        assertThat(delays(s, 2)).containsOnly(ms(6250));
    }

    @Test
    void factorZeroKeepsTheDelayConstant() {
        assertThat(delays(new Backoff(ms(7), 0, 0, 3, Duration.ZERO).schedule(NO_JITTER), 4)).containsOnly(ms(7));
    }

    @Test
    void witherMethodsChangeOneComponent() {
        Backoff b = Backoff.DEFAULT_RETRY.withSteps(2).withDuration(ms(5)).withFactor(3).withJitter(0).withCap(ms(20));

        assertThat(b).isEqualTo(new Backoff(ms(5), 3, 0, 2, ms(20)));
        assertThat(delays(b.schedule(), 3)).containsExactly(ms(5), ms(15), ms(20));
    }

    @Test
    void badComponentsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> Backoff.DEFAULT_RETRY.withSteps(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Backoff.steps must be at least 1");
        assertThatThrownBy(() -> Backoff.DEFAULT_RETRY.withDuration(ms(-1))).hasMessageContaining("Backoff.duration");
        assertThatThrownBy(() -> Backoff.DEFAULT_RETRY.withFactor(-1)).hasMessageContaining("Backoff.factor");
        assertThatThrownBy(() -> Backoff.DEFAULT_RETRY.withFactor(Double.NaN)).hasMessageContaining("Backoff.factor");
        assertThatThrownBy(() -> Backoff.DEFAULT_RETRY.withJitter(-0.1)).hasMessageContaining("Backoff.jitter");
        assertThatThrownBy(() -> Backoff.DEFAULT_RETRY.withCap(ms(-1))).hasMessageContaining("Backoff.cap");
        assertThatThrownBy(() -> Backoff.DEFAULT_RETRY.withCap(null)).hasMessageContaining("Backoff.cap");
    }

    @Test
    void hugeGrowthSaturatesInsteadOfOverflowing() {
        Backoff.Schedule s = new Backoff(Duration.ofDays(10_000), 1e9, 0, 5, Duration.ZERO).schedule(NO_JITTER);

        assertThat(delays(s, 5)).allSatisfy(d -> assertThat(d).isPositive());
    }
}
