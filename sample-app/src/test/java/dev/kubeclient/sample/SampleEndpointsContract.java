package dev.kubeclient.sample;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the sample, called over HTTP as a user would. Run against the embedded API server
 * ({@link EmbeddedClusterTest}) and against a real one ({@link SampleApplicationIT}) with the same assertions.
 */
abstract class SampleEndpointsContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The running sample. */
    abstract ConfigurableApplicationContext app();

    /** How many pods labelled {@code app=web} the cluster holds in the sample's namespace. */
    abstract int webPods();

    record Answer(int status, JsonNode body) {
    }

    Answer call(String method, String path, String json) throws IOException, InterruptedException {
        String port = app().getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Answer(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body));
    }

    @Test
    void podsAreListedThroughTheClientsetWithALabelSelector() throws Exception {
        Answer pods = call("GET", "/pods?labelSelector=app%3Dweb", null);

        assertThat(pods.status()).isEqualTo(200);
        assertThat(pods.body().size()).isEqualTo(webPods());
        pods.body().forEach(pod -> assertThat(pod.get("labels").get("app").asString()).isEqualTo("web"));
    }

    @Test
    void anyResourceIsListedByShortNameThroughDiscoveryAndTheDynamicClient() throws Exception {
        Answer configMaps = call("GET", "/resources/cm", null);

        assertThat(configMaps.status()).isEqualTo(200);
        assertThat(configMaps.body().get("kind").asString()).isEqualTo("ConfigMap");
        assertThat(configMaps.body().get("namespaced").asBoolean()).isTrue();
        assertThat(configMaps.body().get("items").findValuesAsString("name")).contains("kube-client-sample");

        Answer namespaces = call("GET", "/resources/ns", null);
        assertThat(namespaces.body().get("kind").asString()).isEqualTo("Namespace");
        assertThat(namespaces.body().get("namespaced").asBoolean()).isFalse();

        Answer deployments = call("GET", "/resources/deploy", null);
        assertThat(deployments.status()).isEqualTo(200);
        assertThat(deployments.body().get("group").asString()).isEqualTo("apps");
    }

    @Test
    void anUnknownResourceIsA404NamingIt() throws Exception {
        Answer unknown = call("GET", "/resources/flibbertigibbets", null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail").asString()).contains("flibbertigibbets");
    }

    @Test
    void everyPatchTypeSetsConfigMapData() throws Exception {
        for (String type : new String[] {"merge", "strategic", "json", "apply"}) {
            Answer patched = call("PATCH", "/configmaps/kube-client-sample?type=" + type,
                    "{\"set-by-" + type + "\":\"yes\"}");

            assertThat(patched.status()).as(type).isEqualTo(200);
            assertThat(patched.body().get("set-by-" + type).asString()).as(type).isEqualTo("yes");
            assertThat(patched.body().get("greeting").asString()).as(type).isEqualTo("hello from kube-client");
        }
        assertThat(call("PATCH", "/configmaps/kube-client-sample?type=bogus", "{}").status()).isEqualTo(400);
        assertThat(call("PATCH", "/configmaps/absent?type=merge", "{\"a\":\"b\"}").status()).isEqualTo(404);
    }

    @Test
    void incrementIsAGetModifyUpdateThatSurvivesConcurrentWriters() throws Exception {
        int writers = 4;
        Thread[] threads = new Thread[writers];
        int[] statuses = new int[writers];
        for (int i = 0; i < writers; i++) {
            int n = i;
            threads[i] = new Thread(() -> {
                try {
                    statuses[n] = call("POST", "/configmaps/kube-client-sample/increment?key=hits", null).status();
                } catch (Exception e) {
                    statuses[n] = -1;
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(60).toMillis());
        }

        assertThat(statuses).containsOnly(200);
        Answer last = call("POST", "/configmaps/kube-client-sample/increment?key=hits", null);
        assertThat(last.body().get("hits").asString()).isEqualTo(Integer.toString(writers + 1));
    }

    @Test
    void actuatorShowsTheApiServerHealthAndTheClientMeters() throws Exception {
        Answer health = call("GET", "/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        assertThat(health.body().get("components").get("kube").get("status").asString()).isEqualTo("UP");

        Answer requests = call("GET", "/actuator/metrics/kube.client.requests", null);
        assertThat(requests.status()).isEqualTo(200);
        assertThat(requests.body().get("availableTags").findValuesAsString("tag")).contains("verb", "resource");
    }
}
