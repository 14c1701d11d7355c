package dev.kubeclient.apply;

import dev.kubeclient.rest.KubeJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplyBodyTest {

    private static ObjectNode tree(String json) {
        return (ObjectNode) KubeJson.defaults().mapper().readTree(json);
    }

    @Test
    void managedFieldsAreRemovedAndReportedWithTheReason() {
        ObjectNode body = tree("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","resourceVersion":"7","uid":"u",
                 "managedFields":[{"manager":"a"},{"manager":"b"}]},"data":{"a":"1"},"status":{"x":1}}""");

        ApplyBody.Prepared prepared = ApplyBody.prepare(body, "configmaps ns/c");

        assertThat(prepared.removed()).containsExactly("metadata.managedFields (2 entries): the server requires it "
                + "to be absent from an apply body and records ownership itself");
        assertThat(prepared.body().toString()).isEqualTo("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","resourceVersion":"7","uid":"u"},\
                "data":{"a":"1"},"status":{"x":1}}""");
    }

    @Test
    void anEmptyManagedFieldsListIsRemovedTooAsTheServerRefusesItAsWell() {
        ApplyBody.Prepared prepared = ApplyBody.prepare(tree("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","managedFields":[]}}"""), "c");

        assertThat(prepared.body().path("metadata").has("managedFields")).isFalse();
        assertThat(prepared.removed()).singleElement().asString().startsWith("metadata.managedFields (0 entries)");
    }

    @Test
    void aCleanBodyIsLeftAlone() {
        ApplyBody.Prepared prepared = ApplyBody.prepare(tree("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}"""), "c");

        assertThat(prepared.removed()).isEmpty();
    }

    @Test
    void aBodyWithoutTypeOrNameIsRefusedNamingWhatIsMissing() {
        assertThatThrownBy(() -> ApplyBody.prepare(tree("{\"metadata\":{}}"), "configmaps ns/c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("server-side apply of configmaps ns/c needs apiVersion, kind, metadata.name in "
                        + "the object");
        assertThatThrownBy(() -> ApplyBody.prepare(tree("{\"apiVersion\":\"v1\",\"kind\":\"\",\"metadata\":{\"name\":\"c\"}}"), "c"))
                .hasMessageStartingWith("server-side apply of c needs kind in the object");
    }
}
