package dev.kubeclient.autoconfigure;

import dev.kubeclient.autoconfigure.KubeClientProperties.Mode;
import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.ConfigOrigin.Kind;
import dev.kubeclient.config.DetectedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter reports where its configuration came from as the core does: one {@code ConfigOrigin}. */
class ConfigLocatorTest {

    @TempDir
    Path dir;

    @Test
    void theKubeconfigVariableWinsAndTheOriginSaysSoWithItsFilesAndContext() {
        Path file = Fixtures.kubeconfig(dir, "variable.kubeconfig", "https://a.example");
        ConfigEnvironment environment = ConfigEnvironment.of(Map.of("KUBECONFIG", file.toString()), dir.resolve("home"));

        DetectedConfig detected = new ConfigLocator(environment).locate(Mode.AUTO, null, null);

        assertThat(detected.config().server()).hasHost("a.example");
        assertThat(detected.origin().kind()).isEqualTo(Kind.KUBECONFIG_VARIABLE);
        assertThat(detected.origin().files()).containsExactly(file);
        assertThat(detected.origin().context()).isEqualTo("dev");
        assertThat(detected.origin().describe()).isEqualTo("$KUBECONFIG (" + file + "), context dev: $KUBECONFIG is "
                + "set, so it wins over in-cluster and ~/.kube/config");
    }

    @Test
    void anExplicitFileWinsOverTheVariableAndTheOriginSaysWhy() {
        Path variable = Fixtures.kubeconfig(dir, "variable.kubeconfig", "https://a.example");
        Path explicit = Fixtures.kubeconfig(dir, "explicit.kubeconfig", "https://b.example");
        ConfigEnvironment environment = ConfigEnvironment.of(Map.of("KUBECONFIG", variable.toString()),
                dir.resolve("home"));

        DetectedConfig detected = new ConfigLocator(environment).locate(Mode.AUTO, explicit.toString(), "dev");

        assertThat(detected.origin().kind()).isEqualTo(Kind.EXPLICIT_FILE);
        assertThat(detected.origin().files()).containsExactly(explicit);
        assertThat(detected.origin().reason()).contains("kube.client.kubeconfig names it");
    }
}
