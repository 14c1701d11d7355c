package dev.kubeclient.auth;

import dev.kubeclient.config.AuthProviderConfig;
import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.config.ExecConfig.InteractiveMode;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.FakeExecPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticationTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    private RestConfig.Builder config() {
        return RestConfig.builder().server("https://k8s.example:6443").origin("kubeconfig /x/config, context dev");
    }

    private Authentication auth(RestConfig config) {
        return Authentication.forConfig(config, AuthEnvironment.system().withClock(clock)
                .withEnvironment(Map.of("PATH", ExecCredentialProviderTest.path())).withConsoleAvailable(false));
    }

    private ExecConfig plugin(String token) {
        return FakeExecPlugin.in(dir).printing(FakeExecPlugin.tokenCredential(token)).toExecConfig();
    }

    @Test
    void aConfigWithoutCredentialsIsAnonymous() {
        Authentication auth = auth(config().build());
        assertThat(auth.tokenSource()).isEmpty();
        assertThat(auth.clientCertificates()).isEmpty();
        assertThat(auth.basicAuthorization()).isEmpty();
        assertThat(auth).hasToString("Authentication[anonymous]");
    }

    @Test
    void aStaticTokenIsServedAsIs() throws IOException {
        Authentication auth = auth(config().bearerToken("abc").build());
        assertThat(auth.tokenSource().orElseThrow().token()).isEqualTo("abc");
        assertThat(auth.tokenSource().orElseThrow().invalidate("abc")).isFalse();
    }

    @Test
    void aTokenFileWinsOverAStaticToken() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "from-file");
        Authentication auth = auth(config().bearerToken("static").bearerTokenFile(file).build());
        assertThat(auth.tokenSource().orElseThrow().token()).isEqualTo("from-file");
    }

    @Test
    void aStaticTokenWinsOverAnAuthProviderAndAnExecPlugin() throws IOException {
        Authentication auth = auth(config().bearerToken("static")
                .authProvider(new AuthProviderConfig("gcp", Map.of())).exec(plugin("from-exec")).build());
        assertThat(auth.tokenSource().orElseThrow().token()).isEqualTo("static");
        assertThat(auth.clientCertificates()).isEmpty();
    }

    @Test
    void anExecPluginSuppliesTokenAndCertificateSource() throws IOException {
        Authentication auth = auth(config().exec(plugin("from-exec")).build());
        assertThat(auth.tokenSource().orElseThrow().token()).isEqualTo("from-exec");
        assertThat(auth.clientCertificates()).get().isSameAs(auth.tokenSource().get());
        assertThat(auth.clientCertificates().get().current()).isNull();
    }

    @Test
    void anExecPluginIsNotRunWhenTheConfigHasAClientCertificate() throws IOException {
        Authentication auth = auth(config().exec(plugin("from-exec"))
                .clientCertData(Fixtures.bytes("rsa-cert.pem")).clientKeyData(Fixtures.bytes("rsa-key-pkcs1.pem")).build());
        assertThat(auth.tokenSource()).isEmpty();
        assertThat(auth.clientCertificates().orElseThrow()).isInstanceOf(FixedClientCertificateSource.class);
    }

    @Test
    void basicAuthBecomesAnAuthorizationHeaderValue() {
        Authentication auth = auth(config().username("admin").password("pä:ss").build());
        String expected = "Basic " + Base64.getEncoder().encodeToString("admin:pä:ss".getBytes(StandardCharsets.UTF_8));
        assertThat(auth.basicAuthorization()).contains(expected);
        assertThat(BasicAuth.authorization("u", null)).isEqualTo("Basic " + Base64.getEncoder().encodeToString("u:".getBytes()));
    }

    @Test
    void aPasswordWithoutUsernameIsRejected() {
        assertThatThrownBy(() -> auth(config().password("x").build()))
                .isInstanceOf(CredentialException.class).hasMessageContaining("without a username")
                .hasMessageContaining("/x/config");
    }

    @Test
    void clientCertificateDataIsParsedAndCheckedUpFront() throws IOException {
        Authentication auth = auth(config().clientCertData(Fixtures.bytes("rsa-chain.pem"))
                .clientKeyData(Fixtures.bytes("rsa-key-pkcs1.pem")).build());
        assertThat(auth.clientCertificates().orElseThrow().current().chain()).hasSize(2);
    }

    @Test
    void badClientKeyDataNamesTheFieldAndTheKubeconfig() {
        assertThatThrownBy(() -> auth(config().clientCertData(Fixtures.bytes("rsa-cert.pem"))
                .clientKeyData(Fixtures.bytes("other-rsa-key.pem")).build()))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("client key data of kubeconfig /x/config, context dev")
                .hasMessageContaining("does not belong");
    }

    @Test
    void clientCertificateFilesAreReadUpFront() throws IOException {
        Path cert = Files.write(dir.resolve("c.pem"), Fixtures.bytes("ec-p384-cert.pem"));
        Path key = Files.write(dir.resolve("k.pem"), Fixtures.bytes("ec-p384-key-sec1.pem"));
        Authentication auth = auth(config().clientCertFile(cert).clientKeyFile(key).build());
        assertThat(auth.clientCertificates().orElseThrow()).isInstanceOf(FileClientCertificateSource.class);
        assertThat(auth.clientCertificates().get().current().privateKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void aMissingClientCertificateFileIsNamed() {
        Path cert = dir.resolve("missing.pem");
        Path key = dir.resolve("missing-key.pem");
        assertThatThrownBy(() -> auth(config().clientCertFile(cert).clientKeyFile(key).build()))
                .isInstanceOf(CredentialException.class).hasMessageContaining(cert.toString())
                .hasMessageContaining("/x/config");
    }

    @Test
    void aCertificateFileWithKeyDataIsAccepted() throws IOException {
        Path cert = Files.write(dir.resolve("c.pem"), Fixtures.bytes("rsa-cert.pem"));
        Authentication auth = auth(config().clientCertFile(cert).clientKeyData(Fixtures.bytes("rsa-key-pkcs8.pem")).build());
        assertThat(auth.clientCertificates().orElseThrow().current()).isNotNull();
    }

    @Test
    void theRemovedGcpProviderPointsToItsExecPlugin() {
        assertThatThrownBy(() -> auth(config().authProvider(new AuthProviderConfig("gcp", Map.of())).build()))
                .isInstanceOf(CredentialException.class).hasMessageContaining("gke-gcloud-auth-plugin")
                .hasMessageContaining("removed").hasMessageContaining("/x/config");
    }

    @Test
    void theRemovedAzureProviderPointsToKubelogin() {
        assertThatThrownBy(() -> auth(config().authProvider(new AuthProviderConfig("azure", Map.of())).build()))
                .isInstanceOf(CredentialException.class).hasMessageContaining("kubelogin").hasMessageContaining("removed");
    }

    @Test
    void anUnknownProviderIsNamed() {
        assertThatThrownBy(() -> auth(config().authProvider(new AuthProviderConfig("keystone", Map.of())).build()))
                .isInstanceOf(CredentialException.class).hasMessageContaining("'keystone'").hasMessageContaining("only 'oidc'");
    }

    @Test
    void toStringSummarisesWithoutSecrets() throws IOException {
        Authentication auth = auth(config().username("admin").password("pw-secret-77").build());
        assertThat(auth.toString()).contains("basic=admin").doesNotContain("pw-secret-77");
        Authentication exec = auth(config().exec(plugin("x")).build());
        assertThat(exec.toString()).contains("exec=");
    }
}
