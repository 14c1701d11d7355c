package dev.kubeclient.clientset;

import dev.kubeclient.meta.LogOptions;

import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.meta.CreateOptions;
import dev.kubeclient.meta.DeleteOptions;
import dev.kubeclient.meta.FieldValidation;
import dev.kubeclient.meta.GetOptions;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.meta.PatchOptions;
import dev.kubeclient.meta.PropagationPolicy;
import dev.kubeclient.meta.ResourceVersionMatch;
import dev.kubeclient.meta.UpdateOptions;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kubeclient.apply.ApplyBody;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchEvent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each typed verb puts on the wire: method, path, query, content type, body. */
class ClientsetWireTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONFIG_MAP = """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"web","namespace":"prod","resourceVersion":"7"},
             "data":{"a":"1"}}""";

    private MockWebServer server;
    private Clientset clientset;
    private KubeRestClient rest;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        clientset = clientsetWith(null);
    }

    @AfterEach
    void stop() {
        clientset.close();
        rest.close();
        server.close();
    }

    private Clientset clientsetWith(String fieldManager) {
        if (rest != null) {
            rest.close();
        }
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).fieldManager(fieldManager).build();
        rest = KubeRestClient.builder(config).httpClient(new OkHttpClient()).build();
        return Clientset.of(rest);
    }

    private void answer(String json) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build());
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    private static JsonNode bodyOf(RecordedRequest request) {
        return JSON.readTree(request.getBody().utf8());
    }

    @Test
    void getOfANamespacedResourceAddressesTheNamespace() throws Exception {
        answer(CONFIG_MAP);

        ConfigMap cm = clientset.coreV1().configMaps("prod").get("web");

        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/prod/configmaps/web");
        assertThat(cm.getData()).containsEntry("a", "1");
    }

    @Test
    void clusterScopedResourcesHaveNoNamespaceSegment() throws Exception {
        answer("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"prod\"}}");

        clientset.coreV1().namespaces().get("prod", GetOptions.resourceVersion("0"));

        RecordedRequest request = taken();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/prod");
        assertThat(request.getUrl().queryParameter("resourceVersion")).isEqualTo("0");
    }

    @Test
    void namedGroupsLiveUnderApis() throws Exception {
        answer("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}}");
        answer("{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRole\",\"metadata\":{\"name\":\"r\"}}");

        clientset.appsV1().deployments("prod").get("web");
        clientset.rbacAuthorizationV1().clusterRoles().get("r");

        assertThat(taken().getUrl().encodedPath()).isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web");
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/apis/rbac.authorization.k8s.io/v1/clusterroles/r");
    }

    @Test
    void listSendsSelectorsPagingAndResourceVersionSemantics() throws Exception {
        answer("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{\"continue\":\"next\"},\"items\":[]}");

        ConfigMapList list = clientset.coreV1().configMaps("prod").list(ListOptions.builder()
                .labelSelector("app=web,tier!=cache").fieldSelector("metadata.name=web").limit(50)
                .resourceVersion("0").resourceVersionMatch(ResourceVersionMatch.NOT_OLDER_THAN).timeoutSeconds(30).build());

        HttpUrl url = taken().getUrl();
        assertThat(url.encodedPath()).isEqualTo("/api/v1/namespaces/prod/configmaps");
        assertThat(url.queryParameter("labelSelector")).isEqualTo("app=web,tier!=cache");
        assertThat(url.queryParameter("fieldSelector")).isEqualTo("metadata.name=web");
        assertThat(url.queryParameter("limit")).isEqualTo("50");
        assertThat(url.queryParameter("resourceVersion")).isEqualTo("0");
        assertThat(url.queryParameter("resourceVersionMatch")).isEqualTo("NotOlderThan");
        assertThat(url.queryParameter("timeoutSeconds")).isEqualTo("30");
        assertThat(list.getMetadata().getContinue()).isEqualTo("next");
    }

    @Test
    void listingAcrossAllNamespacesOmitsTheNamespace() throws Exception {
        answer("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{},\"items\":[]}");

        clientset.coreV1().configMaps("").list();

        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/v1/configmaps");
    }

    @Test
    void listAllFollowsContinueTokensPageByPage() throws Exception {
        answer("{\"kind\":\"ConfigMapList\",\"metadata\":{\"continue\":\"t1\"},\"items\":[{\"metadata\":{\"name\":\"a\"}}]}");
        answer("{\"kind\":\"ConfigMapList\",\"metadata\":{},\"items\":[{\"metadata\":{\"name\":\"b\"}}]}");

        List<String> names = clientset.coreV1().configMaps("prod")
                .listAll(ListOptions.builder().labelSelector("x=y").limit(1).build())
                .map(cm -> cm.getMetadata().getName()).toList();

        assertThat(names).containsExactly("a", "b");
        HttpUrl first = taken().getUrl();
        HttpUrl second = taken().getUrl();
        assertThat(first.queryParameter("continue")).isNull();
        assertThat(second.queryParameter("continue")).isEqualTo("t1");
        assertThat(second.queryParameter("labelSelector")).isEqualTo("x=y");
        assertThat(second.queryParameter("limit")).isEqualTo("1");
    }

    @Test
    void watchAsksForAStreamAndDecodesTypedEvents() throws Exception {
        answer("{\"type\":\"ADDED\",\"object\":" + CONFIG_MAP + "}\n");

        try (Watch<ConfigMap> watch = clientset.coreV1().configMaps("prod").watch(ListOptions.builder()
                .resourceVersion("5").allowWatchBookmarks(true).build())) {
            WatchEvent<ConfigMap> event = watch.next();
            assertThat(event.type()).isEqualTo(WatchEvent.Type.ADDED);
            assertThat(event.object().getMetadata().getName()).isEqualTo("web");
        }

        HttpUrl url = taken().getUrl();
        assertThat(url.queryParameter("watch")).isEqualTo("true");
        assertThat(url.queryParameter("resourceVersion")).isEqualTo("5");
        assertThat(url.queryParameter("allowWatchBookmarks")).isEqualTo("true");
    }

    @Test
    void resilientWatchListsFirstThenWatchesFromTheListsVersion() throws Exception {
        answer("{\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"40\"},\"items\":[" + CONFIG_MAP + "]}");
        answer("{\"type\":\"MODIFIED\",\"object\":" + CONFIG_MAP.replace("\"7\"", "\"41\"") + "}\n");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        try (var watcher = clientset.coreV1().configMaps("prod").resilientWatch(
                ListOptions.builder().labelSelector("app=web").build(), new dev.kubeclient.watch.WatchHandler<ConfigMap>() {
                    @Override
                    public void onEvent(WatchEvent<ConfigMap> event) {
                        seen.add(event.type() + " " + event.object().getMetadata().getResourceVersion());
                    }

                    @Override
                    public void onRelist(List<ConfigMap> items, String resourceVersion) {
                        seen.add("RELIST " + items.size() + " @" + resourceVersion);
                    }
                }).streamingLists(dev.kubeclient.watch.StreamingLists.OFF).build().start()) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> seen.size() >= 2);
        }

        assertThat(seen).startsWith("RELIST 1 @40", "MODIFIED 41");
        HttpUrl list = taken().getUrl();
        HttpUrl watch = taken().getUrl();
        assertThat(list.queryParameter("labelSelector")).isEqualTo("app=web");
        assertThat(list.queryParameter("watch")).isNull();
        assertThat(watch.queryParameter("watch")).isEqualTo("true");
        assertThat(watch.queryParameter("resourceVersion")).isEqualTo("40");
        assertThat(watch.queryParameter("labelSelector")).isEqualTo("app=web");
        assertThat(watch.queryParameter("allowWatchBookmarks")).isEqualTo("true");
    }

    @Test
    void resilientWatchListsWithTheCallersResourceVersion() throws Exception {
        answer("{\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"40\"},\"items\":[" + CONFIG_MAP + "]}");
        answer("");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        try (var watcher = clientset.coreV1().configMaps("prod").resilientWatch(
                ListOptions.builder().resourceVersion("0").limit(50L).build(),
                event -> seen.add(event.type() + " " + event.object().getMetadata().getName()))
                .streamingLists(dev.kubeclient.watch.StreamingLists.OFF).build().start()) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> !seen.isEmpty() && server.getRequestCount() >= 2);
        }

        HttpUrl list = taken().getUrl();
        assertThat(list.queryParameter("resourceVersion")).isEqualTo("0");
        assertThat(list.queryParameter("limit")).isEqualTo("50");
        assertThat(taken().getUrl().queryParameter("resourceVersion")).isEqualTo("40");
        assertThat(seen).containsExactly("ADDED web");
    }

    @Test
    void resilientWatchRelistsAfter410WithAConsistentReadNotTheCallersCachedVersion() throws Exception {
        answer("{\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"40\"},\"items\":[]}");
        answer("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"reason\":\"Expired\",\"code\":410}}\n");
        answer("{\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"90\"},\"items\":[" + CONFIG_MAP + "]}");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        try (var watcher = clientset.coreV1().configMaps("prod").resilientWatch(
                ListOptions.builder().resourceVersion("0").labelSelector("app=web").build(),
                dev.kubeclient.watch.WatchHandler.<ConfigMap>of(e -> { }, (items, rv) -> seen.add("state @" + rv)))
                .streamingLists(dev.kubeclient.watch.StreamingLists.OFF)
                .sleeper(d -> { }).build().start()) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> seen.size() >= 2);
        }

        assertThat(seen).startsWith("state @40", "state @90");
        assertThat(taken().getUrl().queryParameter("resourceVersion")).isEqualTo("0");
        assertThat(taken().getUrl().queryParameter("watch")).isEqualTo("true");
        HttpUrl relist = taken().getUrl();
        assertThat(relist.queryParameter("watch")).isNull();
        assertThat(relist.queryParameter("resourceVersion")).isNull();
        assertThat(relist.queryParameter("labelSelector")).isEqualTo("app=web");
    }

    @Test
    void resilientWatchStreamsTheInitialStateWithTheSelectorsByDefault() throws Exception {
        String events;
        try (InputStream in = getClass().getResourceAsStream("/watch/streaming-list/initial-events.jsonl")) {
            events = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        answer(events);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        try (var watcher = clientset.coreV1().configMaps("prod").resilientWatch(
                ListOptions.builder().labelSelector("app=web").resourceVersion("0").build(),
                dev.kubeclient.watch.WatchHandler.<ConfigMap>of(e -> { },
                        (items, rv) -> seen.add(items.size() + " @" + rv))).build().start()) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> !seen.isEmpty());
        }

        assertThat(seen).containsExactly("2 @4720");
        HttpUrl watch = taken().getUrl();
        assertThat(watch.queryParameter("watch")).isEqualTo("true");
        assertThat(watch.queryParameter("labelSelector")).isEqualTo("app=web");
        assertThat(watch.queryParameter("sendInitialEvents")).isEqualTo("true");
        assertThat(watch.queryParameter("resourceVersionMatch")).isEqualTo("NotOlderThan");
        assertThat(watch.queryParameter("allowWatchBookmarks")).isEqualTo("true");
        assertThat(watch.queryParameter("resourceVersion")).as("a streamed state is always the current one").isNull();
    }

    @Test
    void createSendsDryRunFieldManagerAndFieldValidation() throws Exception {
        answer(CONFIG_MAP);

        clientset.coreV1().configMaps("prod").create(configMap(), CreateOptions.builder()
                .dryRun(true).fieldManager("tests").fieldValidation(FieldValidation.STRICT).build());

        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/prod/configmaps");
        assertThat(request.getUrl().queryParameter("dryRun")).isEqualTo("All");
        assertThat(request.getUrl().queryParameter("fieldManager")).isEqualTo("tests");
        assertThat(request.getUrl().queryParameter("fieldValidation")).isEqualTo("Strict");
        assertThat(bodyOf(request).path("data").path("a").asString()).isEqualTo("1");
    }

    @Test
    void writesDefaultTheFieldManagerToTheConfiguredOne() throws Exception {
        clientset = clientsetWith("configured-manager");
        answer(CONFIG_MAP);

        clientset.coreV1().configMaps("prod").update(configMap());

        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/prod/configmaps/web");
        assertThat(request.getUrl().queryParameter("fieldManager")).isEqualTo("configured-manager");
    }

    @Test
    void updateStatusPutsToTheStatusSubresource() throws Exception {
        answer("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}}");

        clientset.appsV1().deployments("prod").updateStatus(deployment(), UpdateOptions.DEFAULTS);

        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web/status");
    }

    @Test
    void deleteSendsDeleteOptionsAsTheBody() throws Exception {
        answer("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");

        clientset.coreV1().configMaps("prod").delete("web", DeleteOptions.builder().gracePeriodSeconds(0L)
                .propagationPolicy(PropagationPolicy.FOREGROUND).preconditionUid("u-1").preconditionResourceVersion("7")
                .dryRun(true).build());

        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/prod/configmaps/web");
        assertThat(request.getUrl().queryParameter("gracePeriodSeconds")).isEqualTo("0");
        assertThat(request.getUrl().queryParameter("dryRun")).isEqualTo("All");
        JsonNode body = bodyOf(request);
        assertThat(body.path("kind").asString()).isEqualTo("DeleteOptions");
        assertThat(body.path("propagationPolicy").asString()).isEqualTo("Foreground");
        assertThat(body.path("gracePeriodSeconds").asLong()).isZero();
        assertThat(body.path("preconditions").path("uid").asString()).isEqualTo("u-1");
        assertThat(body.path("preconditions").path("resourceVersion").asString()).isEqualTo("7");
        assertThat(body.path("dryRun").get(0).asString()).isEqualTo("All");
    }

    @Test
    void deleteWithoutOptionsSendsNoBody() throws Exception {
        answer("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");

        clientset.coreV1().namespaces().delete("old");

        RecordedRequest request = taken();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/old");
        assertThat(request.getBodySize()).isZero();
    }

    @Test
    void deleteCollectionTargetsTheCollectionWithSelectors() throws Exception {
        answer("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");

        clientset.coreV1().configMaps("prod").deleteCollection(
                DeleteOptions.builder().propagationPolicy(PropagationPolicy.BACKGROUND).build(),
                ListOptions.builder().labelSelector("app=web").build());

        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/prod/configmaps");
        assertThat(request.getUrl().queryParameter("labelSelector")).isEqualTo("app=web");
        assertThat(bodyOf(request).path("propagationPolicy").asString()).isEqualTo("Background");
    }

    @Test
    void eachPatchTypeSendsItsContentTypeAndTheBodyAsGiven() throws Exception {
        var deployments = clientset.appsV1().deployments("prod");
        for (int i = 0; i < 4; i++) {
            answer("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}}");
        }

        deployments.patch("web", PatchType.STRATEGIC_MERGE, "{\"spec\":{\"replicas\":3}}");
        deployments.patch("web", PatchType.MERGE, Map.of("metadata", Map.of("labels", Map.of("a", "b"))));
        deployments.patch("web", PatchType.JSON_PATCH,
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]".getBytes(StandardCharsets.UTF_8));
        deployments.patch("web", PatchType.MERGE, JSON.readTree("{\"spec\":{\"paused\":true}}"),
                PatchOptions.builder().fieldManager("patcher").build());

        RecordedRequest strategic = taken();
        assertThat(strategic.getMethod()).isEqualTo("PATCH");
        assertThat(strategic.getUrl().encodedPath()).isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web");
        assertThat(strategic.getHeaders().get("Content-Type")).startsWith("application/strategic-merge-patch+json");
        assertThat(strategic.getBody().utf8()).isEqualTo("{\"spec\":{\"replicas\":3}}");
        RecordedRequest merge = taken();
        assertThat(merge.getHeaders().get("Content-Type")).startsWith("application/merge-patch+json");
        assertThat(bodyOf(merge).path("metadata").path("labels").path("a").asString()).isEqualTo("b");
        RecordedRequest jsonPatch = taken();
        assertThat(jsonPatch.getHeaders().get("Content-Type")).startsWith("application/json-patch+json");
        assertThat(bodyOf(jsonPatch).get(0).path("op").asString()).isEqualTo("replace");
        RecordedRequest tree = taken();
        assertThat(bodyOf(tree).path("spec").path("paused").asBoolean()).isTrue();
        assertThat(tree.getUrl().queryParameter("fieldManager")).isEqualTo("patcher");
    }

    @Test
    void applyPatchTypeThroughPatchIsRedirectedToApply() {
        assertThatThrownBy(() -> clientset.appsV1().deployments("prod").patch("web", PatchType.APPLY, "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apply(");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void applySendsOnlyTheSetFieldsWithApiVersionKindManagerAndForce() throws Exception {
        answer("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}}");

        clientset.appsV1().deployments("prod").apply(
                new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
                        .withNewSpec().withReplicas(3).endSpec().build(),
                ApplyOptions.fieldManager("ctrl").forced());

        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("PATCH");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/apply-patch+yaml");
        assertThat(request.getUrl().queryParameter("fieldManager")).isEqualTo("ctrl");
        assertThat(request.getUrl().queryParameter("force")).isEqualTo("true");
        JsonNode body = bodyOf(request);
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("apiVersion", "kind", "metadata", "spec");
        assertThat(body.path("apiVersion").asString()).isEqualTo("apps/v1");
        assertThat(body.path("kind").asString()).isEqualTo("Deployment");
        assertThat(body.path("metadata").propertyNames()).containsExactly("name");
        assertThat(body.path("spec").propertyNames()).containsExactly("replicas");
    }

    @Test
    void applyAddsApiVersionAndKindFromTheSchemeWhenTheObjectLacksThem() throws Exception {
        answer("{\"apiVersion\":\"widgets.example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"}}");
        Widget widget = new Widget("w", "red", null);
        widget.setApiVersion(null);
        widget.setKind(null);

        clientset.resources(Widget.class, "prod").apply(widget, ApplyOptions.fieldManager("ctrl"));

        JsonNode body = bodyOf(taken());
        assertThat(body.path("apiVersion").asString()).isEqualTo("widgets.example.com/v1");
        assertThat(body.path("kind").asString()).isEqualTo("Widget");
        assertThat(body.path("spec").propertyNames()).containsExactly("color");
    }

    @Test
    void applyOfAnObjectReadFromTheServerDropsManagedFieldsAndKeepsTheResourceVersionAsAPrecondition() throws Exception {
        answer(CONFIG_MAP);
        ConfigMap fetched = new ConfigMapBuilder(configMap()).editMetadata().withResourceVersion("42")
                .addNewManagedField().withManager("other").withOperation("Update").withApiVersion("v1")
                .withFieldsType("FieldsV1").endManagedField().endMetadata().build();

        clientset.coreV1().configMaps("prod").apply(fetched, ApplyOptions.fieldManager("ctrl"));

        JsonNode metadata = bodyOf(taken()).path("metadata");
        assertThat(metadata.has("managedFields")).isFalse();
        assertThat(metadata.path("resourceVersion").asString()).isEqualTo("42");
        assertThat(fetched.getMetadata().getManagedFields()).as("the caller's object is not changed").hasSize(1);
    }

    @Test
    void whatApplyRemovesIsLoggedAtDebugNamingTheObjectAndTheWayToApplyOnlyYourOwnFields() {
        answer(CONFIG_MAP);
        answer(CONFIG_MAP);
        ConfigMap fetched = new ConfigMapBuilder(configMap()).editMetadata()
                .addNewManagedField().withManager("a").endManagedField()
                .addNewManagedField().withManager("b").endManagedField().endMetadata().build();
        Logger logger = (Logger) LoggerFactory.getLogger(ApplyBody.class);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try {
            clientset.coreV1().configMaps("prod").apply(fetched, ApplyOptions.fieldManager("ctrl"));
            clientset.coreV1().configMaps("prod").apply(configMap(), ApplyOptions.fieldManager("ctrl"));
        } finally {
            logger.setLevel(level);
            logger.detachAppender(appender);
        }

        assertThat(appender.list).as("only the apply that had something removed logs").singleElement()
                .satisfies(event -> {
                    assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
                    assertThat(event.getFormattedMessage())
                            .startsWith("server-side apply of configmaps/web: removed metadata.managedFields (2 entries)")
                            .contains("ManagedFields.extract(object, fieldManager)");
                });
    }

    @Test
    void applyWithoutAnyFieldManagerIsRefusedBeforeAnyRequest() {
        var configMaps = clientset.coreV1().configMaps("prod");

        assertThatThrownBy(() -> configMaps.apply(configMap()))
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("field manager")
                .hasMessageContaining("configmaps/web");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void applyUsesTheConfiguredFieldManagerByDefault() throws Exception {
        clientset = clientsetWith("from-config");
        answer(CONFIG_MAP);

        clientset.coreV1().configMaps("prod").apply(configMap());

        RecordedRequest request = taken();
        assertThat(request.getUrl().queryParameter("fieldManager")).isEqualTo("from-config");
        assertThat(request.getUrl().queryParameter("force")).isNull();
    }

    @Test
    void applyOfYamlTextSendsTheObjectItHolds() throws Exception {
        answer(CONFIG_MAP);
        String yaml = "# a comment\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: \"1\"\n";

        clientset.coreV1().configMaps("prod").apply("web", yaml, ApplyOptions.fieldManager("yaml-user"));

        RecordedRequest request = taken();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/apply-patch+yaml");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/prod/configmaps/web");
        JsonNode body = bodyOf(request);
        assertThat(body.propertyNames()).containsExactly("apiVersion", "kind", "metadata", "data");
        assertThat(body.path("data").path("a").asString()).isEqualTo("1");
    }

    @Test
    void applyOfYamlWrittenFromAFetchedObjectDropsManagedFieldsAndKeepsTheResourceVersion() throws Exception {
        answer(CONFIG_MAP);
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: web
                  namespace: prod
                  resourceVersion: "42"
                  managedFields:
                  - manager: kubectl
                    operation: Update
                    apiVersion: v1
                    fieldsType: FieldsV1
                    fieldsV1: {"f:data": {"f:a": {}}}
                data:
                  a: "1"
                """;

        clientset.coreV1().configMaps("prod").apply("web", yaml, ApplyOptions.fieldManager("gitops"));

        JsonNode metadata = bodyOf(taken()).path("metadata");
        assertThat(metadata.has("managedFields")).isFalse();
        assertThat(metadata.path("resourceVersion").asString()).isEqualTo("42");
    }

    @Test
    void applyOfJsonTextGoesThroughTheSameApplyPath() throws Exception {
        answer(CONFIG_MAP);
        String json = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"web\","
                + "\"managedFields\":[]},\"data\":{\"a\":\"1\"}}";

        clientset.coreV1().configMaps("prod").apply("web", json, ApplyOptions.fieldManager("gitops"));

        assertThat(bodyOf(taken()).path("metadata").propertyNames()).containsExactly("name");
    }

    @Test
    void applyOfTextThatIsNotOneCompleteObjectIsRefusedBeforeAnyRequest() {
        var configMaps = clientset.coreV1().configMaps("prod");
        ApplyOptions options = ApplyOptions.fieldManager("gitops");

        assertThatThrownBy(() -> configMaps.apply("web", "apiVersion: v1\nkind: ConfigMap\n", options))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata.name");
        assertThatThrownBy(() -> configMaps.apply("web", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n",
                options))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names 'other'")
                .hasMessageContaining("configmaps/web");
        assertThatThrownBy(() -> configMaps.apply("web", "kind: ConfigMap\n---\nkind: Secret\n", options))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 2 YAML documents")
                .hasMessageContaining("---");
        assertThatThrownBy(() -> configMaps.apply("web", "", options))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 0 YAML documents");
        assertThatThrownBy(() -> configMaps.apply("web", "- a\n- b\n", options))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an object");
        assertThatThrownBy(() -> configMaps.apply("web", "a: [1, 2\n", options))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither YAML nor JSON");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void applyStatusPatchesTheStatusSubresource() throws Exception {
        answer("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}}");

        clientset.appsV1().deployments("prod").applyStatus(deployment(), ApplyOptions.fieldManager("status-writer"));

        assertThat(taken().getUrl().encodedPath()).isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web/status");
    }

    @Test
    void scaleReadsAndWritesTheScaleSubresource() throws Exception {
        String scale = "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"replicas\":2},\"status\":{\"replicas\":1}}";
        answer(scale);
        answer(scale);

        Scale read = clientset.appsV1().deployments("prod").scale("web");
        clientset.appsV1().statefulSets("prod").updateScale("db", new ScaleBuilder().withNewMetadata().withName("db")
                .endMetadata().withNewSpec().withReplicas(5).endSpec().build());

        assertThat(read.getSpec().getReplicas()).isEqualTo(2);
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web/scale");
        RecordedRequest update = taken();
        assertThat(update.getMethod()).isEqualTo("PUT");
        assertThat(update.getUrl().encodedPath()).isEqualTo("/apis/apps/v1/namespaces/prod/statefulsets/db/scale");
        assertThat(bodyOf(update).path("spec").path("replicas").asInt()).isEqualTo(5);
    }

    @Test
    void podLogIsStreamedWithItsOptions() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body("line 1\nline 2\n").build());

        String text;
        try (InputStream log = clientset.coreV1().pods("prod").log("web", LogOptions.builder().container("app")
                .follow(true).tailLines(10).sinceSeconds(60).timestamps(true).build())) {
            text = new String(log.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(text).isEqualTo("line 1\nline 2\n");
        HttpUrl url = taken().getUrl();
        assertThat(url.encodedPath()).isEqualTo("/api/v1/namespaces/prod/pods/web/log");
        assertThat(url.queryParameter("container")).isEqualTo("app");
        assertThat(url.queryParameter("follow")).isEqualTo("true");
        assertThat(url.queryParameter("tailLines")).isEqualTo("10");
        assertThat(url.queryParameter("sinceSeconds")).isEqualTo("60");
        assertThat(url.queryParameter("timestamps")).isEqualTo("true");
    }

    @Test
    void evictionPostsAPolicyV1Eviction() throws Exception {
        answer("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");

        clientset.coreV1().pods("prod").evict("web", DeleteOptions.builder().gracePeriodSeconds(5L).build());

        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/prod/pods/web/eviction");
        JsonNode body = bodyOf(request);
        assertThat(body.path("apiVersion").asString()).isEqualTo("policy/v1");
        assertThat(body.path("kind").asString()).isEqualTo("Eviction");
        assertThat(body.path("metadata").path("name").asString()).isEqualTo("web");
        assertThat(body.path("deleteOptions").path("gracePeriodSeconds").asInt()).isEqualTo(5);
    }

    @Test
    void evictionFallsBackToPolicyV1beta1WhereTheServerServesOnlyThat() throws Exception {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"BadRequest\","
                        + "\"code\":400,\"message\":\"no kind \\\"Eviction\\\" is registered for version \\\"policy/v1\\\"\"}")
                .build());
        answer("{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":[{\"name\":\"pods\","
                + "\"namespaced\":true,\"kind\":\"Pod\",\"verbs\":[\"get\"]},{\"name\":\"pods/eviction\",\"group\":\"policy\","
                + "\"version\":\"v1beta1\",\"namespaced\":true,\"kind\":\"Eviction\",\"verbs\":[\"create\"]}]}");
        answer("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");

        clientset.coreV1().pods("prod").evict("web", DeleteOptions.DEFAULTS);

        assertThat(bodyOf(taken()).path("apiVersion").asString()).isEqualTo("policy/v1");
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/v1");
        RecordedRequest retry = taken();
        assertThat(retry.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/prod/pods/web/eviction");
        assertThat(bodyOf(retry).path("apiVersion").asString()).isEqualTo("policy/v1beta1");
    }

    @Test
    void evictionDoesNotRetryABadRequestOnAServerThatServesPolicyV1() {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"BadRequest\","
                        + "\"code\":400,\"message\":\"bad\"}").build());
        answer("{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":[{\"name\":\"pods/eviction\","
                + "\"group\":\"policy\",\"version\":\"v1\",\"namespaced\":true,\"kind\":\"Eviction\",\"verbs\":[\"create\"]}]}");

        assertThatThrownBy(() -> clientset.coreV1().pods("prod").evict("web", DeleteOptions.DEFAULTS))
                .isInstanceOf(dev.kubeclient.errors.BadRequestException.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void reviewResourcesOnlyCreate() throws Exception {
        answer("{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenReview\",\"metadata\":{},"
                + "\"status\":{\"authenticated\":true}}");

        TokenReview review = clientset.authenticationV1().tokenReviews()
                .create(new TokenReviewBuilder().withNewSpec().withToken("t").endSpec().build());

        RecordedRequest request = taken();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/apis/authentication.k8s.io/v1/tokenreviews");
        assertThat(review.getStatus().getAuthenticated()).isTrue();
    }

    @Test
    void aUsersCustomResourceClassWorksThroughResources() throws Exception {
        answer("{\"apiVersion\":\"widgets.example.com/v1\",\"kind\":\"WidgetList\",\"metadata\":{\"resourceVersion\":\"9\"},"
                + "\"items\":[{\"apiVersion\":\"widgets.example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w1\"},"
                + "\"spec\":{\"color\":\"blue\",\"size\":3}}]}");
        answer("{\"apiVersion\":\"widgets.example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w2\"},\"spec\":{\"color\":\"red\"}}");

        DefaultKubernetesResourceList<Widget> widgets = clientset.resources(Widget.class, "prod").list();
        Widget created = clientset.resources(Widget.class, "prod").create(new Widget("w2", "red", null));

        assertThat(widgets.getItems()).singleElement().satisfies(w -> assertThat(w.getSpec().getColor()).isEqualTo("blue"));
        assertThat(created.getSpec().getColor()).isEqualTo("red");
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/apis/widgets.example.com/v1/namespaces/prod/widgets");
        RecordedRequest create = taken();
        assertThat(create.getUrl().encodedPath()).isEqualTo("/apis/widgets.example.com/v1/namespaces/prod/widgets");
        assertThat(bodyOf(create).path("spec").path("color").asString()).isEqualTo("red");
    }

    @Test
    void namespacedWritesWithoutANamespaceAreRejectedBeforeSending() {
        assertThatThrownBy(() -> clientset.coreV1().configMaps("").create(configMap()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("across all namespaces");
        assertThatThrownBy(() -> clientset.resources(Widget.class).get("w"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("widgets");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aClusterScopedResourceCannotBeAddressedInANamespace() {
        assertThatThrownBy(() -> clientset.resources(io.fabric8.kubernetes.api.model.Namespace.class, "prod"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cluster-scoped");
    }

    @Test
    void anObjectFromAnotherNamespaceIsRejected() {
        ConfigMap other = new ConfigMapBuilder().withNewMetadata().withName("web").withNamespace("dev").endMetadata().build();

        assertThatThrownBy(() -> clientset.coreV1().configMaps("prod").update(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dev'").hasMessageContaining("'prod'");
    }

    @Test
    void aMalformedAnswerNamesTheCallAndTheType() {
        answer("{\"metadata\": 5}");

        assertThatThrownBy(() -> clientset.coreV1().configMaps("prod").get("web"))
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("GET " + server.url("/api/v1/namespaces/prod/configmaps/web"))
                .hasMessageContaining("ConfigMap");
    }

    private static ConfigMap configMap() {
        return new ConfigMapBuilder().withNewMetadata().withName("web").endMetadata().addToData("a", "1").build();
    }

    private static Deployment deployment() {
        return new DeploymentBuilder().withNewMetadata().withName("web").endMetadata().build();
    }
}
