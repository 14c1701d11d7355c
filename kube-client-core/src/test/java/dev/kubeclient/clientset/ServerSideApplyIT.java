package dev.kubeclient.clientset;

import dev.kubeclient.meta.ApplyOptions;

import dev.kubeclient.errors.ApiErrorCause;
import dev.kubeclient.errors.ConflictException;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The ownership story of server-side apply, step by step, on one ConfigMap. */
@IntegrationTest
class ServerSideApplyIT {

    private static Clientset clientset;
    private static String ns;

    @BeforeAll
    static void connect(RealCluster cluster) {
        clientset = EnvtestClientsets.admin(cluster);
        ns = EnvtestClientsets.newNamespace(clientset, "typed-ssa");
    }

    @AfterAll
    static void close() {
        if (clientset != null) {
            clientset.coreV1().namespaces().delete(ns);
            clientset.close();
        }
    }

    private static ConfigMap intent(Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName("shared").endMetadata().withData(data).build();
    }

    @Test
    void managersOwnDisjointFieldsConflictForceAndRelease() {
        var configMaps = clientset.coreV1().configMaps(ns);

        // Two managers, disjoint fields: no conflict, both recorded.
        configMaps.apply(intent(Map.of("color", "blue")), ApplyOptions.fieldManager("alice"));
        ConfigMap both = configMaps.apply(intent(Map.of("size", "large")), ApplyOptions.fieldManager("bob"));
        assertThat(both.getData()).containsEntry("color", "blue").containsEntry("size", "large");
        assertThat(fieldsOf(both, "alice")).contains("f:color").doesNotContain("f:size");
        assertThat(fieldsOf(both, "bob")).contains("f:size").doesNotContain("f:color");

        // A third manager sets alice's field to another value: a typed 409 naming alice and the field.
        ConflictException conflict = catchThrowableOfType(ConflictException.class,
                () -> configMaps.apply(intent(Map.of("color", "red")), ApplyOptions.fieldManager("carol")));
        assertThat(conflict.code()).isEqualTo(409);
        assertThat(conflict.causes()).extracting(ApiErrorCause::field).contains(".data.color");
        assertThat(conflict.causes()).extracting(ApiErrorCause::message).anySatisfy(m -> assertThat(m).contains("\"alice\""));
        assertThat(configMaps.get("shared").getData()).containsEntry("color", "blue");

        // With force, carol takes the field over.
        ConfigMap forced = configMaps.apply(intent(Map.of("color", "red")), ApplyOptions.fieldManager("carol").forced());
        assertThat(forced.getData()).containsEntry("color", "red");
        assertThat(fieldsOf(forced, "carol")).contains("f:color");
        assertThat(entryOf(forced, "alice")).as("alice owned only color, so she no longer appears").isEmpty();

        // bob stops applying size: he gives it up, and as nobody else owns it the server removes it.
        ConfigMap released = configMaps.apply(intent(Map.of("shape", "round")), ApplyOptions.fieldManager("bob"));
        assertThat(fieldsOf(released, "bob")).contains("f:shape").doesNotContain("f:size");
        assertThat(released.getData()).doesNotContainKey("size").containsEntry("shape", "round").containsEntry("color", "red");
    }

    @Test
    void aFieldTwoManagersShareSurvivesWhenOneLetsGo() {
        var configMaps = clientset.coreV1().configMaps(ns);
        ConfigMap first = new ConfigMapBuilder().withNewMetadata().withName("co-owned").endMetadata()
                .addToData("region", "eu").build();

        configMaps.apply(first, ApplyOptions.fieldManager("dave"));
        // Same value: co-ownership, not a conflict.
        configMaps.apply(first, ApplyOptions.fieldManager("erin"));
        ConfigMap afterDrop = configMaps.apply(new ConfigMapBuilder().withNewMetadata().withName("co-owned").endMetadata()
                .addToData("zone", "a").build(), ApplyOptions.fieldManager("dave"));

        assertThat(afterDrop.getData()).containsEntry("region", "eu").containsEntry("zone", "a");
        assertThat(fieldsOf(afterDrop, "dave")).contains("f:zone").doesNotContain("f:region");
        assertThat(fieldsOf(afterDrop, "erin")).contains("f:region");
    }

    @Test
    void applyDryRunChangesNothing() {
        var configMaps = clientset.coreV1().configMaps(ns);

        ConfigMap answer = configMaps.apply(new ConfigMapBuilder().withNewMetadata().withName("dry-apply").endMetadata()
                .addToData("a", "1").build(), ApplyOptions.builder().fieldManager("frank").dryRun(true).build());

        assertThat(answer.getData()).containsEntry("a", "1");
        assertThat(configMaps.list().getItems()).extracting(c -> c.getMetadata().getName()).doesNotContain("dry-apply");
    }

    private static Optional<ManagedFieldsEntry> entryOf(ConfigMap cm, String manager) {
        return cm.getMetadata().getManagedFields().stream()
                .filter(e -> manager.equals(e.getManager()) && "Apply".equals(e.getOperation())).findFirst();
    }

    /** The managed field set of one manager, as JSON text ({@code {"f:data":{"f:color":{}}}}). */
    private static String fieldsOf(ConfigMap cm, String manager) {
        ManagedFieldsEntry entry = entryOf(cm, manager)
                .orElseThrow(() -> new AssertionError(manager + " has no Apply entry in " + cm.getMetadata().getManagedFields()));
        return dev.kubeclient.rest.KubeJson.defaults().writeString(entry.getFieldsV1());
    }
}
