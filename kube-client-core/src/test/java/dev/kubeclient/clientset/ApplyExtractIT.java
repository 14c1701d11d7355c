package dev.kubeclient.clientset;

import dev.kubeclient.apply.FieldSet;
import dev.kubeclient.apply.ManagedFields;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.DynamicResource;
import dev.kubeclient.dynamic.Unstructured;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.errors.ConflictException;
import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.scheme.GroupVersionResource;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Server-side apply of objects read from the server, and "read mine, change, apply" with extract, on a real API
 * server: what an apply body may carry was decided from these answers.
 */
@IntegrationTest
class ApplyExtractIT {

    private static final GroupVersionResource CONFIGMAPS = GroupVersionResource.parse("v1/configmaps");

    private static Clientset clientset;
    private static DynamicClient dynamic;
    private static String ns;

    @BeforeAll
    static void connect(RealCluster cluster) {
        clientset = EnvtestClientsets.admin(cluster);
        dynamic = DynamicClient.create(clientset.typed().rest());
        ns = EnvtestClientsets.newNamespace(clientset, "apply-extract");
    }

    @AfterAll
    static void close() {
        if (clientset != null) {
            clientset.coreV1().namespaces().delete(ns);
            clientset.close();
        }
    }

    private static ConfigMap configMap(String name, Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().withData(data).build();
    }

    @Test
    void anObjectReadFromTheServerCanBeAppliedAsItIsTypedAndDynamic() {
        var configMaps = clientset.coreV1().configMaps(ns);
        configMaps.apply(configMap("fetched", Map.of("a", "1")), ApplyOptions.fieldManager("alice"));
        ConfigMap fetched = configMaps.get("fetched");
        assertThat(fetched.getMetadata().getManagedFields()).isNotEmpty();

        fetched.getData().put("a", "2");
        ConfigMap typed = configMaps.apply(fetched, ApplyOptions.fieldManager("alice"));
        assertThat(typed.getData()).containsEntry("a", "2");

        DynamicResource dynamicConfigMaps = dynamic.resource(CONFIGMAPS).namespace(ns);
        Unstructured read = dynamicConfigMaps.get("fetched");
        Unstructured applied = dynamicConfigMaps.apply(read.setNested("3", "data", "a"), ApplyOptions.fieldManager("alice"));
        assertThat(applied.nestedString("data", "a")).contains("3");
    }

    @Test
    void aFetchedObjectWrittenAsYamlCanBeAppliedAsText() {
        var configMaps = clientset.coreV1().configMaps(ns);
        configMaps.apply(configMap("as-yaml", Map.of("a", "1")), ApplyOptions.fieldManager("alice"));
        ConfigMap fetched = configMaps.get("as-yaml");
        fetched.getData().put("a", "2");
        String yaml = YAMLMapper.builder().build().writeValueAsString(
                clientset.typed().rest().json().mapper().valueToTree(fetched));
        assertThat(yaml).contains("managedFields:").contains("resourceVersion:");

        ConfigMap applied = configMaps.apply("as-yaml", yaml, ApplyOptions.fieldManager("alice"));

        assertThat(applied.getData()).containsEntry("a", "2");
    }

    @Test
    void theResourceVersionOfAnAppliedObjectIsAPrecondition() {
        var configMaps = clientset.coreV1().configMaps(ns);
        configMaps.apply(configMap("guarded", Map.of("a", "1")), ApplyOptions.fieldManager("alice"));
        ConfigMap stale = configMaps.get("guarded");
        configMaps.apply(configMap("guarded", Map.of("b", "1")), ApplyOptions.fieldManager("bob"));

        stale.getData().put("a", "2");
        assertThatThrownBy(() -> configMaps.apply(stale, ApplyOptions.fieldManager("alice")))
                .isInstanceOf(ConflictException.class)
                .matches(ApiErrors::isConflict);

        ConfigMap current = configMaps.get("guarded");
        current.getData().put("a", "2");
        assertThat(configMaps.apply(current, ApplyOptions.fieldManager("alice")).getData()).containsEntry("a", "2");
    }

    private static Deployment deployment(String name) {
        return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().endSpec().endTemplate().endSpec().build();
    }

