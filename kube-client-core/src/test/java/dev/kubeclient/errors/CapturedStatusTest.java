package dev.kubeclient.errors;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.rest.PatchType;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Status bodies captured from a real kube-apiserver (see {@code src/test/resources/status/README.md}), served by
 * MockWebServer, become the typed exceptions a caller branches on.
 */
class CapturedStatusTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private static String captured(String name) throws IOException {
        try (InputStream in = CapturedStatusTest.class.getResourceAsStream("/status/" + name)) {
            assertThat(in).as("resource status/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aServerSideApplyConflictBecomesAConflictExceptionNamingTheOtherManagerAndTheField() throws IOException {
        server.enqueue(new MockResponse.Builder().code(409).addHeader("Content-Type", "application/json")
                .body(captured("ssa-conflict-409.json")).build());
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).build();

        ConflictException conflict;
        try (KubeRestClient client = KubeRestClient.create(config)) {
            conflict = catchThrowableOfType(ConflictException.class, () -> client.patch(PatchType.APPLY)
                    .version("v1").namespace("capture-ssa").resource("configmaps").name("cm2")
                    .param("fieldManager", "bob")
                    .body("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm2\"},"
                            + "\"data\":{\"color\":\"blue\"}}")
                    .bytes());
        }

        assertThat(conflict).isNotNull();
        assertThat(conflict.code()).isEqualTo(409);
        assertThat(conflict.reason()).isEqualTo("Conflict");
        assertThat(ApiErrors.isConflict(conflict)).isTrue();
        assertThat(conflict.statusMessage()).isEqualTo("Apply failed with 1 conflict: conflict with \"alice\": .data.color");
        assertThat(conflict.causes()).containsExactly(
                new ApiErrorCause("FieldManagerConflict", "conflict with \"alice\"", ".data.color"));
        assertThat(conflict.getMessage()).contains("409").contains("alice").contains(".data.color");
    }
}
