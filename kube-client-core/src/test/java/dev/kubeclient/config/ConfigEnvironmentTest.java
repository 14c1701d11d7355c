package dev.kubeclient.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The injectable view of the process that configuration loading reads. */
class ConfigEnvironmentTest {

    @Test
    void blankVariablesCountAsUnset() {
        ConfigEnvironment env = ConfigEnvironment.of(Map.of("A", "x", "B", " ", "C", ""), Path.of("/home/u"));

        assertThat(env.variable("A")).contains("x");
        assertThat(env.variable("B")).isEmpty();
        assertThat(env.variable("C")).isEmpty();
        assertThat(env.variable("D")).isEmpty();
    }

    @Test
    void defaultKubeconfigIsUnderTheHomeFolder() {
        assertThat(ConfigEnvironment.of(Map.of(), Path.of("/home/u")).defaultKubeConfig())
                .isEqualTo(Path.of("/home/u/.kube/config"));
    }

    @Test
    void systemEnvironmentUsesHomeLikeClientGo() {
        ConfigEnvironment system = ConfigEnvironment.system();
        String home = System.getenv("HOME");

        assertThat(system.homeDirectory()).isEqualTo(Path.of(home != null && !home.isBlank() ? home
                : System.getProperty("user.home")));
        assertThat(system.serviceAccountDirectory()).isEqualTo(ConfigEnvironment.DEFAULT_SERVICE_ACCOUNT_DIRECTORY);
        assertThat(system.variables()).isEqualTo(System.getenv());
    }

    @Test
    void toStringShowsNoVariableValues() {
        ConfigEnvironment env = ConfigEnvironment.of(Map.of("AWS_SECRET_ACCESS_KEY", "fixture-secret"), Path.of("/h"));

        assertThat(env.toString()).doesNotContain("fixture-secret").doesNotContain("AWS_SECRET_ACCESS_KEY");
    }
}