    @Test
    void extractChangeApplyKeepsToTheManagersOwnFieldsAndLeavesTheOthersAlone() {
        var deployments = clientset.appsV1().deployments(ns);
        Deployment a = new DeploymentBuilder(deployment("web")).editMetadata().addToLabels("tier", "frontend").endMetadata()
                .editSpec().withReplicas(2).editTemplate().editSpec()
                .addNewContainer().withName("app").withImage("nginx:1.25").addNewEnv().withName("MODE").withValue("fast").endEnv()
                .addNewPort().withContainerPort(8080).withProtocol("TCP").endPort().endContainer()
                .endSpec().endTemplate().endSpec().build();
        Deployment b = new DeploymentBuilder(deployment("web")).editMetadata().addToAnnotations("example.com/owner", "team-b")
                .endMetadata().editSpec().editTemplate().editSpec()
                .addNewContainer().withName("sidecar").withImage("envoy:1.30").endContainer()
                .endSpec().endTemplate().endSpec().build();
        deployments.apply(a, ApplyOptions.fieldManager("manager-a"));
        Deployment before = deployments.apply(b, ApplyOptions.fieldManager("manager-b"));
        FieldSet ownedByA = ManagedFields.ownedBy(Unstructured.fromObject(before).toMap(), "manager-a");

        // Read mine, change, apply: no force needed, nothing of manager-b's is claimed.
        Deployment mine = ManagedFields.extract(deployments.get("web"), "manager-a");
        assertThat(mine.getMetadata().getAnnotations()).isNullOrEmpty();
        assertThat(mine.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName).containsExactly("app");
        mine.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.27");
        Deployment after = deployments.apply(mine, ApplyOptions.fieldManager("manager-a"));

        List<Container> containers = after.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).extracting(Container::getName).containsExactlyInAnyOrder("app", "sidecar");
        assertThat(containers).filteredOn(c -> c.getName().equals("app")).singleElement()
                .satisfies(c -> {
                    assertThat(c.getImage()).isEqualTo("nginx:1.27");
                    assertThat(c.getEnv()).singleElement().satisfies(e -> assertThat(e.getValue()).isEqualTo("fast"));
                });
        assertThat(containers).filteredOn(c -> c.getName().equals("sidecar")).singleElement()
                .satisfies(c -> assertThat(c.getImage()).isEqualTo("envoy:1.30"));
        assertThat(after.getMetadata().getAnnotations()).containsEntry("example.com/owner", "team-b");
        assertThat(after.getSpec().getReplicas()).isEqualTo(2);
        assertThat(fieldsV1(after, "manager-b")).isEqualTo(fieldsV1(before, "manager-b"));
        assertThat(ManagedFields.ownedBy(Unstructured.fromObject(after).toMap(), "manager-a"))
                .as("manager-a owns what it owned before, and no more").isEqualTo(ownedByA);

        // The contrast: applying the whole live object makes manager-a a co-owner of manager-b's sidecar.
        Deployment whole = deployments.apply(deployments.get("web"), ApplyOptions.fieldManager("manager-a"));
        assertThat(ManagedFields.ownedBy(Unstructured.fromObject(whole).toMap(), "manager-a").paths())
                .anySatisfy(p -> assertThat(p).contains("containers[name=\"sidecar\"]"));
    }

    @Test
    void extractChangeApplyWorksTheSameOnUnstructured() {
        DynamicResource configMaps = dynamic.resource(CONFIGMAPS).namespace(ns);
        configMaps.apply(new Unstructured().setApiVersion("v1").setKind("ConfigMap").setName("shared")
                .setNested("blue", "data", "color"), ApplyOptions.fieldManager("alice"));
        configMaps.apply(new Unstructured().setApiVersion("v1").setKind("ConfigMap").setName("shared")
                .setNested("large", "data", "size").setNested("b", "metadata", "labels", "owner"),
                ApplyOptions.fieldManager("bob"));
        Unstructured live = configMaps.get("shared");
        Object bobsBefore = fieldsV1(live, "bob");

        Unstructured mine = live.extract("alice");
        assertThat(mine.nestedMap("data").orElseThrow()).containsOnlyKeys("color");
        Unstructured after = configMaps.apply(mine.setNested("green", "data", "color"), ApplyOptions.fieldManager("alice"));

        assertThat(after.nestedString("data", "color")).contains("green");
        assertThat(after.nestedString("data", "size")).contains("large");
        assertThat(after.labels()).containsEntry("owner", "b");
        assertThat(fieldsV1(after, "bob")).isEqualTo(bobsBefore);
    }

    private static Object fieldsV1(Deployment d, String manager) {
        return fieldsV1(Unstructured.fromObject(d), manager);
    }

    private static Object fieldsV1(Unstructured u, String manager) {
        return u.managedFields().stream().filter(m -> m.getManager().equals(manager))
                .map(ManagedFieldsEntry::getFieldsV1).map(f -> Unstructured.fromObject(f).toMap()).toList();
    }
}
