package dev.kubeclient.testing.server.patch;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static dev.kubeclient.testing.server.patch.TestJson.json;
import static dev.kubeclient.testing.server.patch.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategicMergePatchTest {

    private static final ObjectNode DEPLOYMENT = object("{'apiVersion':'apps/v1','kind':'Deployment',"
            + "'metadata':{'name':'d','labels':{'app':'d','tier':'web'},'finalizers':['x/a','x/b']},"
            + "'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}},"
            + "'template':{'spec':{"
            + "'containers':[{'name':'app','image':'nginx:1','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],"
            + "'ports':[{'containerPort':80,'protocol':'TCP'}],'volumeMounts':[{'name':'v','mountPath':'/v'}]},"
            + "{'name':'side','image':'busybox'}],"
            + "'volumes':[{'name':'v','emptyDir':{}}],"
            + "'tolerations':[{'key':'a','operator':'Exists'}]}}}}");

    private static ObjectNode strategic(ObjectNode target, String patch) {
        return Patches.apply(Patches.STRATEGIC_MERGE_PATCH, target, json(patch), target.get("apiVersion").asString(),
                target.get("kind").asString());
    }

    private static ObjectNode podSpec(ObjectNode deployment) {
        return (ObjectNode) deployment.at("/spec/template/spec");
    }

    @Test
    void containersMergeByNameAndEnvByName() {
        ObjectNode patched = strategic(DEPLOYMENT, "{'spec':{'template':{'spec':{'containers':["
                + "{'name':'app','image':'nginx:2','env':[{'name':'B','value':'22'},{'name':'C','value':'3'}]},"
                + "{'name':'new','image':'redis'}]}}}}");

        assertThat(podSpec(patched).get("containers")).isEqualTo(json("["
                + "{'name':'app','image':'nginx:2','env':[{'name':'A','value':'1'},{'name':'B','value':'22'},"
                + "{'name':'C','value':'3'}],'ports':[{'containerPort':80,'protocol':'TCP'}],"
                + "'volumeMounts':[{'name':'v','mountPath':'/v'}]},"
                // the real server's order: the patch's items in patch order, a new one before the server's
                // remaining items (see the smp-containers fixture: a lone new container goes first)
                + "{'name':'new','image':'redis'},{'name':'side','image':'busybox'}]"));
    }

    @Test
    void portsMergeByContainerPortAndVolumeMountsByMountPath() {
        ObjectNode patched = strategic(DEPLOYMENT, "{'spec':{'template':{'spec':{'containers':[{'name':'app',"
                + "'ports':[{'containerPort':80,'name':'http'},{'containerPort':443}],"
                + "'volumeMounts':[{'mountPath':'/v','readOnly':true}]}]}}}}");

        ObjectNode app = (ObjectNode) podSpec(patched).get("containers").get(0);
        assertThat(app.get("ports")).isEqualTo(json(
                "[{'containerPort':80,'protocol':'TCP','name':'http'},{'containerPort':443}]"));
        assertThat(app.get("volumeMounts")).isEqualTo(json("[{'name':'v','mountPath':'/v','readOnly':true}]"));
    }

    @Test
    void patchDeleteRemovesAListItemByItsMergeKey() {
        ObjectNode patched = strategic(DEPLOYMENT, "{'spec':{'template':{'spec':{'containers':["
                + "{'name':'side','$patch':'delete'},{'name':'app','env':[{'name':'A','$patch':'delete'}]}]}}}}");

        assertThat(podSpec(patched).get("containers")).hasSize(1);
        assertThat(podSpec(patched).at("/containers/0/env")).isEqualTo(json("[{'name':'B','value':'2'}]"));
    }

    @Test
    void patchReplaceInAListReplacesTheWholeList() {
        ObjectNode patched = strategic(DEPLOYMENT, "{'spec':{'template':{'spec':{'containers':["
                + "{'$patch':'replace'},{'name':'only','image':'x'}]}}}}");

        assertThat(podSpec(patched).get("containers")).isEqualTo(json("[{'name':'only','image':'x'}]"));
    }

    @Test
    void patchReplaceAndDeleteInMaps() {
        ObjectNode patched = strategic(DEPLOYMENT, "{'metadata':{'labels':{'$patch':'replace','new':'1'}},"
                + "'spec':{'strategy':{'$patch':'delete'}}}");

        assertThat(patched.at("/metadata/labels")).isEqualTo(json("{'new':'1'}"));
        assertThat(patched.get("spec").has("strategy")).isFalse();
    }

    @Test
    void retainKeysClearsTheFieldsItDoesNotList() {
        ObjectNode patched = strategic(DEPLOYMENT, "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'},"
                + "'template':{'spec':{'volumes':[{'name':'v','$retainKeys':['name','configMap'],"
                + "'configMap':{'name':'cfg'}}]}}}}");

        assertThat(patched.at("/spec/strategy")).isEqualTo(json("{'type':'Recreate'}"));
        assertThat(podSpec(patched).get("volumes")).isEqualTo(json("[{'name':'v','configMap':{'name':'cfg'}}]"));
    }

    @Test
    void finalizersMergeAsAUnionInThePatchOrderAndDeleteFromPrimitiveListRemoves() {
        assertThat(strategic(DEPLOYMENT, "{'metadata':{'finalizers':['x/c','x/a']}}").at("/metadata/finalizers"))
                .isEqualTo(json("['x/c','x/a','x/b']"));
        assertThat(strategic(DEPLOYMENT, "{'metadata':{'finalizers':['x/b','x/c']}}").at("/metadata/finalizers"))
                .isEqualTo(json("['x/a','x/b','x/c']"));
        assertThat(strategic(DEPLOYMENT, "{'metadata':{'finalizers':[]}}").at("/metadata/finalizers"))
                .isEqualTo(json("['x/a','x/b']"));
        assertThat(strategic(DEPLOYMENT, "{'metadata':{'$deleteFromPrimitiveList/finalizers':['x/a']}}")
                .at("/metadata/finalizers")).isEqualTo(json("['x/b']"));
    }

    @Test
    void setElementOrderOrdersTheMergedList() {
        ObjectNode patched = strategic(DEPLOYMENT, "{'metadata':{'$setElementOrder/finalizers':['x/b','x/a']},"
                + "'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'side'},{'name':'app'}],"
                + "'containers':[{'name':'side','image':'busybox:2'}]}}}}");

        assertThat(patched.at("/metadata/finalizers")).isEqualTo(json("['x/b','x/a']"));
        assertThat(podSpec(patched).at("/containers/0/image").asString()).isEqualTo("busybox:2");
        assertThat(podSpec(patched).at("/containers/1/name").asString()).isEqualTo("app");
    }

    @Test
    void listsWithoutAPatchStrategyAreReplaced() {
        ObjectNode patched = strategic(DEPLOYMENT, "{'spec':{'template':{'spec':{'tolerations':[{'key':'b',"
                + "'operator':'Exists'}]}}}}");

        assertThat(podSpec(patched).get("tolerations")).isEqualTo(json("[{'key':'b','operator':'Exists'}]"));
    }

    @Test
    void nullDeletesAndServicePortsMergeByPort() {
        ObjectNode service = object("{'apiVersion':'v1','kind':'Service','metadata':{'name':'s'},'spec':{"
                + "'selector':{'app':'a'},'ports':[{'port':80,'name':'http'},{'port':443,'name':'https'}]}}");

        ObjectNode patched = strategic(service, "{'spec':{'selector':null,'ports':[{'port':443,'name':'tls'}]}}");

        assertThat(patched.get("spec")).isEqualTo(json(
                "{'ports':[{'port':80,'name':'http'},{'port':443,'name':'tls'}]}"));
    }

    @Test
    void aNewerVersionOfABuiltInKindUsesTheKindOfAnotherVersionOfItsGroup() {
        ObjectNode cronJob = object("{'apiVersion':'batch/v1','kind':'CronJob','metadata':{'name':'c'},'spec':{"
                + "'jobTemplate':{'spec':{'template':{'spec':{'containers':[{'name':'a','image':'1'}]}}}}}}");

        ObjectNode patched = strategic(cronJob, "{'spec':{'jobTemplate':{'spec':{'template':{'spec':{"
                + "'containers':[{'name':'b','image':'2'}]}}}}}}");

        assertThat(patched.at("/spec/jobTemplate/spec/template/spec/containers")).hasSize(2);
    }

    @Test
    void customResourcesAreRefusedWithUnsupportedMediaType() {
        ObjectNode widget = object("{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'}}");

        assertThat(Patches.supportsStrategicMerge("example.com/v1", "Widget")).isFalse();
        assertThat(Patches.supportsStrategicMerge("v1", "ConfigMap")).isTrue();
        assertThatThrownBy(() -> strategic(widget, "{'spec':{}}")).isInstanceOfSatisfying(PatchException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(415);
            assertThat(e.reason()).isEqualTo("UnsupportedMediaType");
            assertThat(e.statusMessage()).isEqualTo("the body of the request was in an unknown format - accepted "
                    + "media types include: application/json-patch+json, application/merge-patch+json, "
                    + "application/apply-patch+yaml");
            assertThat(e.getMessage()).contains("example.com/v1 Widget is not a built-in type");
        });
    }

    @Test
    void badDirectivesAndMissingMergeKeysAreServerErrorsAsInTheRealServer() {
        assertThatThrownBy(() -> strategic(DEPLOYMENT, "{'metadata':{'$patch':'frob'}}"))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.getMessage()).startsWith("unknown patch type: frob in map");
                });
        assertThatThrownBy(() -> strategic(DEPLOYMENT,
                "{'spec':{'template':{'spec':{'containers':[{'image':'x'}]}}}}"))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("does not contain declared merge key: name");
                });
        assertThatThrownBy(() -> strategic(DEPLOYMENT, "{'metadata':{'finalizers':[{'$patch':'replace'}]}}"))
                .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.getMessage())
                        .startsWith("list element types are not identical"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsABadRequest() {
        assertThatThrownBy(() -> strategic(DEPLOYMENT, "[1]")).isInstanceOfSatisfying(PatchException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.statusMessage()).isEqualTo(
                    "json: cannot unmarshal array into Go value of type map[string]interface {}");
        });
    }
}
