package dev.kubeclient.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileClientCertificateSourceTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    private Path write(String name, String fixture, long mtimeSeconds) throws IOException {
        Path file = Files.write(dir.resolve(name), Fixtures.bytes(fixture));
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(mtimeSeconds)));
        return file;
    }

    @Test
    void rotatedFilesAreReadAfterTheCheckPeriodAndBumpTheGeneration() throws IOException {
        Path cert = write("tls.crt", "rsa-cert.pem", 1000);
        Path key = write("tls.key", "rsa-key-pkcs8.pem", 1000);
        FileClientCertificateSource source = new FileClientCertificateSource(cert, key, clock, Duration.ofSeconds(30));
        assertThat(source.current().leaf().getSubjectX500Principal().getName()).contains("rsa-user");
        long generation = source.generation();

        write("tls.crt", "ec-p256-cert.pem", 2000);
        write("tls.key", "ec-p256-key-sec1.pem", 2000);
        clock.advance(Duration.ofSeconds(29));
        assertThat(source.current().leaf().getSubjectX500Principal().getName()).contains("rsa-user");
        assertThat(source.generation()).isEqualTo(generation);

        clock.advance(Duration.ofSeconds(1));
        assertThat(source.current().leaf().getSubjectX500Principal().getName()).contains("ec-p256-user");
        assertThat(source.generation()).isEqualTo(generation + 1);

        clock.advance(Duration.ofMinutes(5));
        source.current();
        assertThat(source.generation()).isEqualTo(generation + 1);
    }

    @Test
    void aHalfDoneRotationKeepsTheOldCertificateUntilTheKeyArrives() throws IOException {
        Path cert = write("tls.crt", "rsa-cert.pem", 1000);
        Path key = write("tls.key", "rsa-key-pkcs8.pem", 1000);
        FileClientCertificateSource source = new FileClientCertificateSource(cert, key, clock, Duration.ofSeconds(30));
        source.current();
        write("tls.crt", "ec-p256-cert.pem", 2000);
        clock.advance(Duration.ofMinutes(1));
        assertThat(source.current().leaf().getSubjectX500Principal().getName()).contains("rsa-user");
        assertThat(source.generation()).isZero();
        write("tls.key", "ec-p256-key-pkcs8.pem", 2000);
        assertThat(source.current().leaf().getSubjectX500Principal().getName()).contains("ec-p256-user");
        assertThat(source.generation()).isEqualTo(1);
    }

    @Test
    void aMissingFileOnFirstLoadIsAnErrorNamingIt() throws IOException {
        Path cert = write("tls.crt", "rsa-cert.pem", 1000);
        Path key = dir.resolve("absent.key");
        FileClientCertificateSource source = new FileClientCertificateSource(cert, key, clock, Duration.ofSeconds(30));
        assertThatThrownBy(source::current).isInstanceOf(IOException.class)
                .hasMessageContaining(key.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aMismatchedKeyOnFirstLoadNamesBothFiles() throws IOException {
        Path cert = write("tls.crt", "rsa-cert.pem", 1000);
        Path key = write("tls.key", "other-rsa-key.pem", 1000);
        FileClientCertificateSource source = new FileClientCertificateSource(cert, key, clock, Duration.ofSeconds(30));
        assertThatThrownBy(source::current).isInstanceOf(CredentialException.class)
                .hasMessageContaining(cert.toString()).hasMessageContaining(key.toString())
                .hasMessageContaining("does not belong");
    }

    @Test
    void aFileOfTheWrongPemTypeIsNamed() throws IOException {
        Path cert = write("tls.crt", "rsa-key-pkcs8.pem", 1000);
        Path key = write("tls.key", "rsa-key-pkcs8.pem", 1000);
        FileClientCertificateSource source = new FileClientCertificateSource(cert, key, clock, Duration.ofSeconds(30));
        assertThatThrownBy(source::current).isInstanceOf(CredentialException.class)
                .hasMessageContaining(cert.toString()).hasMessageContaining("no CERTIFICATE");
    }
}
