package dev.kubeclient.autoconfigure;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.discovery.RestMapper;
import dev.kubeclient.discovery.RestMapping;
import dev.kubeclient.discovery.Scope;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.Unstructured;
import dev.kubeclient.flowcontrol.AdaptiveRateLimiter;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.GroupVersionResource;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import dev.kubeclient.watch.WatchEvent;
import dev.kubeclient.watch.WatchHandler;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's one end-to-end test: a Spring Boot web application with nothing but auto-configuration (the real
 * kube-client auto-configurations, Actuator and Micrometer), pointed at the cluster of
 * {@code KUBE_CLIENT_IT_KUBECONFIG} through {@code kube.client.kubeconfig}. It uses the typed clientset, the dynamic
 * client, the REST mapper and a resilient watch; reads {@code /actuator/health} (the {@code kube} component UP with
 * its details, no credential) and {@code /actuator/metrics/kube.client.requests} (the requests it made, every tag
 * bounded); and stops cleanly, leaving no watcher thread.
 */
@IntegrationTest
@Timeout(120)
class KubeClientStarterIT {

    private static final GroupVersionResource CONFIGMAPS = GroupVersionResource.parse("v1/configmaps");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The application under test: nothing but auto-configuration and one OkHttp customizer that notes APF. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        final AtomicBoolean priorityAndFairnessSeen = new AtomicBoolean();

        @Bean
        OkHttpClientBuilderCustomizer priorityAndFairnessProbe() {
            return builder -> builder.addInterceptor(chain -> {
                var response = chain.proceed(chain.request());
                if (response.header(AdaptiveRateLimiter.FLOW_SCHEMA_UID_HEADER) != null) {
                    priorityAndFairnessSeen.set(true);
                }
                return response;
            });
        }
    }

    @Test
    void theStarterTalksToARealServer(RealCluster cluster) throws Exception {
        String namespace = RealCluster.uniqueName("starter");
        KubeWatcherThreads watcherThreads;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.application.name=starter-it",
                        "kube.client.kubeconfig=" + cluster.adminKubeconfig(),
                        "kube.client.rate-limiter=auto",
                        "server.port=0", "spring.main.banner-mode=off",
                        "management.endpoints.web.exposure.include=health,metrics",
                        "management.endpoint.health.show-details=always")
                .run()) {
            Clientset clientset = context.getBean(Clientset.class);
            watcherThreads = context.getBean(KubeWatcherThreads.class);
            clientset.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName(namespace)
                    .endMetadata().build());
            try {
                BlockingQueue<String> events = new LinkedBlockingQueue<>();
                clientset.coreV1().configMaps(namespace).resilientWatch(ListOptions.builder().build(),
                        new WatchHandler<ConfigMap>() {
                            @Override
                            public void onEvent(WatchEvent<ConfigMap> event) {
                                events.add(event.type() + " " + event.object().getMetadata().getName());
                            }

                            @Override
                            public void onRelist(List<ConfigMap> items, String resourceVersion) {
                                events.add("RELIST " + items.size());
                            }
                        }).build().start();
                assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo("RELIST 0");

                // Typed: create and read back; the field manager defaults to the application name.
                clientset.coreV1().configMaps(namespace).create(new ConfigMapBuilder().withNewMetadata()
                        .withName("typed").endMetadata().addToData("k", "v").build());
                ConfigMap typed = clientset.coreV1().configMaps(namespace).get("typed");
                assertThat(typed.getData()).containsEntry("k", "v");
                assertThat(typed.getMetadata().getManagedFields()).extracting(f -> f.getManager())
                        .contains("starter-it");

                // Dynamic: the same object without classes.
                Unstructured dynamic = context.getBean(DynamicClient.class).resource(CONFIGMAPS).namespace(namespace)
                        .get("typed");
                assertThat(dynamic.nestedString("data", "k")).contains("v");

                // The mapper finds the resource for a kind through the cached discovery.
                RestMapping mapping = context.getBean(RestMapper.class).mappingFor("ConfigMap");
                assertThat(mapping.resource()).isEqualTo(CONFIGMAPS);
                assertThat(mapping.scope()).isEqualTo(Scope.NAMESPACED);

                // The resilient watch saw the object arrive.
                String added;
                do {
                    added = events.poll(30, TimeUnit.SECONDS);
                } while (added != null && !added.equals("ADDED typed"));
                assertThat(added).isEqualTo("ADDED typed");
                assertThat(watcherThreads.liveThreads()).hasSize(1);

                // auto: off exactly when the server showed API Priority and Fairness.
                boolean apf = context.getBean(App.class).priorityAndFairnessSeen.get();
                assertThat(context.getBean(KubeRestClient.class).rateLimiter().isLimiting()).isEqualTo(!apf);

                String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
                assertHealthShowsTheServer(base, cluster, context.getBean(KubeRestClient.class));
                assertMetricsCountTheRequests(base, context.getBean(MeterRegistry.class), namespace);
            } finally {
                clientset.coreV1().namespaces().delete(namespace);
            }
        }
        assertThat(watcherThreads.liveThreads()).as("watcher threads after the application stopped").isEmpty();
    }

    /** The kube component is UP with the server's version, host, context, source and auth method, never a token. */
    private static void assertHealthShowsTheServer(String base, RealCluster cluster, KubeRestClient client)
            throws Exception {
        JsonNode health = JSON.readTree(get(base + "/actuator/health"));
        JsonNode kube = health.path("components").path("kube");
        assertThat(kube.path("status").asString()).as(health.toString()).isEqualTo("UP");
        JsonNode details = kube.path("details");
        assertThat(details.path("version").asString()).startsWith("v1.");
        assertThat(details.path("host").asString()).isEqualTo(client.config().server().getAuthority());
        assertThat(details.path("context").asString()).as(details.toString()).isNotBlank();
        assertThat(details.path("source").asString())
                .isEqualTo("explicit kubeconfig " + cluster.adminKubeconfig().toAbsolutePath().normalize());
        assertThat(details.path("authMethod").asString()).isNotBlank().isNotEqualTo("none");
        String token = client.config().bearerToken();
        if (token != null) {
            assertThat(health.toString()).doesNotContain(token);
        }
    }

    /**
     * The metrics endpoint counts the one ConfigMap create by verb, resource and status; no tag of any request
     * (discovery of every group included) carries a namespace, an object name or a path.
     */
    private static void assertMetricsCountTheRequests(String base, MeterRegistry registry, String namespace)
            throws Exception {
        JsonNode creates = JSON.readTree(get(base + "/actuator/metrics/kube.client.requests?tag=verb:create"
                + "&tag=resource:configmaps&tag=status:201"));
        double count = 0;
        for (JsonNode measurement : creates.path("measurements")) {
            if (measurement.path("statistic").asString().equals("COUNT")) {
                count = measurement.path("value").asDouble();
            }
        }
        assertThat(count).as(creates.toString()).isEqualTo(1.0);
        JsonNode tags = JSON.readTree(get(base + "/actuator/metrics/kube.client.requests")).path("availableTags");
        assertThat(tags.toString()).contains("outcome").contains("SUCCESS").contains("host").contains("group")
                .doesNotContain(namespace).doesNotContain("typed");
        Collection<Meter> meters = registry.find("kube.client.requests").meters();
        assertThat(meters).isNotEmpty();
        for (Meter meter : meters) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).as(meter.getId().toString()).doesNotContain("/").doesNotContain(namespace);
            }
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
