package dev.kubeclient.dynamic;

import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.meta.CreateOptions;
import dev.kubeclient.meta.DeleteOptions;
import dev.kubeclient.meta.GetOptions;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.meta.PatchOptions;
import dev.kubeclient.meta.PropagationPolicy;
import dev.kubeclient.meta.UpdateOptions;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.scheme.GroupVersionResource;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.watch.ResilientWatcher;
import dev.kubeclient.watch.StreamingLists;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchHandler;
import dev.kubeclient.watch.WatchEvent;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class DynamicClientTest {

    private static final GroupVersionResource DEPLOYMENTS = GroupVersionResource.parse("apps/v1/deployments");
    private static final GroupVersionResource CONFIGMAPS = GroupVersionResource.parse("v1/configmaps");
    private static final GroupVersionResource WIDGETS = GroupVersionResource.parse("example.com/v1/widgets");
    private static final String CM = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\","
            + "\"namespace\":\"ns\",\"resourceVersion\":\"5\"},\"data\":{\"k\":\"v\"}}";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private KubeRestClient rest;

    private DynamicClient client(String fieldManager) {
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).fieldManager(fieldManager).build();
        rest = KubeRestClient.builder(config).httpClient(new OkHttpClient()).build();
        return DynamicClient.create(rest);
    }

    private DynamicClient client() {
        return client(null);
    }

    @AfterEach
    void tearDown() {
        if (rest != null) {
            rest.close();
        }
    }

    private void answer(String json) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(json).build());
    }

    private RecordedRequest taken() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    private static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().string(StandardCharsets.UTF_8);
    }

    private static Unstructured configMap() {
        return new Unstructured().setApiVersion("v1").setKind("ConfigMap").setName("c").setNamespace("ns")
                .setNested("v", "data", "k");
    }

    @Test
    void getAddressesANamespacedObjectAndDecodesIt() throws Exception {
        answer(CM);

        Unstructured cm = client().resource(CONFIGMAPS).namespace("ns").get("c");

        RecordedRequest r = taken();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/ns/configmaps/c");
        assertThat(cm.nestedString("data", "k")).contains("v");
        assertThat(cm.resourceVersion()).isEqualTo("5");
    }

    @Test
    void getOfAClusterScopedObjectWithResourceVersionAndSubresource() throws Exception {
        answer("{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"spec\":{\"replicas\":3}}");

        Unstructured scale = client().resource(DEPLOYMENTS).namespace("prod").get("web", GetOptions.resourceVersion("0"), "scale");

        assertThat(taken().getTarget()).isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web/scale?resourceVersion=0");
        assertThat(scale.kind()).isEqualTo("Scale");
    }

    @Test
    void clusterScopeHasNoNamespaceSegment() throws Exception {
        answer("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"}}");

        client().resource(WIDGETS).get("w");

        assertThat(taken().getTarget()).isEqualTo("/apis/example.com/v1/widgets/w");
    }

    @Test
    void listSendsSelectorsPagingAndResourceVersion() throws Exception {
        answer("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"9\",\"continue\":\"next\"},"
                + "\"items\":[{\"metadata\":{\"name\":\"a\"}}]}");

        UnstructuredList list = client().resource(CONFIGMAPS).namespace("ns").list(ListOptions.builder()
                .labelSelector("app=web,tier!=db").fieldSelector("metadata.name=a").limit(1).timeoutSeconds(30).build());

        RecordedRequest r = taken();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/ns/configmaps");
        assertThat(r.getUrl().queryParameter("labelSelector")).isEqualTo("app=web,tier!=db");
        assertThat(r.getUrl().queryParameter("fieldSelector")).isEqualTo("metadata.name=a");
        assertThat(r.getUrl().queryParameter("limit")).isEqualTo("1");
        assertThat(r.getUrl().queryParameter("timeoutSeconds")).isEqualTo("30");
        assertThat(list.continueToken()).isEqualTo("next");
        assertThat(list.items()).singleElement().extracting(Unstructured::kind).isEqualTo("ConfigMap");
    }

    @Test
    void listAcrossAllNamespacesUsesTheClusterPath() throws Exception {
        answer("{\"kind\":\"ConfigMapList\",\"items\":[]}");

        client().resource(CONFIGMAPS).list(ListOptions.builder().resourceVersion("0").build());

        assertThat(taken().getTarget()).isEqualTo("/api/v1/configmaps?resourceVersion=0");
    }

    @Test
    void listAllFollowsContinueTokensLazilyAndDropsTheResourceVersionOnLaterPages() throws Exception {
        answer("{\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"9\",\"continue\":\"t1\"},\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":\"b\"}}]}");
        answer("{\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"9\"},\"items\":[{\"metadata\":{\"name\":\"c\"}}]}");

        List<String> names = client().resource(CONFIGMAPS).namespace("ns")
                .listAll(ListOptions.builder().labelSelector("app=web").limit(2).resourceVersion("0").build())
                .map(Unstructured::name).toList();

        assertThat(names).containsExactly("a", "b", "c");
        RecordedRequest first = taken();
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
        assertThat(first.getUrl().queryParameter("resourceVersion")).isEqualTo("0");
        assertThat(first.getUrl().queryParameter("continue")).isNull();
        RecordedRequest second = taken();
        assertThat(second.getUrl().queryParameter("continue")).isEqualTo("t1");
        assertThat(second.getUrl().queryParameter("labelSelector")).isEqualTo("app=web");
        assertThat(second.getUrl().queryParameter("resourceVersion")).isNull();
    }

    @Test
    void watchStreamsUnstructuredEvents() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(
                "{\"type\":\"ADDED\",\"object\":" + CM + "}\n"
                        + "{\"type\":\"DELETED\",\"object\":" + CM + "}\n").build());

        try (Watch<Unstructured> watch = client().resource(CONFIGMAPS).namespace("ns")
                .watch(ListOptions.builder().resourceVersion("5").allowWatchBookmarks(true).build())) {
            WatchEvent<Unstructured> added = watch.next();
            assertThat(added.type()).isEqualTo(WatchEvent.Type.ADDED);
            assertThat(added.object().name()).isEqualTo("c");
            assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.DELETED);
        }
        RecordedRequest r = taken();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/ns/configmaps");
        assertThat(r.getUrl().queryParameter("watch")).isEqualTo("true");
        assertThat(r.getUrl().queryParameter("resourceVersion")).isEqualTo("5");
        assertThat(r.getUrl().queryParameter("allowWatchBookmarks")).isEqualTo("true");
    }

    @Test
    void resilientWatchListsWithTheCallersResourceVersionLikeTheTypedOne() throws Exception {
        answer("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"40\"},"
                + "\"items\":[" + CM + "]}");
        answer("");
        List<String> seen = new CopyOnWriteArrayList<>();

        try (ResilientWatcher<Unstructured> watcher = client().resource(CONFIGMAPS).namespace("ns").resilientWatch(
                ListOptions.builder().labelSelector("app=web").resourceVersion("0").build(),
                event -> seen.add(event.type() + " " + event.object().name()))
                .streamingLists(StreamingLists.OFF).build().start()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty() && server.getRequestCount() >= 2);
        }

        RecordedRequest list = taken();
        assertThat(list.getUrl().queryParameter("resourceVersion")).isEqualTo("0");
        assertThat(list.getUrl().queryParameter("labelSelector")).isEqualTo("app=web");
        RecordedRequest watch = taken();
        assertThat(watch.getUrl().queryParameter("resourceVersion")).isEqualTo("40");
        assertThat(watch.getUrl().queryParameter("labelSelector")).isEqualTo("app=web");
        assertThat(seen).containsExactly("ADDED c");
    }

    @Test
    void resilientWatchStreamsTheInitialStateAndSpotsTheEndBookmarkOfUnstructuredObjects() throws Exception {
        String events;
        try (InputStream in = getClass().getResourceAsStream("/watch/streaming-list/initial-events.jsonl")) {
            events = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        answer(events);
        List<String> seen = new CopyOnWriteArrayList<>();

        try (ResilientWatcher<Unstructured> watcher = client().resource(CONFIGMAPS).namespace("ns").resilientWatch(
                ListOptions.DEFAULTS, WatchHandler.<Unstructured>of(e -> { },
                        (items, rv) -> seen.add(items.stream().map(Unstructured::name).toList() + " @" + rv)))
                .build().start()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty());
        }

        assertThat(seen).containsExactly("[a, b] @4720");
        assertThat(taken().getUrl().queryParameter("sendInitialEvents")).isEqualTo("true");
    }

    @Test
    void createPostsJsonToTheCollectionWithTheConfiguredFieldManager() throws Exception {
        answer(CM);

        client("my-controller").resource(CONFIGMAPS).namespace("ns").create(configMap(),
                CreateOptions.builder().dryRun(true).build());

        RecordedRequest r = taken();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/ns/configmaps");
        assertThat(r.getUrl().queryParameter("dryRun")).isEqualTo("All");
        assertThat(r.getUrl().queryParameter("fieldManager")).isEqualTo("my-controller");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body(r)).isEqualTo(configMap().toJson());
    }

    @Test
    void createRefusesAnObjectFromAnotherNamespace() {
        DynamicResource elsewhere = client().resource(CONFIGMAPS).namespace("other");

        assertThatThrownBy(() -> elsewhere.create(configMap()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'other'").hasMessageContaining("'ns'");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void updatePutsToTheObjectAndUpdateStatusToItsStatus() throws Exception {
        answer(CM);
        answer(CM);
        DynamicResource cms = client().resource(CONFIGMAPS).namespace("ns");

        cms.update(configMap().setResourceVersion("5"));
        cms.updateStatus(configMap(), UpdateOptions.builder().fieldManager("status-writer").build());

        RecordedRequest update = taken();
        assertThat(update.getMethod()).isEqualTo("PUT");
        assertThat(update.getTarget()).isEqualTo("/api/v1/namespaces/ns/configmaps/c");
        assertThat(body(update)).contains("\"resourceVersion\":\"5\"");
        RecordedRequest status = taken();
        assertThat(status.getTarget()).isEqualTo("/api/v1/namespaces/ns/configmaps/c/status?fieldManager=status-writer");
    }

    @Test
    void updateNeedsAName() {
        DynamicResource cms = client().resource(CONFIGMAPS).namespace("ns");

        assertThatThrownBy(() -> cms.update(new Unstructured().setApiVersion("v1").setKind("ConfigMap")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a name");
    }

    @Test
    void deleteSendsDeleteOptionsAsTheBody() throws Exception {
        answer("{\"kind\":\"Status\",\"status\":\"Success\"}");

        client().resource(DEPLOYMENTS).namespace("prod").delete("web", DeleteOptions.builder()
                .propagationPolicy(PropagationPolicy.FOREGROUND).gracePeriodSeconds(0L).preconditionUid("u-1").build());

        RecordedRequest r = taken();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web");
        assertThat(r.getUrl().queryParameter("gracePeriodSeconds")).isEqualTo("0");
        Map<String, Object> options = Unstructured.fromJson(body(r)).toMap();
        assertThat(options).containsEntry("kind", "DeleteOptions").containsEntry("propagationPolicy", "Foreground")
                .containsEntry("gracePeriodSeconds", 0L).containsEntry("preconditions", Map.of("uid", "u-1"));
    }

    @Test
    void deleteWithoutOptionsSendsNoBody() throws Exception {
        answer("{\"kind\":\"Status\",\"status\":\"Success\"}");

        client().resource(CONFIGMAPS).namespace("ns").delete("c");

        RecordedRequest r = taken();
        assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/ns/configmaps/c");
        assertThat(r.getBodySize()).isZero();
    }

    @Test
    void deleteCollectionTargetsTheCollectionWithSelectors() throws Exception {
        answer("{\"kind\":\"Status\",\"status\":\"Success\"}");

        client().resource(CONFIGMAPS).namespace("ns").deleteCollection(DeleteOptions.DEFAULTS,
                ListOptions.builder().labelSelector("app=web").build());

        RecordedRequest r = taken();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/ns/configmaps?labelSelector=app%3Dweb");
    }

    @Test
    void patchSendsTheBodyUnderThePatchTypesContentType() throws Exception {
        for (int i = 0; i < 4; i++) {
            answer(CM);
        }
        DynamicResource cms = client().resource(CONFIGMAPS).namespace("ns");
        Map<String, Object> deleteKey = new HashMap<>();
        deleteKey.put("k", null);

        cms.patch("c", PatchType.MERGE, Map.of("data", deleteKey));
        cms.patch("c", PatchType.JSON_PATCH, "[{\"op\":\"remove\",\"path\":\"/data/k\"}]".getBytes(StandardCharsets.UTF_8));
        cms.patch("c", PatchType.STRATEGIC_MERGE, new Unstructured().setNested("x", "data", "k"),
                PatchOptions.builder().fieldManager("patcher").build());
        cms.patch("c", PatchType.JSON_PATCH, List.of(Map.of("op", "add", "path", "/data/z", "value", "1")));

        RecordedRequest merge = taken();
        assertThat(merge.getMethod()).isEqualTo("PATCH");
        assertThat(merge.getTarget()).isEqualTo("/api/v1/namespaces/ns/configmaps/c");
        assertThat(merge.getHeaders().get("Content-Type")).startsWith("application/merge-patch+json");
        assertThat(body(merge)).isEqualTo("{\"data\":{\"k\":null}}");
        RecordedRequest jsonPatch = taken();
        assertThat(jsonPatch.getHeaders().get("Content-Type")).startsWith("application/json-patch+json");
        assertThat(body(jsonPatch)).isEqualTo("[{\"op\":\"remove\",\"path\":\"/data/k\"}]");
        RecordedRequest strategic = taken();
        assertThat(strategic.getHeaders().get("Content-Type")).startsWith("application/strategic-merge-patch+json");
        assertThat(strategic.getTarget()).endsWith("?fieldManager=patcher");
        assertThat(body(strategic)).isEqualTo("{\"data\":{\"k\":\"x\"}}");
        assertThat(body(taken())).contains("\"op\":\"add\"", "\"path\":\"/data/z\"", "\"value\":\"1\"")
                .startsWith("[{").endsWith("}]");
    }

    @Test
    void patchOfAStatusSubresource() throws Exception {
        answer(CM);

        client().resource(DEPLOYMENTS).namespace("prod").patch("web", PatchType.MERGE, "{\"status\":{}}",
                PatchOptions.DEFAULTS, "status");

        assertThat(taken().getTarget()).isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web/status");
    }

    @Test
    void patchRefusesTheApplyTypeAndPointsToApply() {
        DynamicResource cms = client().resource(CONFIGMAPS).namespace("ns");

        assertThatThrownBy(() -> cms.patch("c", PatchType.APPLY, "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apply(");
    }

    @Test
    void applySendsTheObjectAsAnApplyPatchWithTheConfiguredFieldManager() throws Exception {
        answer(CM);

        client("my-controller").resource(CONFIGMAPS).namespace("ns").apply(configMap());

        RecordedRequest r = taken();
        assertThat(r.getMethod()).isEqualTo("PATCH");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/ns/configmaps/c");
        assertThat(r.getUrl().queryParameter("fieldManager")).isEqualTo("my-controller");
        assertThat(r.getUrl().queryParameter("force")).isNull();
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/apply-patch+yaml");
        assertThat(body(r)).isEqualTo(configMap().toJson());
    }

    @Test
    void applyWithForceAndItsOwnFieldManagerOnTheStatus() throws Exception {
        answer(CM);

        client("default-manager").resource(CONFIGMAPS).namespace("ns")
                .applyStatus(configMap(), ApplyOptions.fieldManager("status-owner").forced());

        RecordedRequest r = taken();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/ns/configmaps/c/status");
        assertThat(r.getUrl().queryParameter("fieldManager")).isEqualTo("status-owner");
        assertThat(r.getUrl().queryParameter("force")).isEqualTo("true");
    }

    @Test
    void applyWithoutAnyFieldManagerIsRefusedBeforeSending() {
        DynamicResource cms = client(null).resource(CONFIGMAPS).namespace("ns");

        assertThatThrownBy(() -> cms.apply(configMap()))
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("needs a field manager")
                .hasMessageContaining("RestConfig.fieldManager");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void applyRefusesObjectsWithoutATypeBeforeSending() {
        DynamicResource cms = client("m").resource(CONFIGMAPS).namespace("ns");

        assertThatThrownBy(() -> cms.apply(configMap().setKind(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server-side apply of v1/configmaps ns/c needs kind in the object: the server reads the "
                        + "type from apiVersion and kind and the target from the name (an apiVersion and kind are both "
                        + "required)");
        assertThatThrownBy(() -> cms.apply(configMap().setApiVersion(null).setKind(null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs apiVersion, kind in the object");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void applyOfAnObjectReadFromTheServerDropsItsManagedFieldsAndKeepsItsResourceVersion() throws Exception {
        answer(CM);
        Unstructured fetched = configMap().setResourceVersion("42")
                .setNested(List.of(Map.of("manager", "x", "operation", "Apply")), "metadata", "managedFields");

        client("m").resource(CONFIGMAPS).namespace("ns").apply(fetched);

        Unstructured sent = Unstructured.fromJson(body(taken()));
        assertThat(sent.nestedField("metadata", "managedFields")).isEmpty();
        assertThat(sent.resourceVersion()).isEqualTo("42");
        assertThat(fetched.managedFields()).as("the caller's object is not changed").hasSize(1);
    }

    @Test
    void createOnASubresourcePostsToTheNamedObject() throws Exception {
        answer("{\"kind\":\"Status\",\"status\":\"Success\"}");
        Unstructured eviction = new Unstructured().setApiVersion("policy/v1beta1").setKind("Eviction")
                .setName("pod-1").setNamespace("ns");

        client().resource(GroupVersionResource.parse("v1/pods")).namespace("ns")
                .create(eviction, CreateOptions.DEFAULTS, "eviction");

        assertThat(taken().getTarget()).isEqualTo("/api/v1/namespaces/ns/pods/pod-1/eviction");
    }

    @Test
    void serverErrorsReachTheCallerWithTheStatusCode() {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json").body(
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"configmaps \\\"c\\\" not found\","
                        + "\"reason\":\"NotFound\",\"code\":404}").build());
        DynamicResource cms = client().resource(CONFIGMAPS).namespace("ns");

        assertThatThrownBy(() -> cms.get("c")).isInstanceOf(KubeClientException.class).hasMessageContaining("404");
    }

    @Test
    void aBlankNamespaceIsRejected() {
        NamespaceableResource cms = client().resource(CONFIGMAPS);

        assertThatThrownBy(() -> cms.namespace(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cluster scope");
    }
}
