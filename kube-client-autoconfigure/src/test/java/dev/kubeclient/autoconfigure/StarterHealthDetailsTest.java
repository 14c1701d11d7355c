package dev.kubeclient.autoconfigure;

import dev.kubeclient.autoconfigure.health.KubeClientHealthContributorAutoConfiguration;
import dev.kubeclient.autoconfigure.health.KubeHealthIndicator;
import dev.kubeclient.config.ConfigEnvironment;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code kube} health details as the real auto-configuration builds them: the context and the source from the
 * core's detection (through the connection details), the auth method from the RestConfig, never the token.
 */
class StarterHealthDetailsTest {

    @TempDir
    Path dir;

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void theDetailsNameTheDetectedContextSourceAndAuthMethodButNotTheToken() {
        server.enqueue(new MockResponse.Builder().body("ok").build());
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"major\":\"1\",\"minor\":\"20\",\"gitVersion\":\"v1.20.2\"}").build());
        Path kubeconfig = Fixtures.kubeconfig(dir, "variable.kubeconfig", server.url("/").toString());
        ConfigEnvironment environment = Fixtures.environment(dir.resolve("home"), dir.resolve("no-serviceaccount"),
                Map.of("KUBECONFIG", kubeconfig.toString()));

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class,
                        KubeClientHealthContributorAutoConfiguration.class))
                .withBean(ConfigEnvironment.class, () -> environment)
                .withPropertyValues("kube.client.context=staging")
                .run(context -> {
                    Health health = context.getBean(KubeHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("version", "v1.20.2")
                            .containsEntry("host", server.getHostName() + ":" + server.getPort())
                            .containsEntry("context", "staging")
                            .containsEntry("source", "$KUBECONFIG (" + kubeconfig + ")")
                            .containsEntry("authMethod", "token");
                    assertThat(health.toString()).doesNotContain("token-staging");
                });
    }
}
