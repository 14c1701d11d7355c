package dev.kubeclient.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.kubeclient.config.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** Every kubeconfig field, read from {@code all-fields.yaml} and turned into a {@link RestConfig}. */
class KubeConfigFieldsTest {

    @TempDir
    Path home;

    private Path file;
    private Path folder;
    private KubeConfig config;

    @BeforeEach
    void load() {
        file = fixture("all-fields.yaml");
        folder = file.getParent();
        config = Fixtures.loader(home).load(file);
    }

    @Test
    void modelListsContextsSortedAndTheCurrentContext() {
        assertThat(config.contextNames()).containsExactly("anonymous", "basic", "exec", "exec-on-path", "files",
                "inline", "oidc", "token", "token-file");
        assertThat(config.currentContextName()).contains("files");
        assertThat(config.files()).containsExactly(file);
        assertThat(config.clusters()).containsOnlyKeys("files", "inline", "insecure");
        assertThat(config.users()).containsOnlyKeys("cert-files", "cert-data", "token", "token-file", "basic", "exec",
                "exec-on-path", "oidc");
        assertThat(config.context("files")).get().extracting(KubeConfigContext::source).isEqualTo(file);
    }

    @Test
    void preferencesAndExtensionsAreKeptForTools() {
        assertThat(config.preferences().colors()).isTrue();
        assertThat(config.preferences().extensions()).containsEntry("example.com/prefs", Map.of("theme", "dark"));
        assertThat(config.extensions()).containsEntry("example.com/top", Map.of("owner", "fixtures"));
        assertThat(config.context("files").orElseThrow().extensions())
                .containsEntry("example.com/ctx", Map.of("note", "fixture"));
        assertThat(config.clusters().get("files").extensions()).containsEntry("example.com/other", "plain-value");
    }

    @Test
    void clusterFieldsAndRelativeCertificateAuthorityAreResolved() {
        RestConfig rest = config.restConfig();

        assertThat(rest.server()).isEqualTo(URI.create("https://files.example.com:6443"));
        assertThat(rest.caFile()).isEqualTo(folder.resolve("certs/ca.crt"));
        assertThat(rest.caData()).isNull();
        assertThat(rest.tlsServerName()).isEqualTo("api.internal.example.com");
        assertThat(rest.proxy()).isEqualTo(URI.create("socks5://proxy.example.com:1080"));
        assertThat(rest.disableCompression()).isTrue();
        assertThat(rest.insecureSkipTlsVerify()).isFalse();
    }

    @Test
    void clientCertificateFilesAndImpersonationComeFromTheUser() {
        RestConfig rest = config.restConfig("files");

        assertThat(rest.clientCertFile()).isEqualTo(folder.resolve("certs/client.crt"));
        assertThat(rest.clientKeyFile()).isEqualTo(folder.resolve("certs/client.key"));
        assertThat(rest.impersonation()).isEqualTo(new Impersonation("jane", "uid-1234",
                List.of("developers", "readers"), Map.of("scopes", List.of("view", "edit"), "reason", List.of("fixture"))));
        assertThat(rest.namespace()).isEqualTo("team-a");
        assertThat(rest.origin()).isEqualTo("kubeconfig " + file + ", context files");
    }

