package dev.kubeclient.testing.server;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.discovery.ServerResources;
import dev.kubeclient.errors.ForbiddenException;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.errors.ServiceUnavailableException;
import dev.kubeclient.errors.TooManyRequestsException;
import dev.kubeclient.errors.UnauthorizedException;
import dev.kubeclient.meta.DeleteOptions;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.meta.PropagationPolicy;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.GroupVersion;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchEvent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The test server's own features, through the client's public API (and raw HTTP where the wire matters). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeApiServerTest {

    private final KubeApiServer server = KubeApiServer.builder()
            .user(ApiUser.withToken("alice", "alice-token", AccessRule.readOnly(List.of("configmaps"), List.of("default"))))
            .user(ApiUser.withClientCertificate("bob", AccessRule.of(List.of("*"), List.of("configmaps"), List.of("*"))))
            .start();
    private final Clientset clientset = server.clientset();

    @AfterAll
    void stop() {
        server.close();
    }

    private static ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("k", "v").build();
    }

    private String namespace() {
        String name = "t-" + FidelitySuite.suffix();
        clientset.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build());
        return name;
    }

    private OkHttpClient rawClient() {
        HandshakeCertificates trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(Certificates.decodeCertificatePem(server.caCertificatePem())).build();
        return new OkHttpClient.Builder().sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
    }

    private String raw(String path, String token, String accept) throws IOException {
        Request.Builder request = new Request.Builder().url(server.url() + path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try (Response response = rawClient().newCall(request.build()).execute()) {
            return response.code() + " " + response.header("Content-Type") + " " + response.body().string();
        }
    }

    // ------------------------------------------------------------------ wire shapes

    @Test
    void notFoundStatusIsShapedAsTheRealServers() throws IOException {
        String token = server.restConfig().bearerToken();
        assertThat(raw("/api/v1/namespaces/default/configmaps/nope", token, null)).isEqualTo("404 application/json "
                + "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"configmaps \\\"nope\\\" not found\",\"reason\":\"NotFound\","
                + "\"details\":{\"name\":\"nope\",\"kind\":\"configmaps\"},\"code\":404}");
    }

    @Test
    void listItemsOfBuiltInKindsCarryNoKind() throws IOException {
        server.seed(new ConfigMapBuilder().withNewMetadata().withName("listed").withNamespace("kube-public").endMetadata().build());
        String body = raw("/api/v1/namespaces/kube-public/configmaps", server.restConfig().bearerToken(), null);
        assertThat(body).startsWith("200 application/json {\"kind\":\"ConfigMapList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":")
                .contains("\"items\":[{\"metadata\":{\"name\":\"listed\"");
    }

    @Test
    void aggregatedDiscoveryAnswersV2AndV2beta1() throws IOException {
        String token = server.restConfig().bearerToken();
        assertThat(raw("/apis", token, "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"))
                .startsWith("200 application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList {\"kind\":\"APIGroupDiscoveryList\",\"apiVersion\":\"apidiscovery.k8s.io/v2\"");
        assertThat(raw("/api", token, "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList"))
                .contains("\"apiVersion\":\"apidiscovery.k8s.io/v2beta1\"").contains("\"resource\":\"pods\"");
        ServerResources resources = DiscoveryClient.create(KubeRestClient.create(server.restConfig())).serverGroupsAndResources();
        assertThat(resources.isComplete()).isTrue();
        assertThat(resources.resourcesFor(new GroupVersion("apps", "v1")).orElseThrow().resources())
                .anySatisfy(r -> assertThat(r.name()).isEqualTo("deployments/scale"));
    }

    // ------------------------------------------------------------------ auth

    @Test
    void wrongTokenIsUnauthorized() {
        RestConfig wrong = server.restConfig().toBuilder().bearerToken("wrong").maxRetries(0).build();
        try (Clientset c = Clientset.create(wrong)) {
            assertThatThrownBy(() -> c.coreV1().configMaps("default").list())
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusMessage()).isEqualTo("Unauthorized"));
        }
    }

    @Test
    void limitedUserIsForbiddenOutsideItsRules() {
        try (Clientset alice = Clientset.create(server.restConfig("alice"))) {
            assertThat(alice.coreV1().configMaps("default").list().getItems()).isNotNull();
            assertThatThrownBy(() -> alice.coreV1().configMaps("kube-system").list())
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.statusMessage()).isEqualTo(
                            "configmaps is forbidden: User \"alice\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"kube-system\""));
            assertThatThrownBy(() -> alice.coreV1().configMaps("default").create(configMap("denied")))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> alice.coreV1().namespaces().get("default"))
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.statusMessage()).isEqualTo(
                            "namespaces \"default\" is forbidden: User \"alice\" cannot get resource \"namespaces\" in API group \"\" at the cluster scope"));
        }
    }

    @Test
    void clientCertificateUserIsAuthenticatedByItsCommonName() {
        try (Clientset bob = Clientset.create(server.restConfig("bob"))) {
            bob.coreV1().configMaps("default").create(configMap("from-bob"));
            assertThatThrownBy(() -> bob.appsV1().deployments("default").list()).isInstanceOf(ForbiddenException.class);
        }
        assertThat(server.requests()).anySatisfy(r -> {
            assertThat(r.user()).isEqualTo("bob");
            assertThat(r.method()).isEqualTo("POST");
        });
    }

    @Test
    void noCredentialsIsTheAnonymousUser() {
        try (Clientset anonymous = Clientset.create(server.anonymousRestConfig())) {
            assertThatThrownBy(() -> anonymous.coreV1().namespaces().list())
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.statusMessage()).isEqualTo(
                            "namespaces is forbidden: User \"system:anonymous\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope"));
        }
    }

    @Test
    void adminCanImpersonateAndTheRequestActsAsThatUser() {
        RestConfig asAlice = server.restConfig().toBuilder()
                .impersonation(dev.kubeclient.config.Impersonation.user("alice")).build();
        try (Clientset impersonating = Clientset.create(asAlice)) {
            assertThat(impersonating.coreV1().configMaps("default").list()).isNotNull();
            assertThatThrownBy(() -> impersonating.coreV1().configMaps("kube-system").list())
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.statusMessage()).contains("User \"alice\""));
        }
        RestConfig aliceAsAdmin = server.restConfig("alice").toBuilder()
                .impersonation(dev.kubeclient.config.Impersonation.user("admin")).build();
        try (Clientset escalating = Clientset.create(aliceAsAdmin)) {
            assertThatThrownBy(() -> escalating.coreV1().configMaps("default").list())
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.statusMessage()).isEqualTo(
                            "users \"admin\" is forbidden: User \"alice\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope"));
        }
    }

    @Test
    void unknownUserNameForAConfigNamesTheKnownOnes() {
        assertThatThrownBy(() -> server.restConfig("carol")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no user 'carol'").hasMessageContaining("alice");
    }

    // ------------------------------------------------------------------ record and faults

    @Test
    void requestsAreRecordedWithCredentialsRedacted() {
        server.clearRequests();
        clientset.coreV1().configMaps("default").list(ListOptions.builder().labelSelector("a=b").build());
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/api/v1/namespaces/default/configmaps");
            assertThat(r.query()).isEqualTo("labelSelector=a%3Db");
            assertThat(r.header("Authorization")).isEqualTo("<redacted>");
            assertThat(r.user()).isEqualTo(KubeApiServer.ADMIN);
            assertThat(r.protocol()).isEqualTo("HTTP/2.0");
        });
    }

    @Test
    void scriptedTooManyRequestsAnswersLikePriorityAndFairness() {
        server.faults().on("GET", "/api/v1/namespaces/*/configmaps").times(1).tooManyRequests(Duration.ofSeconds(2));
        try (Clientset noRetry = Clientset.create(server.restConfig().toBuilder().maxRetries(0).build())) {
            assertThatThrownBy(() -> noRetry.coreV1().configMaps("default").list())
                    .isInstanceOfSatisfying(TooManyRequestsException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
            assertThat(noRetry.coreV1().configMaps("default").list()).isNotNull();
        }
    }

    @Test
    void scriptedServerErrorsAreUsedUpInOrder() {
        server.faults().on("GET", "/api/v1/namespaces/default/configmaps/**").times(2).status(503);
        server.seed(new ConfigMapBuilder().withNewMetadata().withName("faulty").endMetadata().build());
        try (Clientset noRetry = Clientset.create(server.restConfig().toBuilder().maxRetries(0).build())) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> noRetry.coreV1().configMaps("default").get("faulty"))
                        .isInstanceOf(ServiceUnavailableException.class);
            }
            assertThat(noRetry.coreV1().configMaps("default").get("faulty")).isNotNull();
        }
    }

    @Test
    void clientRetriesAScripted429AfterRetryAfter() {
        server.faults().on("GET", "/api/v1/namespaces/default/configmaps").tooManyRequests(Duration.ofSeconds(1));
        server.clearRequests();
        assertThat(clientset.coreV1().configMaps("default").list()).isNotNull();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void scriptedCutConnectionFailsTheCall() {
        server.faults().on("POST", "/api/v1/namespaces/default/configmaps").cutConnection();
        try (Clientset noRetry = Clientset.create(server.restConfig().toBuilder().maxRetries(0).disableHttp2(true).build())) {
            assertThatThrownBy(() -> noRetry.coreV1().configMaps("default").create(configMap("cut")))
                    .isInstanceOf(KubeClientException.class).hasMessageContaining("POST");
            assertThat(noRetry.coreV1().configMaps("default").create(configMap("cut"))).isNotNull();
        }
    }

    @Test
    void scriptedDelayHoldsTheRequestThenServesIt() {
        server.faults().on("GET", "/version").delay(Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThat(DiscoveryClient.create(KubeRestClient.create(server.restConfig())).serverVersion().gitVersion()).isEqualTo("v1.34.0");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void faultRulesRejectNonsense() {
        assertThatThrownBy(() -> server.faults().onEveryRequest().times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.faults().onEveryRequest().status(200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("400..599");
    }

    // ------------------------------------------------------------------ watches

    @Test
    void bookmarksOnRequestCarryTheCurrentResourceVersion() {
        String ns = namespace();
        try (Watch<ConfigMap> watch = clientset.coreV1().configMaps(ns).watch(ListOptions.builder()
                .resourceVersion(Long.toString(server.resourceVersion())).allowWatchBookmarks(true).timeoutSeconds(10).build())) {
            await().until(() -> server.openWatches() > 0);
            clientset.coreV1().configMaps(ns).create(configMap("before-bookmark"));
            server.sendBookmarks();
            assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.ADDED);
            WatchEvent<ConfigMap> bookmark = watch.next();
            assertThat(bookmark.type()).isEqualTo(WatchEvent.Type.BOOKMARK);
            assertThat(Long.parseLong(bookmark.object().getMetadata().getResourceVersion())).isGreaterThanOrEqualTo(server.resourceVersion() - 0);
        }
    }

    @Test
    void bookmarksArriveOnTheConfiguredInterval() {
        try (KubeApiServer quick = KubeApiServer.builder().bookmarkInterval(Duration.ofMillis(50)).start();
             Watch<ConfigMap> watch = quick.clientset().coreV1().configMaps("default").watch(ListOptions.builder()
                     .resourceVersion("0").allowWatchBookmarks(true).timeoutSeconds(10).build())) {
            assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.BOOKMARK);
        }
    }

    @Test
    void streamingListSendsCurrentObjectsThenTheInitialEventsEndBookmark() {
        String ns = namespace();
        clientset.coreV1().configMaps(ns).create(configMap("s1"));
        clientset.coreV1().configMaps(ns).create(configMap("s2"));
        try (KubeRestClient rest = KubeRestClient.create(server.restConfig());
             Watch<Map> watch = rest.get().version("v1").namespace(ns).resource("configmaps")
                     .param("sendInitialEvents", "true").param("resourceVersionMatch", "NotOlderThan")
                     .param("allowWatchBookmarks", "true").param("timeoutSeconds", "5").watch(Map.class)) {
            assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.ADDED);
            assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.ADDED);
            WatchEvent<Map> end = watch.next();
            assertThat(end.type()).isEqualTo(WatchEvent.Type.BOOKMARK);
            assertThat(end.object().toString()).contains("k8s.io/initial-events-end=true");
        }
    }

    @Test
    void droppedWatchesEnd() {
        try (Watch<ConfigMap> watch = clientset.coreV1().configMaps("default").watch(ListOptions.builder()
                .resourceVersion(Long.toString(server.resourceVersion())).timeoutSeconds(30).build())) {
            await().until(() -> server.openWatches() > 0);
            server.dropWatches();
            assertThat(watch.next()).isNull();
        }
    }

    @Test
    void objectLeavingTheSelectorIsADeletedEvent() {
        String ns = namespace();
        ConfigMap cm = clientset.coreV1().configMaps(ns).create(new ConfigMapBuilder().withNewMetadata().withName("mover")
                .addToLabels("keep", "yes").endMetadata().build());
        try (Watch<ConfigMap> watch = clientset.coreV1().configMaps(ns).watch(ListOptions.builder().labelSelector("keep=yes")
                .resourceVersion(cm.getMetadata().getResourceVersion()).timeoutSeconds(10).build())) {
            cm.getMetadata().setLabels(Map.of("keep", "no"));
            clientset.coreV1().configMaps(ns).update(cm);
            WatchEvent<ConfigMap> event = watch.next();
            assertThat(event.type()).isEqualTo(WatchEvent.Type.DELETED);
            assertThat(event.object().getMetadata().getLabels()).containsEntry("keep", "no");
        }
    }

    @Test
    void historyTrimmedBySizeExpiresOldWatches() {
        try (KubeApiServer small = KubeApiServer.builder().historySize(3).start()) {
            long start = small.resourceVersion();
            for (int i = 0; i < 5; i++) {
                small.clientset().coreV1().configMaps("default").create(configMap("h" + i));
            }
            try (Watch<ConfigMap> watch = small.clientset().coreV1().configMaps("default").watch(ListOptions.builder()
                    .resourceVersion(Long.toString(start)).timeoutSeconds(5).build())) {
                WatchEvent<ConfigMap> event = watch.next();
                assertThat(event.isGone()).isTrue();
            }
        }
    }

    @Test
    void watchTimeoutSecondsEndsTheStream() {
        try (Watch<ConfigMap> watch = clientset.coreV1().configMaps("default").watch(ListOptions.builder()
                .resourceVersion(Long.toString(server.resourceVersion())).timeoutSeconds(1).build())) {
            assertThat(watch.next()).isNull();
        }
    }

    // ------------------------------------------------------------------ lifecycle

    @Test
    void deletedNamespaceTerminatesAndGoes() {
        String ns = namespace();
        clientset.coreV1().configMaps(ns).create(configMap("inside"));
        ConfigMap held = configMap("held");
        held.getMetadata().setFinalizers(List.of("example.com/hold"));
        clientset.coreV1().configMaps(ns).create(held);
        clientset.coreV1().namespaces().delete(ns);
        Namespace terminating = clientset.coreV1().namespaces().get(ns);
        assertThat(terminating.getStatus().getPhase()).isEqualTo("Terminating");
        await().untilAsserted(() -> assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).get("inside"))
                .isInstanceOf(NotFoundException.class));
        assertThat(clientset.coreV1().namespaces().get(ns).getStatus().getPhase()).isEqualTo("Terminating");
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).create(configMap("late")))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.statusMessage())
                        .contains("because it is being terminated"));

        ConfigMap release = clientset.coreV1().configMaps(ns).get("held");
        release.getMetadata().setFinalizers(List.of());
        clientset.coreV1().configMaps(ns).update(release);
        await().untilAsserted(() -> assertThatThrownBy(() -> clientset.coreV1().namespaces().get(ns))
                .isInstanceOf(NotFoundException.class));
    }

    @Test
    void deletingAnOwnerCollectsItsDependentsUnlessOrphaned() {
        String ns = namespace();
        ConfigMap owner = clientset.coreV1().configMaps(ns).create(configMap("owner"));
        ConfigMap dependent = configMap("dependent");
        dependent.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion("v1")
                .withKind("ConfigMap").withName("owner").withUid(owner.getMetadata().getUid()).build()));
        clientset.coreV1().configMaps(ns).create(dependent);
        clientset.coreV1().configMaps(ns).delete("owner");
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).get("dependent")).isInstanceOf(NotFoundException.class);

        ConfigMap owner2 = clientset.coreV1().configMaps(ns).create(configMap("owner2"));
        dependent.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion("v1")
                .withKind("ConfigMap").withName("owner2").withUid(owner2.getMetadata().getUid()).build()));
        dependent.getMetadata().setResourceVersion(null);
        clientset.coreV1().configMaps(ns).create(dependent);
        clientset.coreV1().configMaps(ns).delete("owner2", DeleteOptions.builder().propagationPolicy(PropagationPolicy.ORPHAN).build());
        assertThat(clientset.coreV1().configMaps(ns).get("dependent").getMetadata().getOwnerReferences()).isNullOrEmpty();
    }

    @Test
    void podLogsAnswerTheTextTheTestSet() {
        server.seedJson("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"logger","namespace":"default"},
                 "spec":{"containers":[{"name":"c","image":"busybox"}]}}""");
        server.setPodLog("default", "logger", "line 1\nline 2\n");
        assertThat(clientset.coreV1().pods("default").logText("logger", dev.kubeclient.meta.LogOptions.DEFAULTS))
                .isEqualTo("line 1\nline 2\n");
        assertThatThrownBy(() -> clientset.coreV1().pods("default").logText("absent", dev.kubeclient.meta.LogOptions.DEFAULTS))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void evictionDeletesThePodAndDiscoveryNamesPolicyV1() throws IOException {
        server.seedJson("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"evicted","namespace":"default"},
                 "spec":{"containers":[{"name":"c","image":"busybox"}]}}""");
        clientset.coreV1().pods("default").evict("evicted", DeleteOptions.DEFAULTS);
        assertThatThrownBy(() -> clientset.coreV1().pods("default").get("evicted")).isInstanceOf(NotFoundException.class);
        assertThat(raw("/api/v1", server.restConfig().bearerToken(), null))
                .contains("{\"name\":\"pods/eviction\",\"singularName\":\"\",\"namespaced\":true,\"group\":\"policy\",\"version\":\"v1\",\"kind\":\"Eviction\",\"verbs\":[\"create\"]}");
    }

    // ------------------------------------------------------------------ set-up modes

    @Test
    void apfEmulationAddsTheFlowSchemaHeaders() throws IOException {
        try (KubeApiServer apf = KubeApiServer.builder().apfEmulation(true).plainHttp().start();
             Response response = new OkHttpClient().newCall(new Request.Builder().url(apf.url() + "/version").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("X-Kubernetes-PF-FlowSchema-UID")).isNotBlank();
            assertThat(response.header("X-Kubernetes-PF-PriorityLevel-UID")).isNotBlank();
        }
    }

    @Test
    void plainHttpAnonymousServerNeedsNoCredentials() {
        try (KubeApiServer open = KubeApiServer.builder().plainHttp().anonymous().start()) {
            assertThat(open.url().getScheme()).isEqualTo("http");
            assertThat(open.clientset().coreV1().namespaces().list().getItems())
                    .extracting(n -> n.getMetadata().getName()).contains("default", "kube-system", "kube-public");
        }
    }

    @Test
    void kubeconfigFileWorksThroughTheLoader() {
        Path file = server.kubeconfig();
        RestConfig fromFile = new KubeConfigLoader().restConfig(file, null);
        try (Clientset c = Clientset.create(fromFile)) {
            assertThat(c.coreV1().namespaces().get("default").getMetadata().getName()).isEqualTo("default");
        }
    }

    @Test
    void seededObjectsGetTheBookkeepingOfACreate() {
        ConfigMap seeded = server.seed(new ConfigMapBuilder().withNewMetadata().withName("seeded").withNamespace("kube-system")
                .endMetadata().build());
        assertThat(seeded.getMetadata().getUid()).isNotBlank();
        assertThat(clientset.coreV1().configMaps("kube-system").get("seeded").getMetadata().getResourceVersion())
                .isEqualTo(seeded.getMetadata().getResourceVersion());
        assertThatThrownBy(() -> server.seedJson("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Nothing\",\"metadata\":{\"name\":\"x\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("create its CustomResourceDefinition first");
    }

    @Test
    void demoModeServesDemoObjects() {
        try (KubeApiServer demo = KubeApiServer.startWithDemoObjects()) {
            Clientset c = demo.clientset();
            assertThat(c.coreV1().configMaps("demo").list().getItems()).hasSize(2);
            assertThat(c.appsV1().deployments("demo").get("web").getSpec().getReplicas()).isEqualTo(2);
            assertThat(c.coreV1().pods("demo").list(ListOptions.builder().labelSelector("app=web").build()).getItems()).hasSize(2);
        }
    }
}
