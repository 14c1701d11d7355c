package dev.kubeclient.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileTokenSourceTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void readsTheTokenWithoutSurroundingWhitespace() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "  abc.def \n");
        assertThat(new FileTokenSource(file, clock, Duration.ofMinutes(1)).token()).isEqualTo("abc.def");
    }

    @Test
    void readsARotatedFileOnlyOnceThePeriodHasPassed() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "first");
        FileTokenSource source = new FileTokenSource(file, clock, Duration.ofMinutes(1));
        assertThat(source.token()).isEqualTo("first");
        Files.writeString(file, "second");
        clock.advance(Duration.ofSeconds(59));
        assertThat(source.token()).isEqualTo("first");
        clock.advance(Duration.ofSeconds(1));
        assertThat(source.token()).isEqualTo("second");
    }

    @Test
    void invalidatingTheCurrentTokenRereadsTheFileOnTheNextCall() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "first");
        FileTokenSource source = new FileTokenSource(file, clock, Duration.ofMinutes(1));
        assertThat(source.token()).isEqualTo("first");
        Files.writeString(file, "second");
        assertThat(source.invalidate("first")).isTrue();
        assertThat(source.token()).isEqualTo("second");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path file = dir.resolve("absent");
        assertThatThrownBy(() -> new FileTokenSource(file, clock, Duration.ofMinutes(1)).token())
                .isInstanceOf(IOException.class).hasMessageContaining(file.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void anEmptyFileIsAnErrorNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "\n");
        assertThatThrownBy(() -> new FileTokenSource(file, clock, Duration.ofMinutes(1)).token())
                .isInstanceOf(IOException.class).hasMessageContaining(file.toString()).hasMessageContaining("empty");
    }

    @Test
    void keepsTheLastTokenWhenTheFileDisappearsDuringRotation() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "first");
        FileTokenSource source = new FileTokenSource(file, clock, Duration.ofMinutes(1));
        assertThat(source.token()).isEqualTo("first");
        Files.delete(file);
        clock.advance(Duration.ofMinutes(2));
        assertThat(source.token()).isEqualTo("first");
        Files.writeString(file, "second");
        assertThat(source.token()).isEqualTo("second");
    }

    @Test
    void aFailedFirstReadIsNotRememberedSoTheNextCallReadsAgainAtOnce() throws IOException {
        Path file = dir.resolve("token");
        FileTokenSource source = new FileTokenSource(file, clock, Duration.ofMinutes(1));
        assertThatThrownBy(source::token).isInstanceOf(IOException.class).hasMessageContaining("does not exist");

        Files.writeString(file, "late");

        // No time has passed: the failure was not cached for a refresh period.
        assertThat(source.token()).isEqualTo("late");
    }

    @Test
    void aGoodReadAfterAFailedRereadIsKeptForAWholePeriodAgain() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "first");
        FileTokenSource source = new FileTokenSource(file, clock, Duration.ofMinutes(1));
        source.token();
        Files.delete(file);
        clock.advance(Duration.ofMinutes(2));
        assertThat(source.token()).isEqualTo("first");
        Files.writeString(file, "second");
        assertThat(source.token()).isEqualTo("second");

        Files.writeString(file, "third");
        clock.advance(Duration.ofSeconds(59));
        assertThat(source.token()).isEqualTo("second");
        clock.advance(Duration.ofSeconds(1));
        assertThat(source.token()).isEqualTo("third");
    }

    @Test
    void toStringNamesTheFileButNotTheToken() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "tok-file-secret-42");
        FileTokenSource source = new FileTokenSource(file, clock, Duration.ofMinutes(1));
        source.token();
        assertThat(source.toString()).contains(file.toString()).doesNotContain("tok-file-secret-42");
    }
}