    @Test
    void base64DataFieldsAreDecodedToPem() throws Exception {
        RestConfig rest = config.restConfig("inline");

        assertThat(rest.server()).isEqualTo(URI.create("https://inline.example.com/prefix"));
        assertThat(rest.caData()).isEqualTo(Files.readAllBytes(folder.resolve("certs/ca.crt")));
        assertThat(rest.clientCertData()).isEqualTo(Files.readAllBytes(folder.resolve("certs/client.crt")));
        assertThat(new String(rest.clientKeyData(), StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(rest.caFile()).isNull();
    }

    @Test
    void aContextWithoutNamespaceUsesDefault() {
        assertThat(config.restConfig("inline").namespace()).isEqualTo("default");
        assertThat(config.restConfig("token").namespace()).isEqualTo("token-ns");
    }

    @Test
    void staticTokenIsPassedThrough() {
        RestConfig rest = config.restConfig("token");

        assertThat(rest.bearerToken()).isEqualTo("fixture-secret-token");
        assertThat(rest.bearerTokenFile()).isNull();
    }

    @Test
    void tokenFileIsNamedNotReadSoRotationIsPickedUp() {
        RestConfig rest = config.restConfig("token-file");

        assertThat(rest.bearerTokenFile()).isEqualTo(folder.resolve("certs/token"));
        assertThat(rest.bearerToken()).isNull();
    }

    @Test
    void basicAuthAndInsecureClusterArePassedThrough() {
        RestConfig rest = config.restConfig("basic");

        assertThat(rest.username()).isEqualTo("fixture-user");
        assertThat(rest.password()).isEqualTo("fixture-secret-password");
        assertThat(rest.insecureSkipTlsVerify()).isTrue();
    }

    @Test
    void execPluginHasEveryFieldAndTheClusterExtensionWhenItAsksForClusterInfo() {
        ExecConfig exec = config.restConfig("exec").exec();

        assertThat(exec.apiVersion()).isEqualTo("client.authentication.k8s.io/v1");
        assertThat(exec.command()).isEqualTo(folder.resolve("bin/credential-plugin").toString());
        assertThat(exec.args()).containsExactly("get-token", "--cluster=files");
        assertThat(exec.env()).containsExactlyInAnyOrderEntriesOf(
                Map.of("PLUGIN_SECRET", "fixture-secret-env-value", "PLUGIN_MODE", "fast"));
        assertThat(exec.installHint()).isEqualTo("install the fixture plugin");
        assertThat(exec.provideClusterInfo()).isTrue();
        assertThat(exec.interactiveMode()).isEqualTo(ExecConfig.InteractiveMode.NEVER);
        assertThat(exec.clusterExtension()).isEqualTo(Map.of("audience", "fixture-audience", "region", "eu-west-1"));
        assertThat(exec.timeout()).isEqualTo(ExecConfig.DEFAULT_TIMEOUT);
    }

    @Test
    void execCommandWithoutSeparatorIsLeftForPathLookupAndBetaDefaultsToIfAvailable() {
        ExecConfig exec = config.restConfig("exec-on-path").exec();

        assertThat(exec.command()).isEqualTo("kubectl-oidc_login");
        assertThat(exec.interactiveMode()).isEqualTo(ExecConfig.InteractiveMode.IF_AVAILABLE);
        assertThat(exec.provideClusterInfo()).isFalse();
        assertThat(exec.clusterExtension()).as("only sent when provideClusterInfo is set").isNull();
    }

    @Test
    void oidcAuthProviderIsPassedThroughForTheAuthLayer() {
        AuthProviderConfig provider = config.restConfig("oidc").authProvider();

        assertThat(provider.name()).isEqualTo("oidc");
        assertThat(provider.config()).containsEntry("client-id", "fixture-client")
                .containsEntry("idp-issuer-url", "https://issuer.example.com")
                .containsEntry("id-token", "fixture-secret-id-token");
    }

    @Test
    void aContextWithoutUserSendsNoCredentials() {
        RestConfig rest = config.restConfig("anonymous");

        assertThat(rest.bearerToken()).isNull();
        assertThat(rest.username()).isNull();
        assertThat(rest.exec()).isNull();
        assertThat(rest.clientCertData()).isNull();
        assertThat(rest.impersonation().isEnabled()).isFalse();
    }

    @Test
    void defaultsOfSettingsTheKubeconfigDoesNotHaveAreKept() {
        RestConfig rest = config.restConfig("token");

        assertThat(rest.qps()).isZero();
        assertThat(rest.maxRetries()).isEqualTo(RestConfig.DEFAULT_MAX_RETRIES);
        assertThat(rest.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void noSecretAppearsInToStringOfConfigsOrModel() {
        StringBuilder all = new StringBuilder();
        for (String context : config.contextNames()) {
            all.append(config.restConfig(context)).append('\n');
        }
        config.users().values().forEach(user -> all.append(user).append('\n'));
        all.append(config);
        String text = all.toString();

        assertThat(text).contains("fixture-user", "PLUGIN_SECRET", "<redacted>")
                .doesNotContain("fixture-secret", "second-password", "PRIVATE KEY", "BEGIN CERTIFICATE")
                .doesNotContain(config.users().get("cert-data").clientKeyData().substring(60, 100))
                .doesNotContain(config.users().get("cert-data").clientCertificateData().substring(60, 100));
    }
}
