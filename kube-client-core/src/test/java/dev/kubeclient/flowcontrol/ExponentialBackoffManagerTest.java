package dev.kubeclient.flowcontrol;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExponentialBackoffManagerTest {

    private final FakeClock clock = new FakeClock();

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private List<Duration> failures(ExponentialBackoffManager m, int count) {
        List<Duration> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(m.nextDelay());
        }
        return out;
    }

    @Test
    void delaysDoubleFromEightHundredMillisecondsUpToThirtySeconds() {
        ExponentialBackoffManager m = ExponentialBackoffManager.builder().ticker(clock).random(() -> 0.0).build();

        assertThat(failures(m, 8)).containsExactly(ms(800), ms(1600), ms(3200), ms(6400), ms(12800), ms(25600),
                ms(30000), ms(30000));
    }

    @Test
    void defaultJitterAddsUpToOneBaseDelayOnTop() {
        ExponentialBackoffManager half = ExponentialBackoffManager.builder().ticker(clock).random(() -> 0.5).build();
        assertThat(failures(half, 2)).containsExactly(ms(1200), ms(2400));

        Random seeded = new Random(3);
        ExponentialBackoffManager m = ExponentialBackoffManager.builder().ticker(clock).random(seeded::nextDouble).build();
        Duration base = ms(800);
        for (int i = 0; i < 12; i++) {
            Duration d = m.nextDelay();
            assertThat(d).isGreaterThanOrEqualTo(base).isLessThan(base.multipliedBy(2));
            base = base.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : base.multipliedBy(2);
        }
    }

    @Test
    void smallerJitterKeepsDelaysNearTheCap() {
        ExponentialBackoffManager m = ExponentialBackoffManager.builder().ticker(clock).jitter(0.1)
                .random(() -> Math.nextDown(1.0)).build();

        assertThat(failures(m, 10).get(9)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(33));
    }

    @Test
    void aHealthyStretchResetsTheDelayToTheInitialOne() {
        ExponentialBackoffManager m = ExponentialBackoffManager.builder().ticker(clock).random(() -> 0.0).build();
        failures(m, 4);

        clock.advance(Duration.ofMinutes(2).minusMillis(1));
        assertThat(m.nextDelay()).as("failures keep coming: still growing").isEqualTo(ms(12800));

        clock.advance(Duration.ofMinutes(2));
        assertThat(m.nextDelay()).as("two quiet minutes: start over").isEqualTo(ms(800));
        assertThat(m.nextDelay()).isEqualTo(ms(1600));
    }

    @Test
    void resetAfterIsConfigurable() {
        ExponentialBackoffManager m = ExponentialBackoffManager.builder().ticker(clock).random(() -> 0.0)
                .initial(ms(100)).max(ms(1000)).factor(3).resetAfter(Duration.ofSeconds(10)).build();

        assertThat(failures(m, 4)).containsExactly(ms(100), ms(300), ms(900), ms(1000));
        clock.advance(Duration.ofSeconds(10));
        assertThat(m.nextDelay()).isEqualTo(ms(100));
    }

    @Test
    void explicitResetStartsOver() {
        ExponentialBackoffManager m = ExponentialBackoffManager.builder().ticker(clock).random(() -> 0.0).build();
        failures(m, 5);

        m.reset();

        assertThat(m.nextDelay()).isEqualTo(ms(800));
    }

    @Test
    void badSettingsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> ExponentialBackoffManager.builder().initial(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial must be positive");
        assertThatThrownBy(() -> ExponentialBackoffManager.builder().max(ms(10)).build())
                .hasMessageContaining("max (PT0.01S) must not be smaller than initial (PT0.8S)");
        assertThatThrownBy(() -> ExponentialBackoffManager.builder().factor(0.5).build()).hasMessageContaining("factor");
        assertThatThrownBy(() -> ExponentialBackoffManager.builder().jitter(-1).build()).hasMessageContaining("jitter");
        assertThatThrownBy(() -> ExponentialBackoffManager.builder().resetAfter(null).build())
                .hasMessageContaining("resetAfter");
    }

    @Test
    void defaultsMatchClientGosReflector() {
        assertThat(ExponentialBackoffManager.withDefaults()).hasToString("ExponentialBackoffManager[initial=PT0.8S, "
                + "max=PT30S, factor=2.0, jitter=1.0, resetAfter=PT2M]");
    }
}
