package dev.kubeclient.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sample on a machine with no cluster: it starts the test kit's in-JVM API server with demo objects, and every
 * endpoint works against it.
 */
class EmbeddedClusterTest extends SampleEndpointsContract {

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        app = SpringApplication.run(SampleApplication.class, "--server.port=0", "--sample.embedded-cluster=always");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Override
    ConfigurableApplicationContext app() {
        return app;
    }

    @Override
    int webPods() {
        return 2; // the demo Deployment's two pods
    }

    @Test
    void theEmbeddedServerStopsWithTheApplication() {
        ConfigurableApplicationContext own = SpringApplication.run(SampleApplication.class, "--server.port=0",
                "--sample.embedded-cluster=always", "--sample.watch=false");
        dev.kubeclient.testing.server.KubeApiServer server = own.getBean(dev.kubeclient.testing.server.KubeApiServer.class);
        java.net.URI url = server.url();
        assertThat(own.getBean(dev.kubeclient.config.RestConfig.class).server().getPort()).isEqualTo(url.getPort());

        own.close();

        assertThatThrownBy(() -> new java.net.Socket(url.getHost(), url.getPort()).close())
                .isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void aBadEmbeddedClusterSettingIsRefusedWithTheValuesItTakes() {
        assertThatThrownBy(() -> ClusterConfiguration.embeddedWanted(
                new MockEnvironment().withProperty("sample.embedded-cluster", "sometimes")))
                .hasMessage("sample.embedded-cluster must be auto, always or never, not 'sometimes'");
    }

    @Test
    void theEmbeddedServerIsUsedOnlyWhenNoClusterIsConfigured(@org.junit.jupiter.api.io.TempDir Path home)
            throws Exception {
        MockEnvironment nothing = new MockEnvironment().withProperty("user.home", home.toString());
        assertThat(ClusterConfiguration.configured(nothing)).isFalse();

        Path kubeconfig = Files.writeString(home.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
        assertThat(ClusterConfiguration.configured(
                new MockEnvironment().withProperty("user.home", home.toString())
                        .withProperty("KUBECONFIG", kubeconfig.toString()))).isTrue();
        assertThat(ClusterConfiguration.configured(
                new MockEnvironment().withProperty("user.home", home.toString())
                        .withProperty("KUBECONFIG", home.resolve("missing").toString()))).isFalse();
        assertThat(ClusterConfiguration.configured(
                new MockEnvironment().withProperty("user.home", home.toString())
                        .withProperty("kube.client.kubeconfig", "/anything"))).isTrue();
        assertThat(ClusterConfiguration.configured(
                new MockEnvironment().withProperty("user.home", home.toString())
                        .withProperty("kube.client.mode", "in-cluster"))).isTrue();

        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "apiVersion: v1\nkind: Config\n");
        assertThat(ClusterConfiguration.configured(nothing)).isTrue();
    }
}
