package dev.kubeclient.apply;

import dev.kubeclient.dynamic.Unstructured;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** extract() on a Deployment that three managers wrote on a real API server. */
class ManagedFieldsTest {

    private static Unstructured captured() {
        try (InputStream in = ManagedFieldsTest.class.getResourceAsStream("/apply/deployment-three-managers.json")) {
            return Unstructured.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void extractKeepsOnlyWhatTheManagerAppliedWithTheIdentityOfTheObject() {
        Unstructured mine = captured().extract("manager-b");

        assertThat(mine.toMap()).isEqualTo(Unstructured.fromJson("""
                {"apiVersion":"apps/v1","kind":"Deployment",
                 "metadata":{"name":"web","namespace":"%s","annotations":{"example.com/owner":"team-b"},
                   "finalizers":["example.com/audit"],"labels":{"team":"b"}},
                 "spec":{"selector":{"matchLabels":{"app":"web"}},
                   "template":{"metadata":{"labels":{"app":"web"}},
                     "spec":{"containers":[{"name":"sidecar","image":"envoy:1.30"}]}}}}
                """.formatted(captured().namespace())).toMap());
    }

    @Test
    void extractFollowsKeyedListsWithOneAndTwoMergeKeysAndSetValues() {
        Unstructured mine = captured().extract("manager-a");

        assertThat(mine.finalizers()).containsExactly("example.com/cleanup");
        assertThat(mine.labels()).containsExactly(Map.entry("app", "web"), Map.entry("tier", "frontend"));
        assertThat(mine.nestedLong("spec", "replicas")).hasValue(2);
        List<Object> containers = mine.nestedSlice("spec", "template", "spec", "containers").orElseThrow();
        assertThat(containers).hasSize(1);
        Unstructured app = Unstructured.of(castMap(containers.get(0)));
        assertThat(app.nestedString("name")).contains("app");
        assertThat(app.nestedStringSlice("args")).contains(List.of("--port", "8080"));
        assertThat(app.nestedSlice("env").orElseThrow()).hasSize(2);
        assertThat(app.nestedSlice("ports").orElseThrow()).extracting(p -> castMap(p).get("protocol"))
                .containsExactly("TCP", "UDP");
        // Fields the API server defaulted (terminationMessagePath, imagePullPolicy, strategy...) belong to nobody.
        assertThat(app.nestedField("imagePullPolicy")).isEmpty();
        assertThat(mine.nestedField("spec", "strategy")).isEmpty();
        assertThat(mine.nestedField("spec", "minReadySeconds")).as("editor's update").isEmpty();
        assertThat(mine.nestedField("status")).isEmpty();
        assertThat(mine.resourceVersion()).isNull();
        assertThat(mine.managedFields()).isEmpty();
    }

    @Test
    void aManagerThatOnlyUpdatedOwnsNothingToApply() {
        Unstructured editor = captured().extract("editor");

        assertThat(editor.toMap()).containsOnlyKeys("apiVersion", "kind", "metadata");
        assertThat(editor.nestedMap("metadata").orElseThrow()).containsOnlyKeys("name", "namespace");
        assertThat(ManagedFields.ownedBy(captured().toMap(), "editor")).isEqualTo(FieldSet.empty());
        assertThat(ManagedFields.ownedBy(captured().toMap(), "nobody")).isEqualTo(FieldSet.empty());
    }

    @Test
    void keyFieldsAreKeptEvenWhenTheManagerDoesNotOwnThem() {
        Map<String, Object> object = Unstructured.fromJson("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","managedFields":[
                  {"manager":"m","operation":"Apply","apiVersion":"v1","fieldsType":"FieldsV1",
                   "fieldsV1":{"f:spec":{"f:containers":{"k:{\\"name\\":\\"c\\"}":{"f:image":{}}}}}}]},
                 "spec":{"containers":[{"name":"c","image":"x","command":["sh"]},{"name":"d","image":"y"}]}}
                """).toMap();

        assertThat(ManagedFields.extract(object, "m")).isEqualTo(Unstructured.fromJson("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"x"}]}}
                """).toMap());
    }

    @Test
    void theStatusSubresourceIsExtractedSeparately() {
        Map<String, Object> object = Unstructured.fromJson("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","managedFields":[
                  {"manager":"m","operation":"Apply","apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:a":{}}}},
                  {"manager":"m","operation":"Apply","apiVersion":"v1","fieldsType":"FieldsV1","subresource":"status",
                   "fieldsV1":{"f:status":{"f:phase":{}}}}]},
                 "data":{"a":"1","b":"2"},"status":{"phase":"Ready","other":1}}
                """).toMap();

        assertThat(ManagedFields.extract(object, "m")).containsOnlyKeys("apiVersion", "kind", "metadata", "data");
        assertThat(ManagedFields.extract(object, "m", "status").get("status")).isEqualTo(Map.of("phase", "Ready"));
    }

    @Test
    void typedObjectsAreExtractedIntoTheirOwnClass() {
        Deployment live = captured().toObject(Deployment.class);

        Deployment mine = ManagedFields.extract(live, "manager-b");

        assertThat(mine.getMetadata().getName()).isEqualTo("web");
        assertThat(mine.getMetadata().getLabels()).containsExactly(Map.entry("team", "b"));
        assertThat(mine.getSpec().getReplicas()).isNull();
        assertThat(mine.getSpec().getTemplate().getSpec().getContainers()).singleElement()
                .satisfies(c -> assertThat(c.getImage()).isEqualTo("envoy:1.30"));
        assertThat(mine.getMetadata().getManagedFields()).isEmpty();
        assertThat(live.getSpec().getReplicas()).as("the live object is unchanged").isEqualTo(2);
    }

    @Test
    void blankManagersAndMalformedSetsAreRefused() {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build();

        assertThatThrownBy(() -> ManagedFields.extract(cm, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fieldManager is blank");
        Map<String, Object> bad = Unstructured.fromJson("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","managedFields":[
                  {"manager":"m","operation":"Apply","fieldsV1":{"data":{}}}]}}
                """).toMap();
        assertThatThrownBy(() -> ManagedFields.extract(bad, "m")).hasMessageContaining("fieldsV1 key 'data'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
