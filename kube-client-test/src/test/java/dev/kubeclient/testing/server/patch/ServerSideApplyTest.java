package dev.kubeclient.testing.server.patch;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static dev.kubeclient.testing.server.patch.TestJson.json;
import static dev.kubeclient.testing.server.patch.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerSideApplyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123Z");
    private static final Instant T1 = Instant.parse("2026-01-01T10:00:05Z");
    private static final Instant T2 = Instant.parse("2026-01-01T10:00:09Z");

    private static ObjectNode configMap(String data) {
        return object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'ns'},'data':" + data
                + "}");
    }

    private static ObjectNode apply(ObjectNode live, ObjectNode config, String manager, boolean force, Instant now) {
        return ServerSideApply.apply(live, config, manager, force, config.get("apiVersion").asString(),
                config.get("kind").asString(), now);
    }

    private static JsonNode fieldsOf(ObjectNode object, String manager, String operation) {
        for (JsonNode entry : object.at("/metadata/managedFields")) {
            if (entry.get("manager").asString().equals(manager) && entry.get("operation").asString()
                    .equals(operation)) {
                return entry.get("fieldsV1");
            }
        }
        return null;
    }

    @Test
    void applyCreatesTheObjectWithAnApplyEntry() {
        ObjectNode created = apply(null, configMap("{'a':'1'}"), "alice", false, T0);

        assertThat(created.get("data")).isEqualTo(json("{'a':'1'}"));
        assertThat(created.at("/metadata/managedFields")).isEqualTo(json("[{'manager':'alice','operation':'Apply',"
                + "'apiVersion':'v1','time':'2026-01-01T10:00:00Z','fieldsType':'FieldsV1',"
                + "'fieldsV1':{'f:data':{'f:a':{}}}}]"));
    }

    @Test
    void twoManagersWithDisjointFieldsBothKeepTheirs() {
        ObjectNode live = apply(null, configMap("{'a':'1'}"), "alice", false, T0);

        ObjectNode after = apply(live, configMap("{'b':'2'}"), "bob", false, T1);

        assertThat(after.get("data")).isEqualTo(json("{'a':'1','b':'2'}"));
        assertThat(fieldsOf(after, "alice", "Apply")).isEqualTo(json("{'f:data':{'f:a':{}}}"));
        assertThat(fieldsOf(after, "bob", "Apply")).isEqualTo(json("{'f:data':{'f:b':{}}}"));
    }

    @Test
    void changingAnotherManagersFieldConflictsNamingManagerAndField() {
        ObjectNode live = apply(null, configMap("{'a':'1'}"), "alice", false, T0);

        assertThatThrownBy(() -> apply(live, configMap("{'a':'2'}"), "bob", false, T1))
                .isInstanceOfSatisfying(ApplyConflictException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("Apply failed with 1 conflict: conflict with \"alice\": .data.a");
                    assertThat(e.conflicts())
                            .containsExactly(new ApplyConflictException.Conflict("\"alice\"", ".data.a"));
                    assertThat(e.conflicts().get(0).causeMessage()).isEqualTo("conflict with \"alice\"");
                });
    }

    @Test
    void severalConflictsAreGroupedByManagerAndUpdatersAreNamedWithTheirVersion() {
        ObjectNode live = apply(null, configMap("{'a':'1','b':'2'}"), "alice", false, T0);
        ObjectNode patched = Patches.apply(Patches.MERGE_PATCH, live, json("{'data':{'c':'3'}}"), "v1", "ConfigMap");
        ObjectNode updated = ServerSideApply.recordUpdate(live, patched, "carol", "v1", T1);

        assertThatThrownBy(() -> apply(updated, configMap("{'a':'9','b':'8','c':'7'}"), "bob", false, T2))
                .isInstanceOfSatisfying(ApplyConflictException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "Apply failed with 3 conflicts: conflicts with \"alice\":\n- .data.a\n- .data.b\n"
                                + "conflicts with \"carol\" using v1:\n- .data.c"));
    }

    @Test
    void forceTakesTheFieldFromTheOtherManager() {
        ObjectNode live = apply(null, configMap("{'a':'1','b':'2'}"), "alice", false, T0);

        ObjectNode after = apply(live, configMap("{'a':'9'}"), "bob", true, T1);

        assertThat(after.at("/data/a").asString()).isEqualTo("9");
        assertThat(fieldsOf(after, "alice", "Apply")).isEqualTo(json("{'f:data':{'f:b':{}}}"));
        assertThat(fieldsOf(after, "bob", "Apply")).isEqualTo(json("{'f:data':{'f:a':{}}}"));
    }

    @Test
    void applyingTheSameValueSharesOwnershipAndTheValueStaysUntilTheLastOwnerDropsIt() {
        ObjectNode live = apply(null, configMap("{'a':'1','b':'2'}"), "alice", false, T0);
        ObjectNode shared = apply(live, configMap("{'a':'1'}"), "bob", false, T1);
        assertThat(fieldsOf(shared, "alice", "Apply")).isEqualTo(json("{'f:data':{'f:a':{},'f:b':{}}}"));
        assertThat(fieldsOf(shared, "bob", "Apply")).isEqualTo(json("{'f:data':{'f:a':{}}}"));

        ObjectNode aliceDropsA = apply(shared, configMap("{'b':'2'}"), "alice", false, T2);
        assertThat(aliceDropsA.get("data")).isEqualTo(json("{'a':'1','b':'2'}"));

        ObjectNode bobDropsA = apply(aliceDropsA, configMap("{}"), "bob", false, T2);
        assertThat(bobDropsA.get("data")).isEqualTo(json("{'b':'2'}"));
        assertThat(fieldsOf(bobDropsA, "bob", "Apply")).isNull();
    }

    @Test
    void aFieldTheManagerNoLongerAppliesIsReleasedAndRemoved() {
        ObjectNode live = apply(null, configMap("{'a':'1','b':'2'}"), "alice", false, T0);

        ObjectNode after = apply(live, configMap("{'a':'1'}"), "alice", false, T1);

        assertThat(after.get("data")).isEqualTo(json("{'a':'1'}"));
        assertThat(fieldsOf(after, "alice", "Apply")).isEqualTo(json("{'f:data':{'f:a':{}}}"));
    }

    @Test
    void anUpdateAfterAnApplyMovesOwnershipToTheUpdater() {
        ObjectNode live = apply(null, configMap("{'a':'1','b':'2'}"), "alice", false, T0);
        ObjectNode patched = Patches.apply(Patches.MERGE_PATCH, live, json("{'data':{'b':'3'}}"), "v1", "ConfigMap");

        ObjectNode updated = ServerSideApply.recordUpdate(live, patched, "kubectl-edit", "v1", T1);

        assertThat(fieldsOf(updated, "alice", "Apply")).isEqualTo(json("{'f:data':{'f:a':{}}}"));
        assertThat(fieldsOf(updated, "kubectl-edit", "Update")).isEqualTo(json("{'f:data':{'f:b':{}}}"));
        assertThatThrownBy(() -> apply(updated, configMap("{'a':'1','b':'2'}"), "alice", false, T2))
                .hasMessage("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using v1: .data.b");
    }

    @Test
    void managedFieldsAreSortedApplyFirstThenByTime() {
        ObjectNode live = apply(null, configMap("{'a':'1'}"), "zed", false, T0);
        ObjectNode updated = ServerSideApply.recordUpdate(live,
                Patches.apply(Patches.MERGE_PATCH, live, json("{'data':{'u':'1'}}"), "v1", "ConfigMap"),
                "updater", "v1", T0);
        ObjectNode after = apply(updated, configMap("{'b':'1'}"), "amy", false, T1);

        assertThat(after.at("/metadata/managedFields").findValuesAsString("manager"))
                .containsExactly("zed", "amy", "updater");
    }

    @Test
    void anApplyThatChangesNothingKeepsItsTime() {
        ObjectNode live = apply(null, configMap("{'a':'1'}"), "alice", false, T0);

        ObjectNode again = apply(live, configMap("{'a':'1'}"), "alice", false, T2);

        assertThat(again.at("/metadata/managedFields/0/time").asString()).isEqualTo("2026-01-01T10:00:00Z");
    }

    @Test
    void listItemsAreOwnedByTheirKeysAndAtomicListsAsAWhole() {
        ObjectNode deployment = object("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d',"
                + "'finalizers':['x/f']},'spec':{'selector':{'matchLabels':{'app':'d'}},'template':{'spec':{"
                + "'containers':[{'name':'c','image':'i','ports':[{'containerPort':80}]}],"
                + "'tolerations':[{'key':'k','operator':'Exists'}]}}}}");

        ObjectNode created = apply(null, deployment, "alice", false, T0);

        assertThat(fieldsOf(created, "alice", "Apply")).isEqualTo(json("{'f:metadata':{'f:finalizers':{"
                + "'v:\\\"x/f\\\"':{}}},'f:spec':{'f:selector':{},'f:template':{'f:spec':{'f:containers':{"
                + "'k:{\\\"name\\\":\\\"c\\\"}':{'.':{},'f:image':{},'f:name':{},'f:ports':{"
                + "'k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}':{'.':{},'f:containerPort':{}}}}},"
                + "'f:tolerations':{}}}}}"));
    }

    @Test
    void aSidecarAppliedByAnotherManagerIsMergedAndConflictsAreReportedByItemPath() {
        ObjectNode app = object("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d'},'spec':{"
                + "'template':{'spec':{'containers':[{'name':'app','image':'nginx:1'}]}}}}");
        ObjectNode sidecar = object("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d'},'spec':{"
                + "'template':{'spec':{'containers':[{'name':'proxy','image':'envoy'}]}}}}");
        ObjectNode live = apply(null, app, "alice", false, T0);

        ObjectNode both = apply(live, sidecar, "mesh", false, T1);

        assertThat(both.at("/spec/template/spec/containers").findValuesAsString("name"))
                .containsExactly("app", "proxy");
        ObjectNode retag = object("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d'},'spec':{"
                + "'template':{'spec':{'containers':[{'name':'app','image':'nginx:2'}]}}}}");
        assertThatThrownBy(() -> apply(both, retag, "mesh", false, T2)).hasMessage("Apply failed with 1 conflict: "
                + "conflict with \"alice\": .spec.template.spec.containers[name=\"app\"].image");
    }

    @Test
    void customResourcesAreSchemalessMapsAreMembersAndListsAtomic() {
        ObjectNode widget = object("{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},"
                + "'spec':{'size':1,'tags':['a','b'],'nested':{'x':1},'empty':{}}}");

        ObjectNode created = apply(null, widget, "alice", false, T0);
        ObjectNode patched = Patches.apply(Patches.MERGE_PATCH, created,
                json("{'spec':{'color':'red','obj':{'k':'v'},'tags':['c']}}"), "example.com/v1", "Widget");
        ObjectNode updated = ServerSideApply.recordUpdate(created, patched, "bob", "example.com/v1", T1);

        // as envtest answers (probed with a preserve-unknown-fields CRD)
        assertThat(fieldsOf(created, "alice", "Apply")).isEqualTo(json("{'f:spec':{'.':{},'f:empty':{},"
                + "'f:nested':{'.':{},'f:x':{}},'f:size':{},'f:tags':{}}}"));
        assertThat(fieldsOf(updated, "alice", "Apply")).isEqualTo(json("{'f:spec':{'.':{},'f:empty':{},"
                + "'f:nested':{'.':{},'f:x':{}},'f:size':{}}}"));
        assertThat(fieldsOf(updated, "bob", "Update")).isEqualTo(json("{'f:spec':{'f:color':{},"
                + "'f:obj':{'.':{},'f:k':{}},'f:tags':{}}}"));
    }

    @Test
    void anObjectWithoutManagedFieldsIsOwnedByBeforeFirstApply() {
        ObjectNode legacy = configMap("{'a':'1'}");

        assertThatThrownBy(() -> apply(legacy, configMap("{'a':'2'}"), "alice", false, T1))
                .hasMessage("Apply failed with 1 conflict: conflict with \"before-first-apply\" using v1: .data.a");
    }

    @Test
    void applyNeedsAFieldManager() {
        assertThatThrownBy(() -> apply(null, configMap("{}"), " ", false, T0))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.causes()).extracting(PatchException.Cause::field).containsExactly("fieldManager");
                    assertThat(e.getMessage()).contains("fieldManager query parameter");
                });
    }

    @Test
    void recordUpdateGivesACreatorEveryFieldWithMapsAsMembers() {
        ObjectNode created = ServerSideApply.recordUpdate(null, object("{'apiVersion':'v1','kind':'ConfigMap',"
                + "'metadata':{'name':'c','labels':{'x':'1'},'finalizers':['x/a']},'data':{'a':'1'},'binaryData':{}}"),
                "kubectl-create", "v1", T0);

        assertThat(created.has("binaryData")).isFalse();
        assertThat(fieldsOf(created, "kubectl-create", "Update")).isEqualTo(json("{'f:data':{'.':{},'f:a':{}},"
                + "'f:metadata':{'f:finalizers':{'.':{},'v:\\\"x/a\\\"':{}},'f:labels':{'.':{},'f:x':{}}}}"));
    }

    @Test
    void recordUpdateThatChangesNothingLeavesTheEntriesAlone() {
        ObjectNode created = ServerSideApply.recordUpdate(null, configMap("{'a':'1'}"), "creator", "v1", T0);

        ObjectNode same = ServerSideApply.recordUpdate(created, created, "other", "v1", T1);

        assertThat(same.at("/metadata/managedFields")).isEqualTo(created.at("/metadata/managedFields"));
    }

    @Test
    void recordUpdateRemovesDeletedFieldsFromEveryManager() {
        ObjectNode created = ServerSideApply.recordUpdate(null, configMap("{'a':'1','b':'2'}"), "creator", "v1", T0);
        ObjectNode withoutA = configMap("{'b':'2'}");
        withoutA.set("metadata", created.get("metadata").deepCopy());

        ObjectNode updated = ServerSideApply.recordUpdate(created, withoutA, "remover", "v1", T1);

        assertThat(fieldsOf(updated, "creator", "Update")).isEqualTo(json("{'f:data':{'.':{},'f:b':{}}}"));
        assertThat(fieldsOf(updated, "remover", "Update")).isNull();
    }

    @Test
    void clientSuppliedEmptyManagedFieldsResetOwnership() {
        ObjectNode created = ServerSideApply.recordUpdate(null, configMap("{'a':'1'}"), "creator", "v1", T0);
        ObjectNode reset = configMap("{'a':'2'}");
        ((ObjectNode) reset.get("metadata")).putArray("managedFields");

        ObjectNode updated = ServerSideApply.recordUpdate(created, reset, "editor", "v1", T1);

        assertThat(updated.at("/metadata/managedFields").findValuesAsString("manager")).containsExactly("editor");
    }
}
