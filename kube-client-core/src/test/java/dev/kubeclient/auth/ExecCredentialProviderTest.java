package dev.kubeclient.auth;

import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.config.ExecConfig.InteractiveMode;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.observation.ExecPluginRun;
import dev.kubeclient.observation.ExecPluginRun.Outcome;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.testing.FakeExecPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The exec plugin runner against real child processes. Most fake plugins are the portable
 * {@link FakeExecPlugin} (a Java program started with this JVM's launcher), so these tests run on Windows too; the
 * few about shell behaviour (a process tree to kill, a PATH lookup of a script, what a shell sees in its
 * environment) are bash scripts and do not run on Windows.
 */
class ExecCredentialProviderTest {

    static final String V1 = "client.authentication.k8s.io/v1";
    static final String V1BETA1 = "client.authentication.k8s.io/v1beta1";
    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    static final String SECRET = "s3cr3t-exec-token-7f9a";
    static final String SHELL = "the plugin is a bash script made executable with POSIX permissions: the test is about "
            + "shell behaviour";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(START);
    final List<ExecPluginRun> runs = new CopyOnWriteArrayList<>();
    final KubeClientListener recorder = new KubeClientListener() {
        @Override
        public void execPluginRan(ExecPluginRun run) {
            runs.add(run);
        }
    };
    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void noReaderThreadOutlivesARun() {
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("kube-client-exec-")));
    }

    @Test
    void returnsTheTokenAV1PluginPrints() throws IOException {
        ExecCredentialProvider p = provider(plugin(credential(V1, "tok-1", null)));
        assertThat(p.token()).isEqualTo("tok-1");
        assertThat(p.current()).isNull();
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(r.exitCode()).isZero();
            assertThat(r.command()).contains("java");
        });
    }

    @Test
    void speaksV1beta1WhenAskedTo() throws IOException {
        ExecCredentialProvider p = provider(plugin(credential(V1BETA1, "tok-beta", null), V1BETA1));
        assertThat(p.token()).isEqualTo("tok-beta");
    }

    @Test
    void cachesACredentialUntilThirtySecondsBeforeItExpires() throws IOException {
        Path count = dir.resolve("count");
        ExecCredentialProvider p = provider(countingPlugin(count, "2030-01-01T01:00:00Z"));
        assertThat(p.token()).isEqualTo("tok-1");
        clock.set(Instant.parse("2030-01-01T00:59:29Z"));
        assertThat(p.token()).isEqualTo("tok-1");
        assertThat(lines(count)).isEqualTo(1);
        clock.set(Instant.parse("2030-01-01T00:59:31Z"));
        assertThat(p.token()).isEqualTo("tok-2");
        assertThat(lines(count)).isEqualTo(2);
    }

    @Test
    void refreshesAShortLivedCredentialWhenAFifthOfItsLifetimeIsLeft() throws IOException {
        Path count = dir.resolve("count");
        ExecCredentialProvider p = provider(countingPlugin(count, "2030-01-01T00:01:00Z"));
        assertThat(p.token()).isEqualTo("tok-1");
        clock.set(Instant.parse("2030-01-01T00:00:47Z"));
        assertThat(p.token()).isEqualTo("tok-1");
        clock.set(Instant.parse("2030-01-01T00:00:49Z"));
        assertThat(p.token()).isEqualTo("tok-2");
    }

    @Test
    void aCredentialWithoutExpiryIsKeptUntilTheServerRejectsIt() throws IOException {
        Path count = dir.resolve("count");
        ExecCredentialProvider p = provider(countingPlugin(count, null));
        assertThat(p.token()).isEqualTo("tok-1");
        clock.advance(Duration.ofDays(365));
        assertThat(p.token()).isEqualTo("tok-1");
        assertThat(p.invalidate("some-older-token")).isTrue();
        assertThat(p.token()).isEqualTo("tok-1");
        assertThat(p.invalidate("tok-1")).isTrue();
        assertThat(p.token()).isEqualTo("tok-2");
        assertThat(p.token()).isEqualTo("tok-2");
        assertThat(lines(count)).isEqualTo(2);
        assertThat(p.runs()).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentCallersShareOneRun() throws Exception {
        Path count = dir.resolve("count");
        ExecCredentialProvider p = provider(execOf(FakeExecPlugin.in(dir).countingRunsIn(count)
                .delayedBy(Duration.ofMillis(500)).printing(FakeExecPlugin.tokenCredential("shared")), V1));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return p.token();
                }));
            }
            go.countDown();
            for (Future<String> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("shared");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(lines(count)).isEqualTo(1);
        assertThat(runs).hasSize(1);
    }

    @Test
    void concurrentCallersAllGetTheFailureOfTheOneRun() throws Exception {
        Path count = dir.resolve("count");
        ExecCredentialProvider p = provider(execOf(FakeExecPlugin.in(dir).countingRunsIn(count)
                .delayedBy(Duration.ofMillis(500)).writingToStderr("no credentials today\n").exitingWith(4), V1));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Throwable>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        p.token();
                        return null;
                    } catch (ExecPluginException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            for (Future<Throwable> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecPluginException.class)
                        .hasMessageContaining("exit code 4").hasMessageContaining("no credentials today");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(lines(count)).isEqualTo(1);
    }

    @Test
    void aMissingCommandFailsWithItsInstallHint() {
        ExecConfig exec = new ExecConfig(V1, "no-such-kube-plugin", List.of(), Map.of(),
                "Install it with: brew install no-such-kube-plugin", false, null, InteractiveMode.NEVER, null);
        ExecCredentialProvider p = provider(exec);
        assertThatThrownBy(p::token).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("no-such-kube-plugin").hasMessageContaining("not found on the PATH")
                .hasMessageContaining("brew install no-such-kube-plugin")
                .satisfies(e -> assertThat(((ExecPluginException) e).outcome()).isEqualTo(Outcome.NOT_STARTED));
        assertThat(runs).singleElement().extracting(ExecPluginRun::outcome).isEqualTo(Outcome.NOT_STARTED);
    }

    @Test
    void aMissingPathToACommandFailsToStart() {
        ExecCredentialProvider p = provider(exec(dir.resolve("absent.sh"), V1));
        assertThatThrownBy(p::token).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("absent.sh").hasMessageContaining("could not be started");
    }

    @Test
    void aFailingPluginReportsItsExitCodeAndStderrButNotItsStdout() {
        ExecConfig exec = execOf(FakeExecPlugin.in(dir).printing(SECRET + "\n")
                .writingToStderr("error: token expired, run login\n").exitingWith(3), V1);
        ExecCredentialProvider p = provider(exec);
        assertThatThrownBy(p::token).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining(exec.command()).hasMessageContaining("exit code 3")
                .hasMessageContaining("error: token expired, run login")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.exitCode()).isEqualTo(3);
        });
    }

    @Test
    void longStderrIsTruncatedInTheMessage() {
        StringBuilder noise = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            noise.append("line ").append(i).append(" of noise\n");
        }
        ExecCredentialProvider p = provider(execOf(FakeExecPlugin.in(dir).writingToStderr(noise.toString())
                .exitingWith(1), V1));
        assertThatThrownBy(p::token).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("more characters")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1500));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = SHELL)
    void aHangingPluginIsKilledAfterItsTimeout() throws IOException {
        Path pids = dir.resolve("pids");
        Path script = script("sleep 30 &\necho $! > '" + pids + "'\nwait\n");
        ExecConfig exec = new ExecConfig(V1, script.toString(), List.of(), Map.of(), null, false, null,
                InteractiveMode.NEVER, Duration.ofMillis(700));
        ExecCredentialProvider p = provider(exec);
        long started = System.nanoTime();
        assertThatThrownBy(p::token).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining(script.toString()).hasMessageContaining("timed out after 700 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(runs).singleElement().extracting(ExecPluginRun::outcome).isEqualTo(Outcome.TIMED_OUT);
        long sleeper = Long.parseLong(Files.readString(pids).strip());
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(sleeper).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void garbageOnStdoutIsRejectedWithoutQuotingIt() throws IOException {
        ExecCredentialProvider p = provider(plugin("this is not json " + SECRET));
        assertThatThrownBy(p::token).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("not JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET))
                .satisfies(e -> assertThat(e.getCause()).isNull());
        assertThat(runs).singleElement().extracting(ExecPluginRun::outcome).isEqualTo(Outcome.INVALID_OUTPUT);
    }

    @Test
    void anObjectOfAnotherKindIsRejected() throws IOException {
        ExecCredentialProvider p = provider(plugin("{\"apiVersion\":\"" + V1 + "\",\"kind\":\"Secret\",\"status\":{\"token\":\"" + SECRET + "\"}}"));
        assertThatThrownBy(p::token).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("kind is not ExecCredential")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void anotherApiVersionThanRequestedIsRejected() throws IOException {
        ExecCredentialProvider p = provider(plugin(credential(V1BETA1, SECRET, null)));
        assertThatThrownBy(p::token).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("apiVersion '" + V1BETA1 + "'").hasMessageContaining("asked for '" + V1 + "'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void aCredentialWithoutTokenOrCertificateIsRejected() throws IOException {
        ExecCredentialProvider p = provider(plugin("{\"apiVersion\":\"" + V1 + "\",\"kind\":\"ExecCredential\",\"status\":{}}"));
        assertThatThrownBy(p::token).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("neither status.token nor status.clientCertificateData");
        ExecCredentialProvider noStatus = provider(plugin("{\"apiVersion\":\"" + V1 + "\",\"kind\":\"ExecCredential\"}"));
        assertThatThrownBy(noStatus::token).isInstanceOf(ExecPluginException.class).hasMessageContaining("without a status");
    }

    @Test
    void anAlreadyExpiredCredentialIsRejected() throws IOException {
        ExecCredentialProvider p = provider(plugin(credential(V1, SECRET, "2029-12-31T23:00:00Z")));
        assertThatThrownBy(p::token).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("already expired").hasMessageContaining("2029-12-31T23:00:00Z")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void aMalformedExpirationTimestampIsRejected() throws IOException {
        ExecCredentialProvider p = provider(plugin(credential(V1, SECRET, "tomorrow")));
        assertThatThrownBy(p::token).isInstanceOf(ExecPluginException.class).hasMessageContaining("RFC 3339");
    }

    @Test
    void anUnsupportedApiVersionIsRejectedUpFront() {
        assertThatThrownBy(() -> provider(exec(dir.resolve("x"), "client.authentication.k8s.io/v1alpha1")))
                .isInstanceOf(ExecPluginException.class).hasMessageContaining("v1alpha1").hasMessageContaining("not supported");
    }

    @Test
    void interactiveAlwaysWithoutAConsoleFailsWithoutRunning() {
        Path count = dir.resolve("count");
        ExecConfig exec = new ExecConfig(V1, countingPlugin(count, null).command(), List.of(), Map.of(), null, false,
                null, InteractiveMode.ALWAYS, null);
        ExecCredentialProvider p = provider(exec);
        assertThatThrownBy(p::token).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("interactiveMode Always").hasMessageContaining("no console");
        assertThat(count).doesNotExist();
        assertThat(runs).isEmpty();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = SHELL)
    void passesClusterInfoInKubernetesExecInfo() throws IOException {
        Path info = dir.resolve("info.json");
        Path script = script("printf '%s' \"$KUBERNETES_EXEC_INFO\" > '" + info + "'\ncat '" + dir.resolve("cred.json") + "'\n");
        Files.writeString(dir.resolve("cred.json"), credential(V1, "t", null));
        byte[] ca = Fixtures.bytes("ca.pem");
        RestConfig cluster = RestConfig.builder().server("https://k8s.example:6443").caData(ca)
                .tlsServerName("kubernetes.default").proxy(URI.create("http://proxy.example:3128"))
                .listener(recorder).build();
        ExecConfig exec = new ExecConfig(V1, script.toString(), List.of(), Map.of(), null, true,
                Map.of("audience", "prod", "nested", Map.of("a", 1)), InteractiveMode.NEVER, null);
        new ExecCredentialProvider(exec, cluster, environment(Map.of("PATH", path()))).token();

        JsonNode root = json.readTree(Files.readString(info));
        assertThat(root.path("apiVersion").asString()).isEqualTo(V1);
        assertThat(root.path("kind").asString()).isEqualTo("ExecCredential");
        assertThat(root.path("spec").path("interactive").asBoolean()).isFalse();
        JsonNode c = root.path("spec").path("cluster");
        assertThat(c.path("server").asString()).isEqualTo("https://k8s.example:6443");
        assertThat(c.path("tls-server-name").asString()).isEqualTo("kubernetes.default");
        assertThat(c.path("proxy-url").asString()).isEqualTo("http://proxy.example:3128");
        assertThat(Base64.getDecoder().decode(c.path("certificate-authority-data").asString())).isEqualTo(ca);
        assertThat(c.has("insecure-skip-tls-verify")).isFalse();
        assertThat(c.path("config").path("audience").asString()).isEqualTo("prod");
        assertThat(c.path("config").path("nested").path("a").asInt()).isEqualTo(1);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = SHELL)
    void leavesClusterInfoOutUnlessAskedAndMarksInteractiveRuns() throws IOException {
        Path info = dir.resolve("info.json");
        Path script = script("printf '%s' \"$KUBERNETES_EXEC_INFO\" > '" + info + "'\ncat '" + dir.resolve("cred.json") + "'\n");
        Files.writeString(dir.resolve("cred.json"), credential(V1, "t", null));
        ExecConfig exec = new ExecConfig(V1, script.toString(), List.of(), Map.of(), null, false, null,
                InteractiveMode.IF_AVAILABLE, null);
        new ExecCredentialProvider(exec, cluster(), environment(Map.of("PATH", path())).withConsoleAvailable(true)).token();
        JsonNode spec = json.readTree(Files.readString(info)).path("spec");
        assertThat(spec.has("cluster")).isFalse();
        assertThat(spec.path("interactive").asBoolean()).isTrue();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = SHELL)
    void mergesThePluginEnvironmentOverTheProcessEnvironment() throws IOException {
        Path out = dir.resolve("env.txt");
        Path script = script("echo \"A=$A B=$B C=${C:-unset} HOME=${HOME:-unset}\" > '" + out + "'\ncat '"
                + dir.resolve("cred.json") + "'\n");
        Files.writeString(dir.resolve("cred.json"), credential(V1, "t", null));
        ExecConfig exec = new ExecConfig(V1, script.toString(), List.of(), Map.of("B", "from-plugin", "C", "c"),
                null, false, null, InteractiveMode.NEVER, null);
        new ExecCredentialProvider(exec, cluster(),
                environment(Map.of("PATH", path(), "A", "from-process", "B", "from-process"))).token();
        assertThat(Files.readString(out).strip()).isEqualTo("A=from-process B=from-plugin C=c HOME=unset");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = SHELL)
    void passesArgumentsAndFindsBareCommandsOnThePluginsPath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("kube-login-fake");
        Files.writeString(script, "#!/bin/bash\nprintf '{\"apiVersion\":\"%s\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"%s-%s\"}}' \"$1\" \"$2\" \"$3\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        ExecConfig exec = new ExecConfig(V1, "kube-login-fake", List.of(V1, "arg one", "two"), Map.of(), null,
                false, null, InteractiveMode.NEVER, null);
        String token = new ExecCredentialProvider(exec, cluster(),
                environment(Map.of("PATH", bin + ":" + path()))).token();
        assertThat(token).isEqualTo("arg one-two");
    }

    @Test
    void servesAClientCertificateAndBumpsTheGenerationWhenItChanges() throws IOException {
        Path count = dir.resolve("count");
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        Files.writeString(first, certCredential("rsa-cert.pem", "rsa-key-pkcs1.pem", "2030-01-01T01:00:00Z"));
        Files.writeString(second, certCredential("ec-p256-cert.pem", "ec-p256-key-sec1.pem", "2030-01-01T02:00:00Z"));
        ExecCredentialProvider p = provider(execOf(FakeExecPlugin.in(dir).countingRunsIn(count)
                .printing(Files.readString(first), Files.readString(second)), V1));
        ClientCertificate cert = p.current();
        assertThat(cert.leaf().getSubjectX500Principal().getName()).contains("rsa-user");
        assertThat(p.token()).isNull();
        long generation = p.generation();
        clock.set(Instant.parse("2030-01-01T00:59:45Z"));
        assertThat(p.current().leaf().getSubjectX500Principal().getName()).contains("ec-p256-user");
        assertThat(p.generation()).isGreaterThan(generation);
    }

    @Test
    void aCertificateWithoutItsKeyIsRejected() throws IOException {
        ObjectNode root = credentialNode(V1);
        root.putObject("status").put("clientCertificateData", new String(Fixtures.bytes("rsa-cert.pem"), StandardCharsets.US_ASCII));
        ExecCredentialProvider p = provider(plugin(json.writeValueAsString(root)));
        assertThatThrownBy(p::current).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("clientCertificateData without clientKeyData");
    }

    @Test
    void aCertificateWhoseKeyDoesNotMatchIsRejected() throws IOException {
        ObjectNode root = credentialNode(V1);
        root.putObject("status")
                .put("clientCertificateData", new String(Fixtures.bytes("rsa-cert.pem"), StandardCharsets.US_ASCII))
                .put("clientKeyData", new String(Fixtures.bytes("other-rsa-key.pem"), StandardCharsets.US_ASCII));
        ExecCredentialProvider p = provider(plugin(json.writeValueAsString(root)));
        assertThatThrownBy(p::current).isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("does not belong").hasMessageContaining("status.clientKeyData");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = SHELL)
    void interruptingTheWaitingThreadKillsThePluginAndKeepsTheFlag() throws Exception {
        Path pids = dir.resolve("pids");
        Path script = script("echo $$ > '" + pids + "'\nsleep 30\n");
        ExecCredentialProvider p = provider(exec(script, V1));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                p.token();
            } catch (Throwable t) {
                failure.set(t);
                flag.set(Thread.currentThread().isInterrupted());
            }
        }, "test-caller");
        caller.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pids) && !Files.readString(pids).isBlank());
        caller.interrupt();
        caller.join(10_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(InterruptedIOException.class).hasMessageContaining(script.toString());
        assertThat(flag.get()).isTrue();
        long pid = Long.parseLong(Files.readString(pids).strip());
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void onWindowsThePluginEnvironmentReplacesAProcessVariableWhateverTheCaseOfItsName() throws IOException {
        Path seen = dir.resolve("env.txt");
        ExecConfig plugin = execOf(FakeExecPlugin.in(dir).writingEnvironmentTo(seen)
                .printing(FakeExecPlugin.tokenCredential("t")), V1);
        ExecConfig exec = new ExecConfig(V1, plugin.command(), plugin.args(),
                Map.of("PATH", "C:\\from-plugin", "Token_Dir", "C:\\tokens"), null, false, null,
                InteractiveMode.NEVER, null);
        AuthEnvironment windows = environment(Map.of("Path", "C:\\from-process", "TOKEN_DIR", "C:\\old",
                "KEEP", "kept")).withOsName("Windows 11");

        new ExecCredentialProvider(exec, cluster(), windows).token();

        Map<String, String> environment = environmentIn(seen);
        assertThat(environment.entrySet()).as("one PATH, the plugin's")
                .filteredOn(variable -> variable.getKey().equalsIgnoreCase("PATH"))
                .containsExactly(Map.entry("PATH", "C:\\from-plugin"));
        assertThat(environment.entrySet()).filteredOn(variable -> variable.getKey().equalsIgnoreCase("TOKEN_DIR"))
                .containsExactly(Map.entry("Token_Dir", "C:\\tokens"));
        assertThat(environment).containsEntry("KEEP", "kept");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "variable names differing only in case are one on Windows")
    void elsewhereVariableNamesDifferingInCaseAreDifferentVariables() throws IOException {
        Path seen = dir.resolve("env.txt");
        ExecConfig plugin = execOf(FakeExecPlugin.in(dir).writingEnvironmentTo(seen)
                .printing(FakeExecPlugin.tokenCredential("t")), V1);
        ExecConfig exec = new ExecConfig(V1, plugin.command(), plugin.args(), Map.of("Token_Dir", "/tokens"), null,
                false, null, InteractiveMode.NEVER, null);

        new ExecCredentialProvider(exec, cluster(), environment(Map.of("TOKEN_DIR", "/old")).withOsName("Linux"))
                .token();

        assertThat(environmentIn(seen)).containsEntry("TOKEN_DIR", "/old").containsEntry("Token_Dir", "/tokens");
    }

    @Test
    void toStringShowsNeitherEnvironmentValuesNorTheCredential() throws IOException {
        ExecConfig plugin = plugin(credential(V1, SECRET, null));
        ExecConfig exec = new ExecConfig(V1, plugin.command(), plugin.args(),
                Map.of("API_KEY", "env-" + SECRET), null, false, null, InteractiveMode.NEVER, null);
        ExecCredentialProvider p = provider(exec);
        p.token();
        assertThat(p.toString()).doesNotContain(SECRET).contains("API_KEY");
    }

    // --- helpers

    private ExecCredentialProvider provider(ExecConfig exec) {
        return new ExecCredentialProvider(exec, cluster(), environment(Map.of("PATH", path())));
    }

    private RestConfig cluster() {
        return RestConfig.builder().server("https://k8s.example:6443").listener(recorder).build();
    }

    private AuthEnvironment environment(Map<String, String> env) {
        return AuthEnvironment.system().withClock(clock).withEnvironment(env).withConsoleAvailable(false);
    }

    static String path() {
        return System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    }

    private ExecConfig exec(Path script, String apiVersion) {
        return new ExecConfig(apiVersion, script.toString(), List.of(), Map.of(), null, false, null,
                InteractiveMode.NEVER, null);
    }

    /** A plugin printing {@code output}. */
    private ExecConfig plugin(String output) throws IOException {
        return plugin(output, V1);
    }

    /** A plugin printing {@code output}, configured to ask for {@code apiVersion}. */
    private ExecConfig plugin(String output, String apiVersion) throws IOException {
        return execOf(FakeExecPlugin.in(dir).printing(output), apiVersion);
    }

    /** The portable fake plugin as an exec stanza asking for {@code apiVersion}. */
    private static ExecConfig execOf(FakeExecPlugin plugin, String apiVersion) {
        List<String> line = plugin.commandLine();
        return new ExecConfig(apiVersion, line.get(0), line.subList(1, line.size()), Map.of(), null, false, null,
                InteractiveMode.NEVER, null);
    }

    /** A plugin that counts its runs in {@code count} and returns {@code tok-<run>}. */
    private ExecConfig countingPlugin(Path count, String expiry) {
        String credential = expiry == null ? FakeExecPlugin.tokenCredential("tok-{run}")
                : FakeExecPlugin.tokenCredential("tok-{run}", expiry);
        return execOf(FakeExecPlugin.in(dir).countingRunsIn(count).printing(credential), V1);
    }

    private Path script(String body) {
        try {
            Path script = Files.createTempFile(dir, "plugin", ".sh");
            Files.writeString(script, "#!/bin/bash\n" + body);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            return script;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ObjectNode credentialNode(String apiVersion) {
        ObjectNode root = json.createObjectNode();
        root.put("apiVersion", apiVersion);
        root.put("kind", "ExecCredential");
        return root;
    }

    private String credential(String apiVersion, String token, String expiry) {
        ObjectNode root = credentialNode(apiVersion);
        ObjectNode status = root.putObject("status").put("token", token);
        if (expiry != null) {
            status.put("expirationTimestamp", expiry);
        }
        return json.writeValueAsString(root);
    }

    private String certCredential(String cert, String key, String expiry) {
        ObjectNode root = credentialNode(V1);
        root.putObject("status")
                .put("clientCertificateData", new String(Fixtures.bytes(cert), StandardCharsets.US_ASCII))
                .put("clientKeyData", new String(Fixtures.bytes(key), StandardCharsets.US_ASCII))
                .put("expirationTimestamp", expiry);
        return json.writeValueAsString(root);
    }

    private static Map<String, String> environmentIn(Path file) throws IOException {
        Map<String, String> environment = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            environment.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return environment;
    }

    private static long lines(Path file) throws IOException {
        return Files.readAllLines(file).size();
    }
}
