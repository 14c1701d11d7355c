package dev.kubeclient.scheme;

import dev.kubeclient.rest.KubeJson;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemeTest {

    private final Scheme scheme = Scheme.withBuiltIns();

    @Test
    void builtInsMapKindsToClassesAndBack() {
        GroupVersionKind deployment = new GroupVersionKind("apps", "v1", "Deployment");

        assertThat(scheme.classOf(deployment)).contains(Deployment.class);
        assertThat(scheme.kindOf(Deployment.class)).contains(deployment);
        assertThat(scheme.classOf(new GroupVersionKind("", "v1", "ConfigMapList"))).contains(ConfigMapList.class);
        assertThat(scheme.classOf(new GroupVersionKind("", "v1", "Status"))).contains(Status.class);
    }

    @Test
    void builtInsKnowTheirResourceNameAndScope() {
        ResourceType<NetworkPolicy> policies = scheme.resourceType(NetworkPolicy.class);
        ResourceType<Namespace> namespaces = scheme.resourceType(Namespace.class);

        assertThat(policies.groupVersionResource()).isEqualTo(new GroupVersionResource("networking.k8s.io", "v1", "networkpolicies"));
        assertThat(policies.namespaced()).isTrue();
        assertThat(namespaces.resource()).isEqualTo("namespaces");
        assertThat(namespaces.namespaced()).isFalse();
        assertThat(scheme.find(new GroupVersionResource("", "v1", "endpoints"))).isPresent();
    }

    @Test
    void theGeneratedTableAgreesWithTheAnnotationsAndThePluralRuleForEveryBuiltIn() {
        assertThat(scheme.resourceTypes()).hasSizeGreaterThan(100);
        for (ResourceType<?> builtIn : scheme.resourceTypes()) {
            assertThat(ResourceType.fromAnnotations(builtIn.type(), builtIn.listType()))
                    .as("runtime derivation of %s", builtIn.type().getName())
                    .isEqualTo(builtIn);
        }
    }

    @Test
    void thePluralRuleFollowsKubernetesEnglish() {
        assertThat(KindPlurals.resourceOf("Ingress")).isEqualTo("ingresses");
        assertThat(KindPlurals.resourceOf("NetworkPolicy")).isEqualTo("networkpolicies");
        assertThat(KindPlurals.resourceOf("PodSecurityPolicy")).isEqualTo("podsecuritypolicies");
        assertThat(KindPlurals.resourceOf("Endpoints")).isEqualTo("endpoints");
        assertThat(KindPlurals.resourceOf("ComponentStatus")).isEqualTo("componentstatuses");
        assertThat(KindPlurals.resourceOf("StorageClass")).isEqualTo("storageclasses");
        assertThat(KindPlurals.resourceOf("Gateway")).isEqualTo("gateways");
        assertThat(KindPlurals.resourceOf("Mesh")).isEqualTo("meshes");
        assertThat(KindPlurals.resourceOf("Box")).isEqualTo("boxes");
        assertThat(KindPlurals.pluralOf("CSIStorageCapacity")).isEqualTo("CSIStorageCapacities");
        assertThatThrownBy(() -> KindPlurals.pluralOf(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUsersClassIsDescribedByItsAnnotations() {
        ResourceType<Gizmo> gizmos = scheme.register(Gizmo.class);

        assertThat(gizmos.kind()).isEqualTo(new GroupVersionKind("toys.example.com", "v1alpha1", "Gizmo"));
        assertThat(gizmos.resource()).isEqualTo("gizmos");
        assertThat(gizmos.namespaced()).isTrue();
        assertThat(scheme.classOf(gizmos.kind())).contains(Gizmo.class);
        assertThat(scheme.register(Gizmo.class)).as("registering twice is harmless").isEqualTo(gizmos);
    }

    @Test
    void kindAndPluralAnnotationsOverrideTheDefaults() {
        ResourceType<Thing> things = scheme.resourceType(Thing.class);

        assertThat(things.kind().kind()).isEqualTo("Octopus");
        assertThat(things.resource()).isEqualTo("octopodes");
        assertThat(things.namespaced()).isFalse();
    }

    @Test
    void aClassWithoutGroupOrVersionIsRejectedWithTheFix() {
        assertThatThrownBy(() -> scheme.register(Unannotated.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Unannotated.class.getName())
                .hasMessageContaining("@Group")
                .hasMessageContaining("@Version");
    }

    @Test
    void aKindTakenByAnotherClassIsRejected() {
        assertThatThrownBy(() -> scheme.registerKind(new GroupVersionKind("", "v1", "ConfigMap"), Gizmo.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ConfigMap").hasMessageContaining(ConfigMap.class.getName());
    }

    @Test
    void aBuiltInIsFoundWhicheverWayItIsFirstAskedFor() {
        // Built-ins are loaded on first use: every lookup must find a kind nobody has asked for yet.
        assertThat(Scheme.withBuiltIns().find(new GroupVersionResource("", "v1", "configmaps")))
                .map(type -> (Object) type.type()).contains(ConfigMap.class);
        assertThat(Scheme.withBuiltIns().classOf(new GroupVersionKind("", "v1", "ConfigMapList"))).contains(ConfigMapList.class);
        assertThat(Scheme.withBuiltIns().kindOf(ConfigMapList.class)).contains(new GroupVersionKind("", "v1", "ConfigMapList"));
        assertThat(Scheme.withBuiltIns().find(ConfigMap.class)).map(type -> (Object) type.listType()).contains(ConfigMapList.class);
        assertThat(Scheme.withBuiltIns().kindOf(Status.class)).contains(new GroupVersionKind("", "v1", "Status"));
        assertThat(Scheme.withBuiltIns().kinds()).contains(new GroupVersionKind("apps", "v1", "DeploymentList"));
        assertThat(Scheme.empty().find(ConfigMap.class)).isEmpty();
    }

    @Test
    void aResourceNameTakenByAnUnusedBuiltInIsRejected() {
        ResourceType<Gizmo> clash = new ResourceType<>(new GroupVersionKind("", "v1", "Gizmo"), "configmaps", true, Gizmo.class, null);

        assertThatThrownBy(() -> scheme.register(clash))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configmaps").hasMessageContaining(ConfigMap.class.getName());
    }

    @Test
    void threadsAskingForTheSameBuiltInAtOnceGetOneResourceType() throws Exception {
        Scheme fresh = Scheme.withBuiltIns();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<ResourceType<Deployment>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(pool.submit(() -> fresh.resourceType(Deployment.class)));
            }
            ResourceType<Deployment> first = answers.get(0).get();
            for (java.util.concurrent.Future<ResourceType<Deployment>> answer : answers) {
                assertThat(answer.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void apiVersionsParseWithAndWithoutGroup() {
        assertThat(GroupVersionKind.of("v1", "Pod")).isEqualTo(new GroupVersionKind("", "v1", "Pod"));
        assertThat(GroupVersionKind.of("apps/v1", "Deployment").apiVersion()).isEqualTo("apps/v1");
        assertThatThrownBy(() -> GroupVersionKind.of("a/b/c", "X")).hasMessageContaining("more than one '/'");
        assertThatThrownBy(() -> GroupVersionKind.of(null, "X")).hasMessageContaining("apiVersion is blank");
    }

    @Test
    void theDecoderPicksTheClassFromApiVersionAndKind() {
        ObjectDecoder decoder = new ObjectDecoder(scheme, KubeJson.defaults().mapper());

        Object deployment = decoder.decode(bytes("{\"metadata\":{\"name\":\"x\",\"labels\":{\"kind\":\"no\"}},"
                + "\"kind\":\"Deployment\",\"apiVersion\":\"apps/v1\",\"spec\":{\"replicas\":2}}"));
        Object status = decoder.decode(bytes("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"code\":404}"));
        Object unknown = decoder.decode(bytes("{\"kind\":\"Sprocket\",\"apiVersion\":\"parts.example.com/v1\",\"metadata\":{\"name\":\"s\"}}"));

        assertThat(deployment).isInstanceOfSatisfying(Deployment.class, d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
        assertThat(status).isInstanceOfSatisfying(Status.class, s -> assertThat(s.getCode()).isEqualTo(404));
        assertThat(unknown).isInstanceOf(GenericKubernetesResource.class);
    }

    @Test
    void theDecoderExplainsWhatIsMissing() {
        ObjectDecoder decoder = new ObjectDecoder(scheme, KubeJson.defaults().mapper());

        assertThatThrownBy(() -> decoder.decode(bytes("{\"apiVersion\":\"v1\"}"))).hasMessageContaining("without kind");
        assertThatThrownBy(() -> decoder.decode(bytes("[1]"))).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> decoder.decode(bytes("{\"apiVersion\":\"v1\",\"kind\":\"Status\"}"), ConfigMap.class))
                .hasMessageContaining(ConfigMap.class.getName()).hasMessageContaining("Status");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Group("toys.example.com")
    @Version("v1alpha1")
    static class Gizmo extends Base implements Namespaced {
    }

    @Group("zoo.example.com")
    @Version("v1")
    @Kind("Octopus")
    @Plural("octopodes")
    static class Thing extends Base {
    }

    static class Unannotated extends Base {
    }

    abstract static class Base implements HasMetadata {
        private ObjectMeta metadata;

        @Override
        public ObjectMeta getMetadata() { return metadata; }
        @Override
        public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
        @Override
        public void setApiVersion(String version) { }
    }
}
