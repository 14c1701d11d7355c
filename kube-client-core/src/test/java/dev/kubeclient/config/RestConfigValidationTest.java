package dev.kubeclient.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every rule {@link RestConfig.Builder#build()} checks, each with the exact message a user sees: it names the field,
 * the value and where the configuration came from.
 */
class RestConfigValidationTest {

    private static final byte[] PEM = "-----BEGIN CERTIFICATE-----\n".getBytes();
    private static final String ORIGIN = " (kubeconfig /k/config, context dev)";

    private static RestConfig.Builder valid() {
        return RestConfig.builder().server("https://k8s.example:6443").origin("kubeconfig /k/config, context dev");
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                rule("a missing server", b -> b.server((String) null),
                        "RestConfig.server is required"),
                rule("a server without a scheme", b -> b.server("k8s.example:6443"),
                        "RestConfig.server must be an absolute http(s) URL with a host, got 'k8s.example:6443'"),
                rule("a server of another scheme", b -> b.server("ftp://k8s.example"),
                        "RestConfig.server must be an absolute http(s) URL with a host, got 'ftp://k8s.example'"),
                rule("a server without a host", b -> b.server("https:///api"),
                        "RestConfig.server must be an absolute http(s) URL with a host, got 'https:///api'"),
                rule("a NaN qps", b -> b.qps(Float.NaN),
                        "RestConfig.qps must be a finite number, got NaN"),
                rule("an infinite qps", b -> b.qps(Float.POSITIVE_INFINITY),
                        "RestConfig.qps must be a finite number, got Infinity"),
                rule("a negative burst", b -> b.burst(-1),
                        "RestConfig.burst must be >= 0, got -1"),
                rule("negative retries", b -> b.maxRetries(-1),
                        "RestConfig.maxRetries must be >= 0, got -1"),
                rule("a negative timeout", b -> b.timeout(Duration.ofSeconds(-1)),
                        "RestConfig.timeout must be zero or positive, got PT-1S"),
                rule("a null timeout", b -> b.timeout(null),
                        "RestConfig.timeout must be zero or positive, got null"),
                rule("a negative connect timeout", b -> b.connectTimeout(Duration.ofMillis(-5)),
                        "RestConfig.connectTimeout must be zero or positive, got PT-0.005S"),
                rule("a trace level below 0", b -> b.traceLevel(-1),
                        "RestConfig.traceLevel must be 0..10, got -1"),
                rule("a trace level above 10", b -> b.traceLevel(11),
                        "RestConfig.traceLevel must be 0..10, got 11"),
                rule("CA data and a CA file", b -> b.caData(PEM).caFile(Path.of("ca.crt")),
                        "RestConfig: set caData or caFile, not both"),
                rule("certificate data and a certificate file", b -> b.clientCertData(PEM).clientCertFile(Path.of("c.crt"))
                                .clientKeyData(PEM),
                        "RestConfig: set clientCertData or clientCertFile, not both"),
                rule("key data and a key file", b -> b.clientCertData(PEM).clientKeyData(PEM).clientKeyFile(Path.of("c.key")),
                        "RestConfig: set clientKeyData or clientKeyFile, not both"),
                rule("a certificate without its key", b -> b.clientCertFile(Path.of("c.crt")),
                        "RestConfig: a client certificate needs its key and a key needs its certificate; only the "
                                + "certificate is set"),
                rule("a key without its certificate", b -> b.clientKeyData(PEM),
                        "RestConfig: a client certificate needs its key and a key needs its certificate; only the "
                                + "key is set"),
                rule("basic auth and a token", b -> b.username("admin").password("pw").bearerToken("t"),
                        "RestConfig: username/password or a bearer token may be set, but not both"),
                rule("a username and a token file", b -> b.username("admin").bearerTokenFile(Path.of("token")),
                        "RestConfig: username/password or a bearer token may be set, but not both"),
                rule("insecure TLS and a CA", b -> b.insecureSkipTlsVerify(true).caData(PEM),
                        "RestConfig: insecureSkipTlsVerify and a CA cannot both be set; the CA would be ignored"));
    }

    private static Arguments rule(String what, UnaryOperator<RestConfig.Builder> change, String message) {
        return Arguments.of(what, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void eachInvalidSettingIsRejectedWithAMessageNamingItAndTheOrigin(String what,
            UnaryOperator<RestConfig.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message + ORIGIN);
    }

    @Test
    void withoutAnOriginTheMessageEndsAtTheProblem() {
        assertThatThrownBy(() -> RestConfig.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RestConfig.server is required");
    }

    @Test
    void theBoundaryValuesAreAccepted() {
        RestConfig config = valid().qps(-1).burst(0).maxRetries(0).timeout(Duration.ZERO)
                .connectTimeout(Duration.ZERO).traceLevel(10).server("http://127.0.0.1:8080").build();
        assertThat(config.traceLevel()).isEqualTo(10);
        assertThat(valid().traceLevel(0).build().traceLevel()).isZero();
    }

    @Test
    void aPositiveQpsWithoutBurstGetsTheDefaultBurst() {
        assertThat(valid().qps(20).burst(0).build().burst()).isEqualTo(RestConfig.DEFAULT_BURST);
        assertThat(valid().qps(-1).burst(0).build().burst()).isZero();
    }

    @Test
    void aBlankNamespaceBecomesTheDefaultNamespace() {
        assertThat(valid().namespace("  ").build().namespace()).isEqualTo(RestConfig.DEFAULT_NAMESPACE);
        assertThat(valid().namespace(null).build().namespace()).isEqualTo(RestConfig.DEFAULT_NAMESPACE);
        assertThat(valid().namespace("team-a").build().namespace()).isEqualTo("team-a");
    }

    @Test
    void aCertificateWithItsKeyAndInsecureTlsWithoutACaAreAccepted() {
        assertThat(valid().clientCertData(PEM).clientKeyFile(Path.of("c.key")).build().clientKeyFile())
                .isEqualTo(Path.of("c.key"));
        assertThat(valid().insecureSkipTlsVerify(true).build().insecureSkipTlsVerify()).isTrue();
    }
}
