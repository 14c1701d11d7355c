package dev.kubeclient.testing.server.patch;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static dev.kubeclient.testing.server.patch.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

class FieldSetTest {

    @Test
    void fieldsV1RoundTripsWithDotMarkingANodeThatIsAlsoAMember() {
        JsonNode fieldsV1 = json("{'f:data':{'.':{},'f:a':{}},'f:metadata':{'f:finalizers':{},"
                + "'f:labels':{'f:x':{}}},'f:spec':{'f:ports':{'k:{\\\"port\\\":80,\\\"protocol\\\":\\\"TCP\\\"}':{"
                + "'.':{},'f:port':{}}}}}");

        FieldSet set = FieldSet.fromFieldsV1(fieldsV1);

        assertThat(set.members()).contains(List.of("f:data"), List.of("f:data", "f:a"),
                List.of("f:metadata", "f:finalizers"), List.of("f:metadata", "f:labels", "f:x"));
        assertThat(set.members()).doesNotContain(List.of("f:metadata"), List.of("f:metadata", "f:labels"));
        assertThat(set.toFieldsV1()).isEqualTo(fieldsV1);
    }

    @Test
    void membersAreSerializedInTheServersOrder() {
        FieldSet set = new FieldSet(new java.util.LinkedHashSet<>(List.of(List.of("f:list", "v:\"b\""),
                List.of("f:list", "k:{\"name\":\"a\"}"), List.of("f:list", "f:z"), List.of("f:list"),
                List.of("f:a"))));

        assertThat(set.toFieldsV1().toString()).isEqualTo(
                "{\"f:a\":{},\"f:list\":{\".\":{},\"f:z\":{},\"k:{\\\"name\\\":\\\"a\\\"}\":{},\"v:\\\"b\\\"\":{}}}");
    }

    @Test
    void pathsAreDescribedAsConflictMessagesPrintThem() {
        assertThat(FieldSet.describe(List.of("f:spec", "f:containers", "k:{\"name\":\"app\"}", "f:image")))
                .isEqualTo(".spec.containers[name=\"app\"].image");
        assertThat(FieldSet.describe(List.of("f:spec", "f:ports", "k:{\"port\":80,\"protocol\":\"TCP\"}")))
                .isEqualTo(".spec.ports[port=80,protocol=\"TCP\"]");
        assertThat(FieldSet.describe(List.of("f:metadata", "f:finalizers", "v:\"x/y\"")))
                .isEqualTo(".metadata.finalizers[=\"x/y\"]");
    }

    @Test
    void removingSubtreesRemovesEverythingBelow() {
        FieldSet set = FieldSet.fromFieldsV1(json("{'f:data':{'.':{},'f:a':{}},'f:b':{}}"));

        FieldSet rest = set.withoutSubtrees(new FieldSet(java.util.Set.of(List.of("f:data"))));

        assertThat(rest.toFieldsV1()).isEqualTo(json("{'f:b':{}}"));
    }

    @Test
    void normalizeDropsEmptyMapsAndListsOfBuiltInsOnly() {
        var configMap = TestJson.object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c',"
                + "'labels':{},'finalizers':[]},'data':{}}");
        var pod = TestJson.object("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{"
                + "'containers':[{'name':'a','resources':{},'env':[]}],'securityContext':{}}}");
        var widget = TestJson.object("{'apiVersion':'example.com/v1','kind':'Widget','spec':{'e':{}}}");

        Patches.normalize(configMap, "v1", "ConfigMap");
        Patches.normalize(pod, "v1", "Pod");
        Patches.normalize(widget, "example.com/v1", "Widget");

        assertThat(configMap).isEqualTo(json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'}}"));
        assertThat(pod.get("spec")).isEqualTo(json("{'containers':[{'name':'a','resources':{}}],"
                + "'securityContext':{}}"));
        assertThat(widget.at("/spec/e")).isEqualTo(json("{}"));
    }
}
