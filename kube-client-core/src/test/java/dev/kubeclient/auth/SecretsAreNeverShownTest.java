package dev.kubeclient.auth;

import dev.kubeclient.config.AuthProviderConfig;
import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.config.ExecConfig.InteractiveMode;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.FakeExecPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Distinctive secrets go in through every door; none may come out in a message, a cause's message or a toString. */
class SecretsAreNeverShownTest {

    static final String TOKEN = "SECRET-TOKEN-q8w7e6";
    static final String PASSWORD = "SECRET-PASSWORD-z1x2c3";
    static final String ENV_VALUE = "SECRET-ENV-v5b6n7";
    static final String EXEC_OUTPUT = "SECRET-STDOUT-m9k8j7";
    static final String ARG = "SECRET-ARG-h4g3f2";
    static final String REFRESH = "SECRET-REFRESH-r1t2y3";
    static final String CLIENT_SECRET = "SECRET-CLIENT-u4i5o6";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final List<String> shown = new ArrayList<>();

    private AuthEnvironment env() {
        return AuthEnvironment.system().withClock(clock).withConsoleAvailable(false)
                .withEnvironment(Map.of("PATH", ExecCredentialProviderTest.path(), "CLOUD_KEY", ENV_VALUE));
    }

    private void record(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            shown.add(String.valueOf(e.getMessage()));
            shown.add(e.toString());
        }
    }

    private ExecConfig exec(FakeExecPlugin plugin) {
        ExecConfig fake = plugin.toExecConfig();
        List<String> args = new ArrayList<>(fake.args());
        args.add("--ignored=" + ARG);
        return new ExecConfig(null, fake.command(), args, Map.of("PLUGIN_KEY", ENV_VALUE), null, true,
                null, InteractiveMode.NEVER, null);
    }

    @Test
    void noSecretAppearsInAnyExceptionMessageOrToString() throws Exception {
        byte[] keyPem = Fixtures.bytes("rsa-key-pkcs1.pem");
        String keyBody = new String(keyPem, StandardCharsets.US_ASCII).lines().skip(2).findFirst().orElseThrow();

        RestConfig base = RestConfig.builder().server("https://k8s.example").origin("kubeconfig /x/config").build();

        // Values holding secrets.
        Authentication basic = Authentication.forConfig(base.toBuilder().username("admin").password(PASSWORD).build(), env());
        shown.add(basic.toString());
        Authentication token = Authentication.forConfig(base.toBuilder().bearerToken(TOKEN).build(), env());
        shown.add(token.toString());
        shown.add(token.tokenSource().orElseThrow().toString());
        Authentication cert = Authentication.forConfig(base.toBuilder().clientCertData(Fixtures.bytes("rsa-cert.pem"))
                .clientKeyData(keyPem).build(), env());
        shown.add(cert.toString());
        shown.add(cert.clientCertificates().orElseThrow().toString());
        shown.add(cert.clientCertificates().get().current().toString());
        shown.add(env().toString());

        // Exec plugins failing in every way, each with secrets in its args, env and stdout.
        String goodJson = "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"" + TOKEN + "\"}}";
        List<FakeExecPlugin> badPlugins = List.of(
                FakeExecPlugin.in(dir).printing(EXEC_OUTPUT + "\n").writingToStderr(ENV_VALUE.length() + "\n").exitingWith(1),
                FakeExecPlugin.in(dir).printing("not json " + EXEC_OUTPUT + "\n"),
                FakeExecPlugin.in(dir).printing("{\"apiVersion\":\"" + EXEC_OUTPUT + "\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"" + TOKEN + "\"}}"),
                FakeExecPlugin.in(dir).printing("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"" + EXEC_OUTPUT + "\"}"),
                FakeExecPlugin.in(dir).printing(FakeExecPlugin.tokenCredential(TOKEN, "2000-01-01T00:00:00Z")),
                FakeExecPlugin.in(dir).printing(FakeExecPlugin.tokenCredential(TOKEN, EXEC_OUTPUT)));
        for (FakeExecPlugin plugin : badPlugins) {
            ExecCredentialProvider p = new ExecCredentialProvider(exec(plugin), base, env());
            Throwable failure = catchThrowable(p::token);
            assertThat(failure).as(plugin.commandLine().toString()).isInstanceOf(ExecPluginException.class);
            record(failure);
            shown.add(p.toString());
        }
        ExecCredentialProvider good = new ExecCredentialProvider(
                exec(FakeExecPlugin.in(dir).printing(FakeExecPlugin.tokenCredential(TOKEN))), base, env());
        assertThat(good.token()).isEqualTo(TOKEN);
        shown.add(good.toString());

        // Bad PEM holding real key bytes.
        String broken = "-----BEGIN RSA PRIVATE KEY-----\n" + keyBody + "\n-----END RSA PRIVATE KEY-----\n";
        record(catchThrowable(() -> Pem.privateKey(broken.getBytes(StandardCharsets.US_ASCII), "k")));
        record(catchThrowable(() -> Pem.clientCertificate(Fixtures.bytes("rsa-cert.pem"), "c",
                Fixtures.bytes("other-rsa-key.pem"), "k")));

        // OIDC with secrets and an IdP that cannot be reached.
        AuthProviderConfig oidc = new AuthProviderConfig("oidc", Map.of("refresh-token", REFRESH,
                "client-secret", CLIENT_SECRET, "client-id", "kube", "idp-issuer-url", "http://127.0.0.1:9",
                "id-token", "a." + Base64.getUrlEncoder().encodeToString("{\"exp\":1}".getBytes()) + "." + TOKEN));
        OidcTokenSource source = new OidcTokenSource(oidc, "user 'x'", clock);
        shown.add(source.toString());
        record(catchThrowable(source::token));

        assertThat(shown).isNotEmpty().allSatisfy(text -> assertThat(text)
                .doesNotContain(TOKEN).doesNotContain(PASSWORD).doesNotContain(ENV_VALUE).doesNotContain(EXEC_OUTPUT)
                .doesNotContain(ARG).doesNotContain(REFRESH).doesNotContain(CLIENT_SECRET).doesNotContain(keyBody));
    }
}
