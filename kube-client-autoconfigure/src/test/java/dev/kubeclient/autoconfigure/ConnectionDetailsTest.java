package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.rest.KubeRestClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** A KubeClientConnectionDetails bean says where the server is; the "where" properties are then not used. */
class ConnectionDetailsTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class));

    @Test
    void connectionDetailsOverrideTheLocationPropertiesButNotTheTuningOnes() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        KubeClientConnectionDetails details = () -> RestConfig.builder().server(server.url("/").toString())
                .bearerToken("from-details").build();
        runner.withBean(KubeClientConnectionDetails.class, () -> details)
                .withPropertyValues("kube.client.mode=in-cluster", "kube.client.kubeconfig=/does/not/exist",
                        "kube.client.namespace=from-properties", "kube.client.user-agent=tuned")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(PropertiesKubeClientConnectionDetails.class);
                    RestConfig config = context.getBean(RestConfig.class);
                    assertThat(config.namespace()).isEqualTo("from-properties");
                    context.getBean(KubeRestClient.class).get().absPath("/api").bytes();
                });
        var request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer from-details");
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("tuned");
    }
}
