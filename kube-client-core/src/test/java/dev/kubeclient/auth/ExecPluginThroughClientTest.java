package dev.kubeclient.auth;

import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.config.ExecConfig.InteractiveMode;
import dev.kubeclient.config.ExecPluginPolicy;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.observation.ExecPluginRun.Outcome;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.testing.FakeExecPlugin;
import dev.kubeclient.transport.KubeTransport;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exec plugins as a user of the REST client meets them: lazy, remembered failures, typed errors, the policy. The
 * plugins are the portable {@link FakeExecPlugin}, except where a test is about finding a script by name on the PATH.
 */
class ExecPluginThroughClientTest {

    static final String V1 = "client.authentication.k8s.io/v1";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void creatingAClientDoesNotRunThePlugin() throws Exception {
        Path count = dir.resolve("count");
        try (KubeRestClient client = client(config(execOf(FakeExecPlugin.in(dir).countingRunsIn(count)
                .printing(FakeExecPlugin.tokenCredential("tok")))))) {
            assertThat(count).doesNotExist();

            server.enqueue(new MockResponse.Builder().body("{}").build());
            client.get().absPath("/api").bytes();

            assertThat(runs(count)).isEqualTo(1);
            assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tok");
        }
    }

    @Test
    void aFailingPluginRunsOnceForARequestAndItsFailureIsRememberedForTenSeconds() throws IOException {
        Path count = dir.resolve("count");
        ExecConfig plugin = execOf(FakeExecPlugin.in(dir).countingRunsIn(count).writingToStderr("login expired\n")
                .exitingWith(3));
        try (KubeRestClient client = client(config(plugin))) {
            assertThatThrownBy(() -> client.get().absPath("/api").bytes())
                    .isExactlyInstanceOf(ExecPluginException.class)
                    .hasMessageContaining("exit code 3").hasMessageContaining("login expired")
                    .satisfies(e -> assertThat(((ExecPluginException) e).outcome()).isEqualTo(Outcome.FAILED));
            assertThat(runs(count)).isEqualTo(1);

            clock.advance(ExecCredentialProvider.FAILURE_MEMORY.minusSeconds(1));
            assertThatThrownBy(() -> client.get().absPath("/api").bytes())
                    .isInstanceOf(ExecPluginException.class).hasMessageContaining("remembered until");
            assertThat(runs(count)).isEqualTo(1);

            clock.advance(Duration.ofSeconds(2));
            assertThatThrownBy(() -> client.get().absPath("/api").bytes()).isInstanceOf(ExecPluginException.class);
            assertThat(runs(count)).isEqualTo(2);
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aMissingPluginReachesTheCallerWithItsInstallHint() {
        ExecConfig exec = new ExecConfig(V1, "kube-login-that-is-not-installed", List.of(), Map.of(),
                "Install it: https://example.com/kube-login", false, null, InteractiveMode.NEVER, null);
        try (KubeRestClient client = client(config(exec))) {
            assertThatThrownBy(() -> client.get().absPath("/api").bytes())
                    .isExactlyInstanceOf(ExecPluginException.class)
                    .hasMessageContaining("'kube-login-that-is-not-installed' was not found on the PATH")
                    .hasMessageEndingWith("Install it: https://example.com/kube-login")
                    .satisfies(e -> {
                        ExecPluginException p = (ExecPluginException) e;
                        assertThat(p.outcome()).isEqualTo(Outcome.NOT_STARTED);
                        assertThat(p.installHint()).isEqualTo("Install it: https://example.com/kube-login");
                        assertThat(p.command()).isEqualTo("kube-login-that-is-not-installed");
                    });
        }
    }

    @Test
    void denyAllForbidsEveryPluginWithoutRunningIt() {
        Path count = dir.resolve("count");
        ExecConfig plugin = execOf(FakeExecPlugin.in(dir).countingRunsIn(count)
                .printing(FakeExecPlugin.tokenCredential("tok")));
        RestConfig config = config(plugin).toBuilder().execPluginPolicy(ExecPluginPolicy.DENY_ALL).build();
        try (KubeRestClient client = client(config)) {
            assertThatThrownBy(() -> client.get().absPath("/api").bytes())
                    .isInstanceOf(ExecPluginDeniedException.class)
                    .hasMessageContaining("exec plugin '" + plugin.command() + "'")
                    .hasMessageContaining("not allowed by the exec plugin policy DenyAll")
                    .satisfies(e -> assertThat(((ExecPluginDeniedException) e).policy())
                            .isEqualTo(ExecPluginPolicy.DENY_ALL));
        }
        assertThat(count).doesNotExist();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the plugin is a POSIX shell script found by its name on the PATH")
    void anAllowlistedNameAllowsThePluginFoundOnThePath() throws IOException {
        Path count = dir.resolve("count");
        Path plugin = tokenPlugin(count);
        RestConfig config = config(exec("plugin")).toBuilder()
                .execPluginPolicy(ExecPluginPolicy.allowlist("other-plugin", "plugin")).build();
        try (KubeRestClient client = client(config, Map.of("PATH", dir + ":" + ExecCredentialProviderTest.path()))) {
            server.enqueue(new MockResponse.Builder().body("{}").build());
            client.get().absPath("/api").bytes();
        }
        assertThat(runs(count)).isEqualTo(1);
        assertThat(plugin).exists();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the plugin is a POSIX shell script found by its name on the PATH")
    void anAllowlistedNameDoesNotAllowAFileOfThatNameElsewhere() throws IOException {
        Path count = dir.resolve("count");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path plugin = tokenPlugin(count);
        Path impostor = Files.copy(plugin, elsewhere.resolve("plugin"));
        RestConfig config = config(exec(impostor.toString())).toBuilder()
                .execPluginPolicy(ExecPluginPolicy.allowlist("plugin")).build();
        try (KubeRestClient client = client(config, Map.of("PATH", dir.toString()))) {
            assertThatThrownBy(() -> client.get().absPath("/api").bytes())
                    .isInstanceOf(ExecPluginDeniedException.class)
                    .hasMessageContaining("Allowlist[plugin]");
        }
        assertThat(count).doesNotExist();
    }

    @Test
    void anAllowlistedAbsolutePathAllowsExactlyThatFile() throws IOException {
        Path count = dir.resolve("count");
        ExecConfig plugin = execOf(FakeExecPlugin.in(dir).countingRunsIn(count)
                .printing(FakeExecPlugin.tokenCredential("tok")));
        RestConfig config = config(plugin).toBuilder()
                .execPluginPolicy(ExecPluginPolicy.allowlist(plugin.command())).build();
        try (KubeRestClient client = client(config)) {
            server.enqueue(new MockResponse.Builder().body("{}").build());
            client.get().absPath("/api").bytes();
        }
        assertThat(runs(count)).isEqualTo(1);
    }

    // --- helpers

    private KubeRestClient client(RestConfig config) {
        return client(config, Map.of("PATH", ExecCredentialProviderTest.path()));
    }

    private KubeRestClient client(RestConfig config, Map<String, String> env) {
        KubeTransport transport = KubeTransport.builder(config).authEnvironment(AuthEnvironment.system()
                .withClock(clock).withEnvironment(env).withConsoleAvailable(false)).build();
        return KubeRestClient.builder(config).transport(transport).build();
    }

    private RestConfig config(ExecConfig exec) {
        return RestConfig.builder().server(server.url("/").toString()).qps(-1).exec(exec).build();
    }

    private static ExecConfig exec(String command) {
        return new ExecConfig(V1, command, List.of(), Map.of(), null, false, null, InteractiveMode.NEVER, null);
    }

    private static ExecConfig execOf(FakeExecPlugin plugin) {
        List<String> line = plugin.commandLine();
        return new ExecConfig(V1, line.get(0), line.subList(1, line.size()), Map.of(), null, false, null,
                InteractiveMode.NEVER, null);
    }

    private Path tokenPlugin(Path count) {
        return script("echo run >> '" + count + "'\n"
                + "printf '{\"apiVersion\":\"" + V1 + "\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"tok\"}}'\n");
    }

    private Path script(String body) {
        try {
            Path script = dir.resolve("plugin");
            Files.writeString(script, "#!/bin/sh\n" + body);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long runs(Path count) throws IOException {
        return Files.exists(count) ? Files.readAllLines(count).size() : 0;
    }
}
