package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.config.RestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up check finds a plugin as the run will: the core's lookup, over the plugin's environment. */
class ExecPluginCheckTest {

    @TempDir
    Path dir;

    @Test
    void onWindowsAPluginNamedWithoutItsExtensionIsInstalled() throws IOException {
        Files.writeString(dir.resolve("kubelogin.exe"), "");
        RestConfig config = config(dir.resolve("kubelogin").toString(), Map.of());

        assertThatCode(() -> ExecPluginCheck.requireInstalled(config, environment(Map.of()), "Windows 11"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ExecPluginCheck.requireInstalled(config, environment(Map.of()), "Linux"))
                .isInstanceOf(ExecPluginNotInstalledException.class);
    }

    @Test
    void aBareNameIsLookedUpOnThePluginsOwnPathBeforeTheProcessPath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path plugin = Files.writeString(bin.resolve("kube-login"), "");
        if (!plugin.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + plugin + " executable");
        }

        assertThatCode(() -> ExecPluginCheck.requireInstalled(config("kube-login", Map.of("PATH", bin.toString())),
                environment(Map.of("PATH", dir.toString())), "Linux")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ExecPluginCheck.requireInstalled(config("kube-login", Map.of()),
                environment(Map.of("PATH", dir.toString())), "Linux"))
                .isInstanceOf(ExecPluginNotInstalledException.class).hasMessageContaining("'kube-login'");
    }

    private RestConfig config(String command, Map<String, String> env) {
        return RestConfig.builder().server("https://k8s.example:6443")
                .exec(new ExecConfig(null, command, List.of(), env, null, false, null,
                        ExecConfig.InteractiveMode.NEVER, null))
                .build();
    }

    private ConfigEnvironment environment(Map<String, String> variables) {
        return ConfigEnvironment.of(variables, dir.resolve("home"));
    }
}
