package dev.kubeclient.dynamic;

import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.discovery.CachedDiscoveryClient;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.discovery.EnvtestClients;
import dev.kubeclient.scheme.GroupVersionResource;
import dev.kubeclient.discovery.RestMapper;
import dev.kubeclient.discovery.RestMapping;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The dynamic client on the envtest server: ConfigMaps, a CRD and its custom objects, the mapper finding it. */
@IntegrationTest
class DynamicClientIT {

    private static final GroupVersionResource NAMESPACES = GroupVersionResource.parse("v1/namespaces");
    private static final GroupVersionResource CONFIGMAPS = GroupVersionResource.parse("v1/configmaps");
    private static final GroupVersionResource CRDS =
            GroupVersionResource.parse("apiextensions.k8s.io/v1/customresourcedefinitions");

    private static KubeRestClient rest;
    private static DynamicClient dynamic;
    private static String namespace;

    @BeforeAll
    static void setUp() {
        rest = EnvtestClients.admin(RealCluster.fromEnvironment(), "dynamic-it");
        dynamic = DynamicClient.create(rest);
        namespace = RealCluster.uniqueName("dyn");
        dynamic.resource(NAMESPACES).create(new Unstructured().setApiVersion("v1").setKind("Namespace").setName(namespace));
    }

    @AfterAll
    static void tearDown() {
        if (rest != null) {
            // Without controllers the namespace stays Terminating; deleting it still marks it as ours to drop.
            dynamic.resource(NAMESPACES).delete(namespace);
            rest.close();
        }
    }

    @Test
    void configMapsGoThroughTheWholeLifecycle() {
        DynamicResource cms = dynamic.resource(CONFIGMAPS).namespace(namespace);
        Unstructured cm = new Unstructured().setApiVersion("v1").setKind("ConfigMap").setName("settings")
                .setLabels(Map.of("app", "dyn-it")).setNested("v1", "data", "version");

        Unstructured created = cms.create(cm);
        assertThat(created.uid()).isNotBlank();
        assertThat(created.namespace()).isEqualTo(namespace);

        Unstructured read = cms.get("settings");
        assertThat(read.nestedString("data", "version")).contains("v1");

        read.setNested("v2", "data", "version");
        Unstructured updated = cms.update(read);
        assertThat(updated.resourceVersion()).isNotEqualTo(created.resourceVersion());

        Unstructured stale = read.deepCopy().setResourceVersion(created.resourceVersion());
        assertThatThrownBy(() -> cms.update(stale)).matches(ApiErrors::isConflict);

        Unstructured patched = cms.patch("settings", PatchType.MERGE, Map.of("data", Map.of("extra", "yes")));
        assertThat(patched.nestedStringMap("data")).get().isEqualTo(Map.of("version", "v2", "extra", "yes"));

        UnstructuredList list = cms.list(ListOptions.builder().labelSelector("app=dyn-it").build());
        assertThat(list.items()).extracting(Unstructured::name).containsExactly("settings");
        assertThat(list.resourceVersion()).isNotBlank();

        cms.create(new Unstructured().setApiVersion("v1").setKind("ConfigMap").setName("second")
                .setLabels(Map.of("app", "dyn-it")));
        assertThat(cms.listAll(ListOptions.builder().labelSelector("app=dyn-it").limit(1).build())
                .map(Unstructured::name).toList()).containsExactlyInAnyOrder("settings", "second");

        cms.delete("settings");
        assertThatThrownBy(() -> cms.get("settings")).matches(ApiErrors::isNotFound);
        cms.deleteCollection(dev.kubeclient.meta.DeleteOptions.DEFAULTS,
                ListOptions.builder().labelSelector("app=dyn-it").build());
        assertThat(cms.list(ListOptions.builder().labelSelector("app=dyn-it").build()).items()).isEmpty();
    }

