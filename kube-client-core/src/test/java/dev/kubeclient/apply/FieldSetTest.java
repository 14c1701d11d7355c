package dev.kubeclient.apply;

import dev.kubeclient.apply.FieldSet.PathElement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the FieldsV1 format, from sets a real API server wrote (see src/test/resources/apply/README.md). */
class FieldSetTest {

    /** manager-a's set from the captured Deployment. */
    private static final String MANAGER_A = """
            {"f:metadata":{"f:finalizers":{"v:\\"example.com/cleanup\\"":{}},"f:labels":{"f:app":{},"f:tier":{}}},
             "f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},
             "f:spec":{"f:containers":{"k:{\\"name\\":\\"app\\"}":{".":{},"f:args":{},
               "f:env":{"k:{\\"name\\":\\"LEVEL\\"}":{".":{},"f:name":{},"f:value":{}},
                        "k:{\\"name\\":\\"MODE\\"}":{".":{},"f:name":{},"f:value":{}}},
               "f:image":{},"f:name":{},
               "f:ports":{"k:{\\"containerPort\\":8080,\\"protocol\\":\\"TCP\\"}":{".":{},"f:containerPort":{},"f:name":{},"f:protocol":{}},
                          "k:{\\"containerPort\\":8080,\\"protocol\\":\\"UDP\\"}":{".":{},"f:containerPort":{},"f:name":{},"f:protocol":{}}}}}}}}}
            """;

    @Test
    void everyOwnedPathOfACapturedSetIsRead() {
        FieldSet set = FieldSet.parse(MANAGER_A);

        assertThat(set.paths()).containsExactly(
                ".metadata.finalizers[=\"example.com/cleanup\"]",
                ".metadata.labels.app",
                ".metadata.labels.tier",
                ".spec.replicas",
                ".spec.selector",
                ".spec.template.metadata.labels.app",
                ".spec.template.spec.containers[name=\"app\"]",
                ".spec.template.spec.containers[name=\"app\"].args",
                ".spec.template.spec.containers[name=\"app\"].env[name=\"LEVEL\"]",
                ".spec.template.spec.containers[name=\"app\"].env[name=\"LEVEL\"].name",
                ".spec.template.spec.containers[name=\"app\"].env[name=\"LEVEL\"].value",
                ".spec.template.spec.containers[name=\"app\"].env[name=\"MODE\"]",
                ".spec.template.spec.containers[name=\"app\"].env[name=\"MODE\"].name",
                ".spec.template.spec.containers[name=\"app\"].env[name=\"MODE\"].value",
                ".spec.template.spec.containers[name=\"app\"].image",
                ".spec.template.spec.containers[name=\"app\"].name",
                ".spec.template.spec.containers[name=\"app\"].ports[containerPort=8080,protocol=\"TCP\"]",
                ".spec.template.spec.containers[name=\"app\"].ports[containerPort=8080,protocol=\"TCP\"].containerPort",
                ".spec.template.spec.containers[name=\"app\"].ports[containerPort=8080,protocol=\"TCP\"].name",
                ".spec.template.spec.containers[name=\"app\"].ports[containerPort=8080,protocol=\"TCP\"].protocol",
                ".spec.template.spec.containers[name=\"app\"].ports[containerPort=8080,protocol=\"UDP\"]",
                ".spec.template.spec.containers[name=\"app\"].ports[containerPort=8080,protocol=\"UDP\"].containerPort",
                ".spec.template.spec.containers[name=\"app\"].ports[containerPort=8080,protocol=\"UDP\"].name",
                ".spec.template.spec.containers[name=\"app\"].ports[containerPort=8080,protocol=\"UDP\"].protocol");
    }

    @Test
    void keysWithSeveralMergeKeysMatchItemsByValueWhateverTheNumberType() {
        FieldSet ports = FieldSet.parse(MANAGER_A).child(new PathElement.Field("spec"))
                .child(new PathElement.Field("template")).child(new PathElement.Field("spec"))
                .child(new PathElement.Field("containers")).child(new PathElement.Key(Map.of("name", "app")))
                .child(new PathElement.Field("ports"));
        PathElement.Key tcp = (PathElement.Key) ports.children().keySet().iterator().next();

        assertThat(tcp.fields()).containsExactly(Map.entry("containerPort", 8080), Map.entry("protocol", "TCP"));
        assertThat(tcp.matches(Map.of("containerPort", 8080L, "protocol", "TCP", "name", "http"))).isTrue();
        assertThat(tcp.matches(Map.of("containerPort", 8080.0, "protocol", "TCP"))).isTrue();
        assertThat(tcp.matches(Map.of("containerPort", 8080, "protocol", "UDP"))).isFalse();
        assertThat(tcp.matches(Map.of("containerPort", 8080))).as("a key field missing").isFalse();
        assertThat(tcp.matches("not an object")).isFalse();
    }

