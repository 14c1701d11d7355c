package dev.kubeclient.testing.server.patch;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static dev.kubeclient.testing.server.patch.TestJson.json;
import static dev.kubeclient.testing.server.patch.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonMergePatchTest {

    private static final ObjectNode CONFIG_MAP = object(
            "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','labels':{'a':'1','b':'2'},"
                    + "'finalizers':['x/a','x/b']},'data':{'k':'v','gone':'soon'}}");

    private static ObjectNode mergePatch(ObjectNode target, String patch) {
        return Patches.apply(Patches.MERGE_PATCH, target, json(patch), "v1", "ConfigMap");
    }

    @Test
    void nullDeletesObjectsMergeAndListsAreReplaced() {
        ObjectNode patched = mergePatch(CONFIG_MAP,
                "{'metadata':{'labels':{'a':null,'c':'3'},'finalizers':['x/c']},'data':{'gone':null}}");

        assertThat(patched).isEqualTo(object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c',"
                + "'labels':{'b':'2','c':'3'},'finalizers':['x/c']},'data':{'k':'v'}}"));
    }

    @Test
    void targetIsNotModified() {
        ObjectNode before = CONFIG_MAP.deepCopy();

        mergePatch(CONFIG_MAP, "{'data':null}");

        assertThat(CONFIG_MAP).isEqualTo(before);
    }

    @Test
    void anEmptiedMapOfABuiltInTypeDisappearsAsTheRealServerDropsIt() {
        ObjectNode patched = mergePatch(CONFIG_MAP, "{'data':{'k':null,'gone':null}}");

        assertThat(patched.has("data")).isFalse();
    }

    @Test
    void contentTypeParametersAreIgnored() {
        ObjectNode patched = Patches.apply("application/merge-patch+json; charset=utf-8", CONFIG_MAP,
                json("{'data':{'k':'w'}}"), "v1", "ConfigMap");

        assertThat(patched.at("/data/k").asString()).isEqualTo("w");
    }

    @Test
    void aPatchThatIsNotAnObjectIsInvalidWithACauseOnThePatch() {
        assertThatThrownBy(() -> mergePatch(CONFIG_MAP, "[1]"))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.reason()).isEqualTo("Invalid");
                    assertThat(e.causes()).singleElement().satisfies(cause -> {
                        assertThat(cause.type()).isEqualTo("FieldValueInvalid");
                        assertThat(cause.field()).isEqualTo("patch");
                    });
                    assertThat(e.getMessage()).contains("must be a JSON object");
                });
    }

    @Test
    void anUnknownContentTypeIsUnsupportedMediaType() {
        assertThatThrownBy(() -> Patches.apply("text/plain", CONFIG_MAP, json("{}"), "v1", "ConfigMap"))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(415);
                    assertThat(e.reason()).isEqualTo("UnsupportedMediaType");
                    assertThat(e.statusMessage()).isEqualTo("415: Unsupported Media Type");
                    assertThat(e.getMessage()).contains("text/plain").contains(Patches.MERGE_PATCH);
                });
    }
}
