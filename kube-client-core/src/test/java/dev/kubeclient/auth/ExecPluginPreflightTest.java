package dev.kubeclient.auth;

import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.config.ExecConfig.InteractiveMode;
import dev.kubeclient.config.ExecPluginPolicy;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.observation.ExecPluginRun.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ExecCredentialProvider#checkRunnable}: what the first run would refuse (a command that is not installed, a
 * command the policy forbids) is reported without running anything.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the plugins here are POSIX shell scripts")
class ExecPluginPreflightTest {

    private static final String V1 = "client.authentication.k8s.io/v1";

    @TempDir
    Path dir;

    private static ExecConfig exec(String command, String installHint) {
        return new ExecConfig(V1, command, List.of(), Map.of(), installHint, false, null, InteractiveMode.NEVER, null);
    }

    private static RestConfig config(ExecConfig exec, ExecPluginPolicy policy) {
        return RestConfig.builder().server("https://k8s.example:6443").exec(exec).execPluginPolicy(policy)
                .origin("kubeconfig /home/dev/.kube/config, context cloud").build();
    }

    private AuthEnvironment environment() {
        return AuthEnvironment.system().withEnvironment(Map.of("PATH", dir.resolve("bin").toString()));
    }

    /** An executable file {@code bin/<name>} that would fail if it ran. */
    private Path installed(String name) throws IOException {
        Path file = Files.createDirectories(dir.resolve("bin")).resolve(name);
        Files.writeString(file, "#!/bin/sh\necho ran >> '" + dir.resolve("ran") + "'\nexit 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    @Test
    void aCommandThatIsNotOnThePathIsNotInstalledAndTheMessageEndsWithItsInstallHint() {
        RestConfig config = config(exec("kube-login", "Install it with: brew install kube-login"),
                ExecPluginPolicy.ALLOW_ALL);

        assertThatThrownBy(() -> ExecCredentialProvider.checkRunnable(config, environment()))
                .isInstanceOfSatisfying(ExecPluginException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.NOT_STARTED);
                    assertThat(e.command()).isEqualTo("kube-login");
                    assertThat(e.installHint()).isEqualTo("Install it with: brew install kube-login");
                    assertThat(e).hasMessageStartingWith("exec plugin 'kube-login' of kubeconfig "
                                    + "/home/dev/.kube/config, context cloud is not installed: it was not found on the PATH")
                            .hasMessageEndingWith("\nInstall it with: brew install kube-login");
                });
    }

    @Test
    void aPathThatIsNotAnExecutableFileIsNotInstalled() throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("plugin.sh"), "#!/bin/sh\n");
        RestConfig config = config(exec(notExecutable.toString(), null), ExecPluginPolicy.ALLOW_ALL);

        assertThatThrownBy(() -> ExecCredentialProvider.checkRunnable(config, environment()))
                .isInstanceOf(ExecPluginException.class)
                .hasMessageContaining("there is no executable file at that path");
    }

    @Test
    void anInstalledCommandPassesWithoutRunning() throws IOException {
        installed("kube-login");

        assertThatCode(() -> ExecCredentialProvider.checkRunnable(config(exec("kube-login", null),
                ExecPluginPolicy.ALLOW_ALL), environment())).doesNotThrowAnyException();
        assertThat(dir.resolve("ran")).doesNotExist();
    }

    @Test
    void denyAllRefusesEvenAnInstalledCommand() throws IOException {
        installed("kube-login");

        assertThatThrownBy(() -> ExecCredentialProvider.checkRunnable(config(exec("kube-login", null),
                ExecPluginPolicy.DENY_ALL), environment()))
                .isInstanceOfSatisfying(ExecPluginDeniedException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
                    assertThat(e.policy()).isEqualTo(ExecPluginPolicy.DENY_ALL);
                    assertThat(e).hasMessageContaining("is not allowed by the exec plugin policy DenyAll");
                });
    }

    @Test
    void anAllowlistAdmitsTheCommandItNamesAndRefusesOthers() throws IOException {
        Path login = installed("kube-login");
        installed("other-plugin");

        assertThatCode(() -> ExecCredentialProvider.checkRunnable(config(exec("kube-login", null),
                ExecPluginPolicy.allowlist(login.toString())), environment())).doesNotThrowAnyException();
        assertThatThrownBy(() -> ExecCredentialProvider.checkRunnable(config(exec("other-plugin", null),
                ExecPluginPolicy.allowlist("kube-login")), environment()))
                .isInstanceOf(ExecPluginDeniedException.class);
    }

    @Test
    void aConfigurationWithoutAnExecPluginHasNothingToCheck() {
        assertThatCode(() -> ExecCredentialProvider.checkRunnable(RestConfig.builder()
                .server("https://k8s.example:6443").bearerToken("t").build(), environment()))
                .doesNotThrowAnyException();
    }

    @Test
    void onWindowsAPluginNamedWithoutItsExtensionIsInstalled() throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("bin").resolve("kubelogin.exe"), "");
        RestConfig config = config(exec(dir.resolve("bin").resolve("kubelogin").toString(), null),
                ExecPluginPolicy.ALLOW_ALL);

        assertThatCode(() -> ExecCredentialProvider.checkRunnable(config, environment().withOsName("Windows 11")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ExecCredentialProvider.checkRunnable(config, environment().withOsName("Linux")))
                .isInstanceOf(ExecPluginException.class);
    }

    @Test
    void aBareNameIsLookedUpOnThePluginsOwnPathBeforeTheProcessPath() throws IOException {
        installed("kube-login");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        AuthEnvironment processPathWithoutIt = AuthEnvironment.system().withEnvironment(Map.of("PATH", empty.toString()));
        ExecConfig withItsOwnPath = new ExecConfig(V1, "kube-login", List.of(), Map.of("PATH", dir.resolve("bin").toString()),
                null, false, null, InteractiveMode.NEVER, null);

        assertThatCode(() -> ExecCredentialProvider.checkRunnable(config(withItsOwnPath, ExecPluginPolicy.ALLOW_ALL),
                processPathWithoutIt)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ExecCredentialProvider.checkRunnable(config(exec("kube-login", null),
                ExecPluginPolicy.ALLOW_ALL), processPathWithoutIt))
                .isInstanceOf(ExecPluginException.class).hasMessageContaining("'kube-login'");
        assertThat(dir.resolve("ran")).as("nothing was run").doesNotExist();
    }
}