    @Test
    void setValuesMatchListItemsEqualToThem() {
        FieldSet finalizers = FieldSet.parse(MANAGER_A).child(new PathElement.Field("metadata"))
                .child(new PathElement.Field("finalizers"));

        assertThat(finalizers.children()).containsOnlyKeys(new PathElement.Value("example.com/cleanup"));
        assertThat(new PathElement.Value("example.com/cleanup").matches("example.com/cleanup")).isTrue();
        assertThat(new PathElement.Value(3).matches(3L)).isTrue();
        assertThat(FieldSet.parse("{\"v:{\\\"a\\\":[1,2]}\":{}}").children())
                .containsOnlyKeys(new PathElement.Value(Map.of("a", List.of(1, 2))));
    }

    @Test
    void theDotMarksTheNodeItselfAndEmptySetsAreLeaves() {
        FieldSet set = FieldSet.parse("{\"f:data\":{\".\":{},\"f:a\":{}},\"f:b\":{}}");
        FieldSet data = set.child(new PathElement.Field("data"));

        assertThat(data.self()).isTrue();
        assertThat(data.isEmpty()).isFalse();
        assertThat(set.child(new PathElement.Field("b")).isEmpty()).isTrue();
        assertThat(set.child(new PathElement.Field("absent"))).isEqualTo(FieldSet.empty());
        assertThat(set.paths()).containsExactly(".data", ".data.a", ".b");
    }

    @Test
    void indexKeysNameListPositions() {
        FieldSet set = FieldSet.parse("{\"f:items\":{\"i:0\":{\"f:x\":{}},\"i:2\":{}}}");

        assertThat(set.paths()).containsExactly(".items[0].x", ".items[2]");
    }

    @Test
    void aParsedTreeReadsLikeItsText() {
        assertThat(FieldSet.parse(Map.of("f:spec", Map.of("f:replicas", Map.of()))))
                .isEqualTo(FieldSet.parse("{\"f:spec\":{\"f:replicas\":{}}}"));
    }

    @Test
    void theUnionOfTwoSetsHoldsBothPaths() {
        FieldSet a = FieldSet.parse("{\"f:spec\":{\"f:replicas\":{}}}");
        FieldSet b = FieldSet.parse("{\"f:spec\":{\"f:paused\":{}},\"f:data\":{\".\":{}}}");

        assertThat(a.union(b).paths()).containsExactly(".spec.replicas", ".spec.paused", ".data");
        assertThat(a.union(FieldSet.empty())).isEqualTo(a);
    }

    @Test
    void malformedSetsAreRefusedNamingTheKeyAndWhere() {
        assertThatThrownBy(() -> FieldSet.parse("{\"f:spec\":{\"x:y\":{}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fieldsV1 key 'x:y' at .spec has an unknown prefix 'x:'; expected f:, k:, v:, i: or '.'");
        assertThatThrownBy(() -> FieldSet.parse("{\"replicas\":{}}"))
                .hasMessage("fieldsV1 key 'replicas' has no known prefix; expected f:, k:, v:, i: or '.'");
        assertThatThrownBy(() -> FieldSet.parse("{\"f:c\":{\"k:{name\":{}}}"))
                .hasMessageStartingWith("fieldsV1 key 'k:{name' at .c does not hold valid JSON after its prefix");
        assertThatThrownBy(() -> FieldSet.parse("{\"f:c\":{\"k:[1]\":{}}}"))
                .hasMessage("fieldsV1 key 'k:[1]' at .c must hold a non-empty JSON object of key fields");
        assertThatThrownBy(() -> FieldSet.parse("{\"f:c\":{\"i:x\":{}}}"))
                .hasMessage("fieldsV1 key 'i:x' at .c must hold a list index");
        assertThatThrownBy(() -> FieldSet.parse("{\"f:spec\":[]}"))
                .hasMessage("fieldsV1 at .spec must be a JSON object, found []");
        assertThatThrownBy(() -> FieldSet.parse("not json")).hasMessageStartingWith("fieldsV1 is not JSON");
    }
}
