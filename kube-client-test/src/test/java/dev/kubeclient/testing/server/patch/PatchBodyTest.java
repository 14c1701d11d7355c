package dev.kubeclient.testing.server.patch;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.kubeclient.testing.server.patch.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Malformed bodies fail with the status the real server gives for each content type (probed on v1.20.2). */
class PatchBodyTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void applyBodiesAreYamlOrJson() {
        assertThat(Patches.parseBody(Patches.APPLY_PATCH, bytes("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: '1'\n")))
                .isEqualTo(json("{'apiVersion':'v1','kind':'ConfigMap','data':{'a':'1'}}"));
        assertThat(Patches.parseBody(Patches.APPLY_PATCH, bytes("{\"kind\":\"ConfigMap\"}")))
                .isEqualTo(json("{'kind':'ConfigMap'}"));
    }

    @Test
    void aMalformedMergePatchIsAServerErrorAsInTheRealServer() {
        assertThatThrownBy(() -> Patches.parseBody(Patches.MERGE_PATCH, bytes("{\"data\":")))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.reason()).isEmpty();
                    assertThat(e.statusMessage()).isEqualTo("Invalid JSON Patch");
                });
    }

    @Test
    void malformedJsonPatchAndStrategicMergePatchAreBadRequests() {
        for (String type : new String[] {Patches.JSON_PATCH, Patches.STRATEGIC_MERGE_PATCH}) {
            assertThatThrownBy(() -> Patches.parseBody(type, bytes("{\"data\":")))
                    .isInstanceOfSatisfying(PatchException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(400);
                        assertThat(e.reason()).isEqualTo("BadRequest");
                        assertThat(e.getMessage()).contains("not valid JSON");
                    });
        }
    }

    @Test
    void anApplyBodyThatIsNotAnObjectIsABadRequest() {
        assertThatThrownBy(() -> Patches.parseBody(Patches.APPLY_PATCH, bytes("[1]")))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.statusMessage()).isEqualTo("error decoding YAML: error unmarshaling JSON: while "
                            + "decoding JSON: json: cannot unmarshal array into Go value of type "
                            + "map[string]interface {}");
                });
        assertThatThrownBy(() -> Patches.parseBody(Patches.APPLY_PATCH, bytes("a: [")))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.statusMessage())
                        .startsWith("error decoding YAML: "));
    }

    @Test
    void anUnknownContentTypeIsUnsupported() {
        assertThatThrownBy(() -> Patches.parseBody("text/plain", bytes("x")))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.httpStatus()).isEqualTo(415));
    }
}