    @Test
    void applyOwnsFieldsAndConflictsNeedForce() {
        DynamicResource cms = dynamic.resource(CONFIGMAPS).namespace(namespace);
        Unstructured intent = new Unstructured().setApiVersion("v1").setKind("ConfigMap").setName("applied")
                .setNested("a", "data", "owned");

        Unstructured first = cms.apply(intent);
        assertThat(first.managedFields()).extracting(m -> m.getManager()).contains("dynamic-it");

        Unstructured rival = intent.deepCopy().setNested("b", "data", "owned");
        assertThatThrownBy(() -> cms.apply(rival, ApplyOptions.fieldManager("rival"))).matches(ApiErrors::isConflict);
        Unstructured forced = cms.apply(rival, ApplyOptions.fieldManager("rival").forced());
        assertThat(forced.nestedString("data", "owned")).contains("b");
    }

    @Test
    void aCustomResourceIsCreatedServedAndFoundByTheMapperAfterARefresh() {
        String group = RealCluster.uniqueName("dyn") + ".example.com";
        RestMapper mapper = RestMapper.create(CachedDiscoveryClient.wrap(DiscoveryClient.create(rest)));
        assertThat(mapper.mappingFor("ConfigMap").resource()).isEqualTo(CONFIGMAPS); // discovery now cached

        Unstructured crd = Unstructured.of(Map.of(
                "apiVersion", "apiextensions.k8s.io/v1", "kind", "CustomResourceDefinition",
                "metadata", Map.of("name", "widgets." + group),
                "spec", Map.of("group", group, "scope", "Namespaced",
                        "names", Map.of("plural", "widgets", "singular", "widget", "kind", "Widget",
                                "shortNames", List.of("wdg")),
                        "versions", List.of(Map.of("name", "v1", "served", true, "storage", true,
                                "subresources", Map.of("status", Map.of()),
                                "schema", Map.of("openAPIV3Schema", Map.of("type", "object",
                                        "x-kubernetes-preserve-unknown-fields", true)))))));
        dynamic.resource(CRDS).create(crd);
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    established(dynamic.resource(CRDS).get("widgets." + group)));

            // The mapper's cache predates the CRD: once the refresh interval is over, a miss asks for the group again.
            RestMapping widget = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> mapper.mappingFor("Widget." + group), m -> m != null);
            GroupVersionResource widgets = new GroupVersionResource(group, "v1", "widgets");
            assertThat(widget.resource()).isEqualTo(widgets);
            assertThat(widget.namespaced()).isTrue();
            assertThat(mapper.resourceFor("wdg." + group).resource()).isEqualTo(widgets);

            DynamicResource client = dynamic.resource(widgets).namespace(namespace);
            Unstructured w = new Unstructured().setApiVersion(group + "/v1").setKind("Widget").setName("w1")
                    .setNested(3, "spec", "size");
            Unstructured created = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> client.create(w), c -> c != null);
            assertThat(created.nestedLong("spec", "size")).hasValue(3);

            Unstructured read = client.get("w1");
            read.setNested(4, "spec", "size");
            assertThat(client.update(read).nestedLong("spec", "size")).hasValue(4);

            Unstructured applied = client.apply(new Unstructured().setApiVersion(group + "/v1").setKind("Widget")
                    .setName("w1").setNested("blue", "spec", "color"), ApplyOptions.fieldManager("dyn-apply"));
            assertThat(applied.nestedString("spec", "color")).contains("blue");
            assertThat(applied.nestedLong("spec", "size")).hasValue(4);

            Unstructured status = client.applyStatus(new Unstructured().setApiVersion(group + "/v1").setKind("Widget")
                    .setName("w1").setNested("Ready", "status", "phase"), ApplyOptions.fieldManager("dyn-apply"));
            assertThat(status.nestedString("status", "phase")).contains("Ready");

            assertThat(client.list().items()).extracting(Unstructured::name).containsExactly("w1");
            client.delete("w1");
            assertThatThrownBy(() -> client.get("w1")).matches(ApiErrors::isNotFound);
        } finally {
            dynamic.resource(CRDS).delete("widgets." + group);
        }
    }

    private static boolean established(Unstructured crd) {
        return crd.nestedSlice("status", "conditions").orElse(List.of()).stream()
                .map(c -> (Map<?, ?>) c)
                .anyMatch(c -> "Established".equals(c.get("type")) && "True".equals(c.get("status")));
    }
}
