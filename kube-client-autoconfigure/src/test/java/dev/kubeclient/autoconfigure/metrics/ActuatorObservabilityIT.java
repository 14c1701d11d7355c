package dev.kubeclient.autoconfigure.metrics;

import dev.kubeclient.autoconfigure.RestConfigCustomizer;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with Actuator's web endpoints, the kube-client observability auto-configurations and a
 * client of the real cluster: {@code /actuator/health} shows the {@code kube} component UP, and
 * {@code /actuator/metrics/kube.client.requests} counts the requests the application made.
 *
 * <p>The main kube-client auto-configuration is stood in for by {@link ClusterClient}, which follows its contract
 * (every {@code KubeClientListener} bean on the RestConfig, every {@code RestConfigCustomizer} applied).
 */
@IntegrationTest
class ActuatorObservabilityIT {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ClusterClient {
        @Bean
        RestConfig restConfig(ObjectProvider<KubeClientListener> listeners,
                              ObjectProvider<RestConfigCustomizer> customizers) {
            RestConfig.Builder builder = RealCluster.fromEnvironment().adminConfig().toBuilder()
                    .listener(KubeClientListener.composite(listeners.orderedStream().toList()));
            customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
            return builder.build();
        }

        @Bean(destroyMethod = "close")
        KubeRestClient kubeRestClient(RestConfig config) {
            return KubeRestClient.create(config);
        }
    }

    @Test
    void healthShowsTheApiServerUpAndMetricsCountTheRequests() throws Exception {
        SpringApplication app = new SpringApplication(ClusterClient.class);
        try (ConfigurableApplicationContext context = app.run("--server.port=0",
                "--management.endpoints.web.exposure.include=health,metrics",
                "--management.endpoint.health.show-details=always",
                "--spring.main.banner-mode=off")) {
            KubeRestClient client = context.getBean(KubeRestClient.class);
            client.get().absPath("/api/v1/namespaces").bytes();
            client.get().absPath("/api/v1/namespaces").bytes();
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            ObjectMapper json = new ObjectMapper();

            JsonNode health = json.readTree(get(base + "/actuator/health"));
            JsonNode kube = health.path("components").path("kube");
            assertThat(kube.path("status").asString()).as(health.toString()).isEqualTo("UP");
            assertThat(kube.path("details").path("version").asString()).startsWith("v1.");
            assertThat(kube.path("details").path("authMethod").asString()).isNotBlank();
            String token = client.config().bearerToken();
            if (token != null) {
                assertThat(health.toString()).doesNotContain(token);
            }

            JsonNode requests = json.readTree(get(base + "/actuator/metrics/kube.client.requests?tag=verb:list"
                    + "&tag=resource:namespaces&tag=status:200"));
            double count = 0;
            for (JsonNode measurement : requests.path("measurements")) {
                if (measurement.path("statistic").asString().equals("COUNT")) {
                    count = measurement.path("value").asDouble();
                }
            }
            assertThat(count).as(requests.toString()).isEqualTo(2.0);
            JsonNode tags = json.readTree(get(base + "/actuator/metrics/kube.client.requests")).path("availableTags");
            assertThat(tags.toString()).contains("outcome").contains("SUCCESS").contains("host")
                    .doesNotContain("kube-system");
        }
    }

    private static String get(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " answered " + response.body()).isEqualTo(200);
        return response.body();
    }
}
