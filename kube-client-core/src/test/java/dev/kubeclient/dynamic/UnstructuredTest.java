package dev.kubeclient.dynamic;

import dev.kubeclient.scheme.GroupVersionKind;
import dev.kubeclient.errors.KubeClientException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnstructuredTest {

    private static final String DEPLOYMENT = """
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","namespace":"prod","uid":"u-1","resourceVersion":"42","generation":3,
                         "labels":{"app":"web"},"annotations":{"note":"x"},
                         "ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"u-0","controller":true}],
                         "managedFields":[{"manager":"kubectl","operation":"Apply","apiVersion":"apps/v1","fieldsType":"FieldsV1"}]},
             "spec":{"replicas":2,"paused":false,"ratio":0.5,
                     "template":{"spec":{"containers":[{"name":"app","image":"nginx"}]}},
                     "strategy":null}}
            """;

    @Test
    void metadataHelpersReadTheCommonFields() {
        Unstructured d = Unstructured.fromJson(DEPLOYMENT);

        assertThat(d.apiVersion()).isEqualTo("apps/v1");
        assertThat(d.kind()).isEqualTo("Deployment");
        assertThat(d.groupVersionKind()).isEqualTo(new GroupVersionKind("apps", "v1", "Deployment"));
        assertThat(d.name()).isEqualTo("web");
        assertThat(d.namespace()).isEqualTo("prod");
        assertThat(d.uid()).isEqualTo("u-1");
        assertThat(d.resourceVersion()).isEqualTo("42");
        assertThat(d.generation()).isEqualTo(3);
        assertThat(d.labels()).containsExactly(Map.entry("app", "web"));
        assertThat(d.annotations()).containsExactly(Map.entry("note", "x"));
        assertThat(d.ownerReferences()).singleElement().satisfies(o -> {
            assertThat(o.getName()).isEqualTo("owner");
            assertThat(o.getController()).isTrue();
        });
        assertThat(d.managedFields()).singleElement().satisfies(m -> assertThat(m.getManager()).isEqualTo("kubectl"));
    }

    @Test
    void missingMetadataReadsAsNullOrEmpty() {
        Unstructured empty = new Unstructured();

        assertThat(empty.name()).isNull();
        assertThat(empty.namespace()).isNull();
        assertThat(empty.generation()).isZero();
        assertThat(empty.labels()).isEmpty();
        assertThat(empty.ownerReferences()).isEmpty();
        assertThat(empty.finalizers()).isEmpty();
    }

    @Test
    void settersBuildAnObjectFromScratch() {
        Unstructured cm = new Unstructured().setApiVersion("v1").setKind("ConfigMap").setName("settings")
                .setNamespace("prod").setLabels(Map.of("app", "web"))
                .setNested("on", "data", "feature");

        assertThat(cm.toJson()).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":"
                + "\"settings\",\"namespace\":\"prod\",\"labels\":{\"app\":\"web\"}},\"data\":{\"feature\":\"on\"}}");
    }

    @Test
    void nestedReadersFollowAPath() {
        Unstructured d = Unstructured.fromJson(DEPLOYMENT);

        assertThat(d.nestedLong("spec", "replicas")).hasValue(2);
        assertThat(d.nestedBoolean("spec", "paused")).contains(false);
        assertThat(d.nestedDouble("spec", "ratio")).contains(0.5);
        assertThat(d.nestedSlice("spec", "template", "spec", "containers")).get().asList().hasSize(1);
        assertThat(d.nestedMap("spec", "template")).get().extracting(m -> m.containsKey("spec")).isEqualTo(true);
        assertThat(d.nestedString("spec", "nothing", "here")).isEmpty();
        assertThat(d.nestedField("spec", "strategy")).isEmpty(); // JSON null
    }

    @Test
    void readingAFieldAsTheWrongTypeNamesThePathAndBothTypes() {
        Unstructured d = Unstructured.fromJson(DEPLOYMENT);

        assertThatThrownBy(() -> d.nestedString("spec", "replicas"))
                .isInstanceOf(UnstructuredFieldException.class)
                .hasMessage("field 'spec.replicas' of Deployment 'prod/web' is number, expected string");
        assertThatThrownBy(() -> d.nestedString("spec", "replicas", "deeper"))
                .isInstanceOf(UnstructuredFieldException.class)
                .hasMessageContaining("'spec.replicas'").hasMessageContaining("expected object");
        assertThatThrownBy(() -> d.nestedLong("spec", "ratio")).hasMessageContaining("expected integer");
    }

    @Test
    void nestedMapsAndSlicesAreCopies() {
        Unstructured d = Unstructured.fromJson(DEPLOYMENT);

        d.nestedMap("metadata", "labels").orElseThrow().put("app", "changed");
        d.nestedSlice("spec", "template", "spec", "containers").orElseThrow().clear();

        assertThat(d.labels()).containsEntry("app", "web");
        assertThat(d.nestedSlice("spec", "template", "spec", "containers")).get().asList().hasSize(1);
    }

    @Test
    void setNestedCreatesIntermediateObjectsAndCopiesTheValue() {
        Unstructured u = new Unstructured();
        Map<String, Object> value = new java.util.HashMap<>(Map.of("k", 1));

        u.setNested(value, "a", "b", "c");
        value.put("k", 2);

        assertThat(u.nestedLong("a", "b", "c", "k")).hasValue(1);
    }

    @Test
    void setNestedRefusesToWalkThroughAScalar() {
        Unstructured u = new Unstructured().setNested("x", "a");

        assertThatThrownBy(() -> u.setNested(1, "a", "b"))
                .isInstanceOf(UnstructuredFieldException.class).hasMessageContaining("field 'a'");
    }

    @Test
    void setNestedRejectsValuesWithoutAJsonForm() {
        Unstructured u = new Unstructured();

        assertThatThrownBy(() -> u.setNested(new Object(), "spec", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'spec.x'").hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> u.setNested(Map.of(1, "a"), "spec"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a string");
        assertThatThrownBy(() -> u.setNested("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path is empty");
    }

    @Test
    void removeNestedDeletesAFieldAndIgnoresMissingPaths() {
        Unstructured d = Unstructured.fromJson(DEPLOYMENT);

        d.removeNested("spec", "replicas").removeNested("no", "such", "path");

        assertThat(d.nestedLong("spec", "replicas")).isEmpty();
    }

    @Test
    void integersFromJsonAndFromJavaAreEqual() {
        Unstructured fromJson = Unstructured.fromJson("{\"spec\":{\"replicas\":2}}");
        Unstructured fromJava = new Unstructured().setNested(2, "spec", "replicas");

        assertThat(fromJson).isEqualTo(fromJava);
        assertThat(fromJson.hashCode()).isEqualTo(fromJava.hashCode());
    }

    @Test
    void deepCopyIsIndependent() {
        Unstructured d = Unstructured.fromJson(DEPLOYMENT);
        Unstructured copy = d.deepCopy();

        copy.setNested(5, "spec", "replicas");
        copy.setLabels(Map.of());

        assertThat(d.nestedLong("spec", "replicas")).hasValue(2);
        assertThat(d.labels()).isNotEmpty();
        assertThat(copy).isNotEqualTo(d);
    }

    @Test
    void jsonRoundTripKeepsEveryFieldIncludingNulls() {
        Unstructured d = Unstructured.fromJson(DEPLOYMENT);

        Unstructured again = Unstructured.fromJson(d.toJsonBytes());

        assertThat(again).isEqualTo(d);
        assertThat(d.toJson()).contains("\"strategy\":null");
    }

    @Test
    void typedObjectsConvertBothWaysWithoutUnsetFields() {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("c").withNamespace("n").endMetadata()
                .addToData("k", "v").build();

        Unstructured u = Unstructured.fromObject(cm);

        assertThat(u.toMap()).isEqualTo(Map.of("apiVersion", "v1", "kind", "ConfigMap", "data", Map.of("k", "v"),
                "metadata", Map.of("name", "c", "namespace", "n")));
        assertThat(u.toObject(ConfigMap.class)).isEqualTo(cm);
    }

    @Test
    void ownerReferencesCanBeSetFromTypedValues() {
        Unstructured u = new Unstructured().setOwnerReferences(List.of(new OwnerReferenceBuilder()
                .withApiVersion("v1").withKind("ConfigMap").withName("o").withUid("u").build()));

        assertThat(u.nestedSlice("metadata", "ownerReferences")).get().asList().singleElement()
                .isEqualTo(Map.of("apiVersion", "v1", "kind", "ConfigMap", "name", "o", "uid", "u"));
        assertThat(u.setOwnerReferences(List.of()).nestedField("metadata", "ownerReferences")).isEmpty();
    }

    @Test
    void groupVersionKindNeedsBothFields() {
        assertThatThrownBy(() -> new Unstructured().setKind("Pod").groupVersionKind())
                .isInstanceOf(UnstructuredFieldException.class).hasMessageContaining("no apiVersion");
    }

    @Test
    void toStringNeverShowsTheContent() {
        Unstructured secret = Unstructured.fromJson(
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\",\"namespace\":\"n\"},"
                        + "\"data\":{\"password\":\"aHVudGVyMg==\"}}");

        assertThat(secret).hasToString("Unstructured[apiVersion=v1, kind=Secret, namespace=n, name=s]");
    }

    @Test
    void malformedJsonIsAClearErrorWithoutTheInput() {
        assertThatThrownBy(() -> Unstructured.fromJson("{\"data\":{\"password\":\"hunter2\""))
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("not a JSON object")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> Unstructured.fromJson("[1,2]")).isInstanceOf(KubeClientException.class);
    }

    @Test
    void listsFillInEachItemsKindAndKeepPagingMetadata() {
        UnstructuredList list = UnstructuredList.fromJson("""
                {"apiVersion":"v1","kind":"ConfigMapList",
                 "metadata":{"resourceVersion":"77","continue":"tok","remainingItemCount":5},
                 "items":[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}]}
                """);

        assertThat(list.items()).extracting(Unstructured::name).containsExactly("a", "b");
        assertThat(list.items()).allSatisfy(i -> {
            assertThat(i.apiVersion()).isEqualTo("v1");
            assertThat(i.kind()).isEqualTo("ConfigMap");
        });
        assertThat(list.resourceVersion()).isEqualTo("77");
        assertThat(list.continueToken()).isEqualTo("tok");
        assertThat(list.remainingItemCount()).hasValue(5);
        assertThat(UnstructuredList.fromJson(list.toJson()).items()).isEqualTo(list.items());
    }

    @Test
    void aListWithoutItemsIsEmptyAndALastPageHasNoContinueToken() {
        UnstructuredList list = UnstructuredList.fromJson("{\"kind\":\"PodList\",\"metadata\":{\"continue\":\"\"}}");

        assertThat(list.items()).isEmpty();
        assertThat(list.continueToken()).isNull();
    }

    @Test
    void aListWithMalformedItemsSaysWhichItem() {
        assertThatThrownBy(() -> UnstructuredList.fromJson("{\"kind\":\"PodList\",\"items\":[{},3]}"))
                .isInstanceOf(KubeClientException.class).hasMessageContaining("item 1");
    }
}
