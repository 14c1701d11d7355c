package dev.kubeclient.testing.server.patch;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import dev.kubeclient.testing.server.patch.PatchFixture.Answer;
import dev.kubeclient.testing.server.patch.PatchFixture.Step;
import dev.kubeclient.transport.KubeTransport;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The fidelity proof: runs every fixture story against a real API server and checks, step by step, that the
 * engines answer as it does. With {@code PATCH_FIXTURES_RECORD} naming the fixture folder
 * ({@code kube-client-test/src/test/resources/patch-fixtures}), it also rewrites the fixtures with the server's
 * answers, which {@link PatchFixturesTest} replays without a cluster.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatchFidelityIT {

    private KubeTransport transport;
    private OkHttpClient http;
    private HttpUrl server;
    private String namespace;
    private final java.util.List<String> createdCrds = new java.util.ArrayList<>();

    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    @BeforeAll
    void connect(RealCluster cluster) {
        RestConfig config = cluster.adminConfig();
        transport = KubeTransport.create(config);
        http = transport.httpClient();
        server = HttpUrl.get(config.server().toString());
        namespace = RealCluster.uniqueName("patch-fidelity");
        Answer created = send("POST", "/api/v1/namespaces", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + namespace + "\"}}");
        if (created.code() != 201) {
            throw new IllegalStateException("cannot create namespace " + namespace + ": " + created.body());
        }
    }

    @AfterAll
    void cleanUp() {
        if (http != null) {
            send("DELETE", "/api/v1/namespaces/" + namespace, null, null);
            for (String crd : createdCrds) {
                send("DELETE", CRDS + "/" + crd, null, null);
            }
            transport.close();
        }
    }

    /**
     * Makes the fixture's CustomResourceDefinition exist and serve. One left by an earlier run is reused, and one
     * this run creates is deleted at the end.
     */
    private void ensureCrd(PatchFixture fixture) throws InterruptedException {
        JsonNode crd = fixture.document().get("crd");
        if (crd == null) {
            return;
        }
        String name = crd.at("/metadata/name").asString();
        Answer created = send("POST", CRDS, "application/json", crd.toString());
        if (created.code() == 201) {
            createdCrds.add(name);
        } else if (created.code() != 409) {
            throw new IllegalStateException("cannot create CRD " + name + ": " + created.body());
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Answer list = send("GET", "/apis/" + fixture.apiVersion() + "/namespaces/" + namespace + "/"
                    + fixture.plural(), null, null);
            if (list.code() == 200) {
                return;
            }
            // the CRD's resource is served a moment after it is created; nothing to wait on but polling
            Thread.sleep(100);
        }
        throw new IllegalStateException("CRD " + name + " is not served after 30 s");
    }

    @TestFactory
    Stream<DynamicTest> engineAnswersAsTheRealServerDoes() {
        String record = System.getenv("PATCH_FIXTURES_RECORD");
        return PatchFixture.loadAll().stream().map(fixture -> DynamicTest.dynamicTest(fixture.name(), () -> {
            ensureCrd(fixture);
            FixtureReplay.run(fixture, (index, step) -> sendStep(fixture, step), answers -> {
                if (record == null || record.isBlank()) {
                    return;
                }
                for (int i = 0; i < answers.size(); i++) {
                    ObjectNode response = ((ObjectNode) fixture.steps().get(i)).putObject("response");
                    response.put("code", answers.get(i).code());
                    response.set("body", answers.get(i).body());
                }
                fixture.save(Path.of(record));
            });
        }));
    }

    private Answer sendStep(PatchFixture fixture, Step step) {
        String group = fixture.apiVersion().contains("/") ? "/apis/" + fixture.apiVersion() : "/api/v1";
        String collection = group + "/namespaces/" + namespace + "/" + fixture.plural();
        String item = collection + "/" + fixture.objectName();
        String manager = "?fieldManager=" + step.fieldManager();
        String body = step.body().toString();
        return switch (step.action()) {
            case "create" -> send("POST", collection + manager, "application/json", body);
            case "update" -> send("PUT", item + manager, "application/json", body);
            case "patch" -> send("PATCH", item + manager, step.contentType(), body);
            case "apply" -> send("PATCH", item + manager + (step.force() ? "&force=true" : ""),
                    Patches.APPLY_PATCH, body);
            default -> throw new IllegalArgumentException("unknown action " + step.action());
        };
    }

    private Answer send(String method, String pathAndQuery, String contentType, String body) {
        String base = server.toString().replaceAll("/+$", "");
        HttpUrl url = HttpUrl.get(base + pathAndQuery);
        RequestBody requestBody = body == null ? ("DELETE".equals(method) ? RequestBody.create(new byte[0]) : null)
                : RequestBody.create(body, MediaType.get(contentType));
        Request request = new Request.Builder().url(url).method(method, requestBody).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            JsonNode parsed;
            try {
                parsed = PatchFixture.JSON.readTree(text);
            } catch (tools.jackson.core.JacksonException notJson) {
                // e.g. the text/plain "404 page not found" of a CRD's resource that is not served yet
                parsed = tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(text);
            }
            return new Answer(response.code(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        }
    }
}
