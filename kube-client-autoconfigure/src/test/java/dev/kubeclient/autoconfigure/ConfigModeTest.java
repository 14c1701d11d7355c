package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.RestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each mode takes its configuration from the right place; auto follows controller-runtime's order. */
class ConfigModeTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class));

    private Path home() {
        return dir.resolve("home");
    }

    /** ~/.kube/config pointing at home.example, $KUBECONFIG file at variable.example, explicit at explicit.example. */
    private ConfigEnvironment environment(boolean homeConfig, boolean variable, boolean pod) {
        if (homeConfig) {
            Fixtures.kubeconfig(home().resolve(".kube"), "config", "https://home.example:6443");
        }
        Map<String, String> variables = new HashMap<>();
        if (variable) {
            variables.put("KUBECONFIG", Fixtures.kubeconfig(dir, "variable.kubeconfig", "https://variable.example:6443").toString());
        }
        if (pod) {
            variables.putAll(Fixtures.podVariables());
        }
        return Fixtures.environment(home(), Fixtures.serviceAccount(dir), variables);
    }

    private String explicit() {
        return Fixtures.kubeconfig(dir, "explicit.kubeconfig", "https://explicit.example:6443").toString();
    }

    private ApplicationContextRunner with(ConfigEnvironment environment) {
        return runner.withBean(ConfigEnvironment.class, () -> environment);
    }

    private static String host(org.springframework.context.ApplicationContext context) {
        return context.getBean(RestConfig.class).server().getHost();
    }

    @Test
    void autoPrefersAnExplicitKubeconfigOverEverythingElse() {
        with(environment(true, true, true)).withPropertyValues("kube.client.kubeconfig=" + explicit())
                .run(context -> assertThat(host(context)).isEqualTo("explicit.example"));
    }

    @Test
    void autoPrefersTheKubeconfigVariableOverInCluster() {
        with(environment(true, true, true)).run(context -> assertThat(host(context)).isEqualTo("variable.example"));
    }

    @Test
    void autoPrefersInClusterOverTheHomeKubeconfig() {
        with(environment(true, false, true)).run(context -> {
            RestConfig config = context.getBean(RestConfig.class);
            assertThat(config.server().toString()).isEqualTo("https://10.96.0.1:443");
            assertThat(config.namespace()).isEqualTo("in-pod");
            assertThat(config.bearerTokenFile()).endsWith(Path.of("serviceaccount", "token"));
        });
    }

    @Test
    void autoFallsBackToTheHomeKubeconfig() {
        with(environment(true, false, false)).run(context -> {
            assertThat(host(context)).isEqualTo("home.example");
            assertThat(context.getBean(RestConfig.class).namespace()).isEqualTo("team-a");
        });
    }

    @Test
    void inClusterModeIgnoresEveryKubeconfig() {
        with(environment(true, true, true)).withPropertyValues("kube.client.mode=in-cluster",
                        "kube.client.kubeconfig=" + explicit())
                .run(context -> assertThat(host(context)).isEqualTo("10.96.0.1"));
    }

    @Test
    void kubeconfigModeIgnoresTheInClusterEnvironment() {
        with(environment(true, false, true)).withPropertyValues("kube.client.mode=kubeconfig")
                .run(context -> assertThat(host(context)).isEqualTo("home.example"));
    }

    @Test
    void kubeconfigModeReadsTheExplicitPathAndTheChosenContext() {
        with(environment(false, true, false)).withPropertyValues("kube.client.mode=kubeconfig",
                        "kube.client.kubeconfig=" + explicit(), "kube.client.context=staging")
                .run(context -> {
                    RestConfig config = context.getBean(RestConfig.class);
                    assertThat(config.server().getHost()).isEqualTo("explicit.example");
                    assertThat(config.namespace()).isEqualTo("team-b");
                    assertThat(config.bearerToken()).isEqualTo("token-staging");
                });
    }

    @Test
    void serverAndTlsOverridesApplyOnTopOfTheChosenSource() {
        with(environment(true, false, false)).withPropertyValues("kube.client.server=https://override.example:7443",
                        "kube.client.tls-server-name=kubernetes.default.svc", "kube.client.insecure-skip-tls-verify=true")
                .run(context -> {
                    RestConfig config = context.getBean(RestConfig.class);
                    assertThat(config.server().toString()).isEqualTo("https://override.example:7443");
                    assertThat(config.tlsServerName()).isEqualTo("kubernetes.default.svc");
                    assertThat(config.insecureSkipTlsVerify()).isTrue();
                    assertThat(config.bearerToken()).isEqualTo("token-dev");
                });
    }

    @Test
    void autoGoesOnToTheHomeKubeconfigWhenThePodsServiceAccountIsUnusable() {
        Fixtures.kubeconfig(home().resolve(".kube"), "config", "https://home.example:6443");
        ConfigEnvironment podWithoutToken = Fixtures.environment(home(), dir.resolve("empty-serviceaccount"),
                Fixtures.podVariables());
        with(podWithoutToken).run(context -> assertThat(host(context)).isEqualTo("home.example"));
    }
}
