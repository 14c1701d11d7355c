package dev.kubeclient.testing.server.patch;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static dev.kubeclient.testing.server.patch.TestJson.json;
import static dev.kubeclient.testing.server.patch.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPatchTest {

    private static final ObjectNode TARGET = object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c',"
            + "'annotations':{'e.com/x':'1','t~k':'2'},'finalizers':['x/a','x/b']},'data':{'a':'1','b':'2'}}");

    private static ObjectNode jsonPatch(String patch) {
        return Patches.apply(Patches.JSON_PATCH, TARGET, json(patch), "v1", "ConfigMap");
    }

    private static void assertInvalid(String patch, String detail) {
        assertThatThrownBy(() -> jsonPatch(patch)).isInstanceOfSatisfying(PatchException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(422);
            assertThat(e.reason()).isEqualTo("Invalid");
            assertThat(e.statusMessage()).isEqualTo("the server rejected our request due to an error in our request");
            assertThat(e.causes()).isEmpty();
            assertThat(e.getMessage()).contains(detail);
        });
    }

    @Test
    void addInsertsIntoObjectsAndArraysAndDashAppends() {
        ObjectNode patched = jsonPatch("[{'op':'add','path':'/data/c','value':'3'},"
                + "{'op':'add','path':'/metadata/finalizers/0','value':'x/first'},"
                + "{'op':'add','path':'/metadata/finalizers/-','value':'x/last'}]");

        assertThat(patched.at("/data/c").asString()).isEqualTo("3");
        assertThat(patched.at("/metadata/finalizers")).isEqualTo(json("['x/first','x/a','x/b','x/last']"));
    }

    @Test
    void removeReplaceMoveAndCopy() {
        ObjectNode patched = jsonPatch("[{'op':'remove','path':'/data/b'},"
                + "{'op':'replace','path':'/data/a','value':'10'},"
                + "{'op':'copy','from':'/data/a','path':'/data/copy'},"
                + "{'op':'move','from':'/metadata/finalizers/1','path':'/metadata/finalizers/0'}]");

        assertThat(patched.get("data")).isEqualTo(json("{'a':'10','copy':'10'}"));
        assertThat(patched.at("/metadata/finalizers")).isEqualTo(json("['x/b','x/a']"));
    }

    @Test
    void pointerTokensUnescapeTildeOneAndTildeZero() {
        ObjectNode patched = jsonPatch("[{'op':'replace','path':'/metadata/annotations/e.com~1x','value':'9'},"
                + "{'op':'remove','path':'/metadata/annotations/t~0k'}]");

        assertThat(patched.at("/metadata/annotations")).isEqualTo(json("{'e.com/x':'9'}"));
    }

    @Test
    void replaceOfAMissingMemberAddsItAsTheRealServerDoes() {
        assertThat(jsonPatch("[{'op':'replace','path':'/data/new','value':'x'}]").at("/data/new").asString())
                .isEqualTo("x");
    }

    @Test
    void aPassingTestLetsTheRestApplyAndNumbersCompareByValue() {
        ObjectNode target = object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','generation':2}}");

        ObjectNode patched = Patches.apply(Patches.JSON_PATCH, target,
                json("[{'op':'test','path':'/metadata/generation','value':2.0},"
                        + "{'op':'add','path':'/data','value':{'k':'v'}}]"), "v1", "ConfigMap");

        assertThat(patched.at("/data/k").asString()).isEqualTo("v");
    }

    @Test
    void aFailedTestRejectsTheWholePatch() {
        assertInvalid("[{'op':'add','path':'/data/c','value':'3'},{'op':'test','path':'/data/a','value':'2'}]",
                "test operation 1 failed: /data/a is \"1\", not \"2\"");
    }

    @Test
    void missingPathsBadIndexesAndUnknownOpsAreInvalid() {
        assertInvalid("[{'op':'remove','path':'/data/zz'}]", "path /data/zz does not exist");
        assertInvalid("[{'op':'add','path':'/nope/zz','value':1}]", "path /nope/zz does not exist");
        assertInvalid("[{'op':'replace','path':'/metadata/finalizers/5','value':'x'}]", "out of range");
        assertInvalid("[{'op':'frob','path':'/data/a'}]", "unknown op 'frob'");
        assertInvalid("[{'op':'add','path':'/data/a'}]", "lacks 'value'");
        assertInvalid("[{'op':'add','path':'data/a','value':1}]", "must start with '/'");
        assertInvalid("[{'op':'move','path':'/data/c'}]", "lacks a string 'from'");
    }

    @Test
    void aBodyThatIsNotAnArrayIsABadRequest() {
        assertThatThrownBy(() -> jsonPatch("{'op':'add'}")).isInstanceOfSatisfying(PatchException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.reason()).isEqualTo("BadRequest");
            assertThat(e.statusMessage())
                    .isEqualTo("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        });
    }
}
