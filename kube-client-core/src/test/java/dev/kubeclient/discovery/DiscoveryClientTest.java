package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;

import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.rest.KubeRestClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscoveryClientTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private KubeRestClient rest;

    private DiscoveryClient legacyServer() {
        server.setDispatcher(FixtureDispatcher.legacy());
        rest = TestClients.rest(server);
        return DiscoveryClient.create(rest);
    }

    private FixtureDispatcher dispatcher() {
        return (FixtureDispatcher) server.getDispatcher();
    }

    @AfterEach
    void closeClient() {
        if (rest != null) {
            rest.close();
        }
    }

    @Test
    void serverVersionIsReadFromTheVersionEndpoint() {
        ServerVersion version = legacyServer().serverVersion();

        assertThat(version.major()).isEqualTo("1");
        assertThat(version.minor()).isEqualTo("20");
        assertThat(version.gitVersion()).isEqualTo("v1.20.2");
        assertThat(version.platform()).isEqualTo("linux/amd64");
    }

    @Test
    void oneGroupIsReadWithOneRequestAndAnUnservedGroupIsEmpty() {
        DiscoveryClient discovery = legacyServer();
        dispatcher().json("/apis/batch", "legacy-1.20/apis-group-batch.json");

        ApiGroup batch = discovery.serverGroup("batch").orElseThrow();

        assertThat(batch.versions()).containsExactly(GroupVersion.parse("batch/v1"), GroupVersion.parse("batch/v1beta1"));
        assertThat(batch.preferredVersion()).isEqualTo(GroupVersion.parse("batch/v1"));
        assertThat(discovery.serverGroup("example.com")).isEmpty();
        assertThat(discovery.serverGroup("").orElseThrow().versions()).containsExactly(GroupVersion.parse("v1"));
        assertThat(dispatcher().requests).extracting(r -> r.getUrl().encodedPath())
                .containsExactly("/apis/batch", "/apis/example.com", "/api");
    }

    @Test
    void aGroupDocumentForAnotherGroupIsMalformed() {
        DiscoveryClient discovery = legacyServer();
        dispatcher().json("/apis/apps", "legacy-1.20/apis-group-batch.json");

        assertThatThrownBy(() -> discovery.serverGroup("apps"))
                .isInstanceOf(KubeClientException.class)
                .hasMessage("malformed discovery document from GET /apis/apps: answered with group 'batch'");
    }

    @Test
    void legacyGroupsListTheCoreGroupFirstWithPreferredVersions() {
        List<ApiGroup> groups = legacyServer().serverGroups();

        assertThat(groups).extracting(ApiGroup::name).containsExactly("", "apps", "batch", "metrics.k8s.io");
        ApiGroup batch = groups.get(2);
        assertThat(batch.versions()).containsExactly(GroupVersion.parse("batch/v1"), GroupVersion.parse("batch/v1beta1"));
        assertThat(batch.preferredVersion()).isEqualTo(GroupVersion.parse("batch/v1"));
        assertThat(groups.get(0).preferredVersion()).isEqualTo(new GroupVersion("", "v1"));
    }

    @Test
    void askingForGroupsSendsTheAggregatedAcceptHeaderAndFallsBackOnPlainJson() throws Exception {
        legacyServer().serverGroups();

        RecordedRequest api = dispatcher().requests.get(0);
        assertThat(api.getUrl().encodedPath()).isEqualTo("/api");
        assertThat(api.getHeaders().get("Accept")).isEqualTo(
                "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                        + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json");
        assertThat(dispatcher().count("/apis")).isEqualTo(1);
    }

    @Test
    void legacyResourceListsCarryEveryFieldAndSubresources() {
        ApiResourceList apps = legacyServer().serverResourcesForGroupVersion(GroupVersion.parse("apps/v1"));

        assertThat(apps.groupVersion()).isEqualTo(GroupVersion.parse("apps/v1"));
        ApiResource deployments = find(apps, "deployments");
        assertThat(deployments.namespaced()).isTrue();
        assertThat(deployments.kind()).isEqualTo("Deployment");
        assertThat(deployments.shortNames()).containsExactly("deploy");
        assertThat(deployments.categories()).containsExactly("all");
        assertThat(deployments.verbs()).contains("get", "list", "watch", "deletecollection");
        assertThat(deployments.singularName()).isEmpty();
        assertThat(deployments.singularOrGuess()).isEqualTo("deployment");

        ApiResource scale = find(apps, "deployments/scale");
        assertThat(scale.isSubresource()).isTrue();
        assertThat(scale.resourceName()).isEqualTo("deployments");
        assertThat(scale.subresourceName()).isEqualTo("scale");
        assertThat(scale.group()).isEqualTo("autoscaling");
        assertThat(scale.version()).isEqualTo("v1");
        assertThat(scale.kind()).isEqualTo("Scale");
    }

    @Test
    void coreResourcesComeFromApiV1() {
        ApiResourceList core = legacyServer().serverResourcesForGroupVersion(new GroupVersion("", "v1"));

        assertThat(dispatcher().count("/api/v1")).isEqualTo(1);
        assertThat(find(core, "namespaces").namespaced()).isFalse();
        assertThat(find(core, "configmaps").shortNames()).containsExactly("cm");
        assertThat(find(core, "pods/log").isSubresource()).isTrue();
    }

    @Test
    void anUnavailableGroupVersionIsAPartialFailureNotAnError() {
        ServerResources all = legacyServer().serverGroupsAndResources();

        assertThat(all.isComplete()).isFalse();
        assertThat(all.failures()).containsOnlyKeys(GroupVersion.parse("metrics.k8s.io/v1beta1"));
        assertThat(all.failures().get(GroupVersion.parse("metrics.k8s.io/v1beta1"))).hasMessageContaining("503");
        assertThat(all.resourceLists()).extracting(ApiResourceList::groupVersion).containsExactly(
                new GroupVersion("", "v1"), GroupVersion.parse("apps/v1"), GroupVersion.parse("batch/v1"),
                GroupVersion.parse("batch/v1beta1"));
        assertThatThrownBy(all::orThrow)
                .isInstanceOf(GroupDiscoveryFailedException.class)
                .hasMessageContaining("metrics.k8s.io/v1beta1")
                .satisfies(e -> assertThat(((GroupDiscoveryFailedException) e).partialResult()).isSameAs(all));
    }

    @Test
    void preferredResourcesTakeThePreferredVersionAndKeepResourcesOnlyInOlderVersions() {
        ServerResources preferred = legacyServer().serverPreferredResources();

        ApiResourceList batchV1 = preferred.resourcesFor(GroupVersion.parse("batch/v1")).orElseThrow();
        assertThat(batchV1.resources()).extracting(ApiResource::name).containsExactly("jobs");
        ApiResourceList batchBeta = preferred.resourcesFor(GroupVersion.parse("batch/v1beta1")).orElseThrow();
        assertThat(batchBeta.resources()).extracting(ApiResource::name).containsExactly("cronjobs");
        assertThat(preferred.resourceLists()).allSatisfy(l ->
                assertThat(l.resources()).noneMatch(ApiResource::isSubresource));
        assertThat(preferred.failures()).containsOnlyKeys(GroupVersion.parse("metrics.k8s.io/v1beta1"));
    }

    @Test
    void preferredNamespacedResourcesLeaveClusterScopedOnesOut() {
        ServerResources namespaced = legacyServer().serverPreferredNamespacedResources();

        ApiResourceList core = namespaced.resourcesFor(new GroupVersion("", "v1")).orElseThrow();
        assertThat(core.resources()).extracting(ApiResource::name).contains("configmaps", "pods")
                .doesNotContain("namespaces", "nodes", "persistentvolumes");
    }

    @Test
    void aggregatedDiscoveryAnswersEverythingWithTwoRequests() {
        server.setDispatcher(FixtureDispatcher.aggregated());
        rest = TestClients.rest(server);

        ServerResources all = DiscoveryClient.create(rest).serverGroupsAndResources();

        assertThat(dispatcher().total()).isEqualTo(2);
        assertThat(all.groups()).extracting(ApiGroup::name)
                .containsExactly("", "apps", "autoscaling", "apiextensions.k8s.io", "metrics.k8s.io");
        ApiGroup autoscaling = all.group("autoscaling").orElseThrow();
        assertThat(autoscaling.preferredVersion()).isEqualTo(GroupVersion.parse("autoscaling/v2"));

        ApiResourceList apps = all.resourcesFor(GroupVersion.parse("apps/v1")).orElseThrow();
        ApiResource deployments = find(apps, "deployments");
        assertThat(deployments.singularName()).isEqualTo("deployment");
        assertThat(deployments.namespaced()).isTrue();
        assertThat(deployments.kind()).isEqualTo("Deployment");
        assertThat(deployments.group()).isEmpty();
        assertThat(deployments.shortNames()).containsExactly("deploy");
        ApiResource scale = find(apps, "deployments/scale");
        assertThat(scale.group()).isEqualTo("autoscaling");
        assertThat(scale.version()).isEqualTo("v1");
        assertThat(scale.kind()).isEqualTo("Scale");
        assertThat(scale.namespaced()).isTrue();

        ApiResourceList core = all.resourcesFor(new GroupVersion("", "v1")).orElseThrow();
        assertThat(find(core, "namespaces").namespaced()).isFalse();
        assertThat(find(core, "pods/eviction").group()).isEqualTo("policy");
        assertThat(find(core, "pods/log").group()).isEmpty();
    }

    @Test
    void aStaleAggregatedVersionIsAPartialFailure() {
        server.setDispatcher(FixtureDispatcher.aggregated());
        rest = TestClients.rest(server);

        ServerResources all = DiscoveryClient.create(rest).serverGroupsAndResources();

        assertThat(all.failures()).containsOnlyKeys(GroupVersion.parse("metrics.k8s.io/v1beta1"));
        assertThat(all.failures().values().iterator().next()).hasMessageContaining("stale");
        assertThat(dispatcher().count("/apis/metrics.k8s.io/v1beta1")).isZero();
    }

    @Test
    void aggregatedPreferredResourcesFollowTheServersVersionOrder() {
        server.setDispatcher(FixtureDispatcher.aggregated());
        rest = TestClients.rest(server);

        ServerResources preferred = DiscoveryClient.create(rest).serverPreferredResources();

        assertThat(preferred.resourcesFor(GroupVersion.parse("autoscaling/v2"))).isPresent();
        assertThat(preferred.resourcesFor(GroupVersion.parse("autoscaling/v1"))).isEmpty();
    }

    @Test
    void aLegacyOnlyClientDoesNotAskForAggregatedDiscovery() throws Exception {
        server.setDispatcher(FixtureDispatcher.legacy());
        rest = TestClients.rest(server);

        DiscoveryClient.legacy(rest).serverGroups();

        assertThat(dispatcher().requests.get(0).getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void failingApisIsAnErrorNotAPartialResult() {
        FixtureDispatcher d = FixtureDispatcher.legacy();
        d.status("/apis", 500, "InternalError", "etcd is down");
        server.setDispatcher(d);
        rest = TestClients.rest(server);

        assertThatThrownBy(() -> DiscoveryClient.create(rest).serverGroupsAndResources())
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("500");
    }

    @Test
    void aMalformedDocumentNamesTheEndpoint() {
        FixtureDispatcher d = FixtureDispatcher.legacy();
        d.respond("/apis", new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"groups\": {\"oops\": 1}}").build());
        server.setDispatcher(d);
        rest = TestClients.rest(server);

        assertThatThrownBy(() -> DiscoveryClient.create(rest).serverGroups())
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("GET /apis")
                .hasMessageContaining("groups");
    }

    @Test
    void notJsonAtAllNamesTheEndpoint() {
        FixtureDispatcher d = FixtureDispatcher.legacy();
        d.respond("/apis/apps/v1", new MockResponse.Builder().body("<html>proxy error</html>").build());
        server.setDispatcher(d);
        rest = TestClients.rest(server);

        assertThatThrownBy(() -> DiscoveryClient.create(rest).serverResourcesForGroupVersion(GroupVersion.parse("apps/v1")))
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("GET /apis/apps/v1");
    }

    @Test
    void theContentTypeDecidesWhetherTheAnswerIsAggregated() {
        assertThat(DiscoveryClient.isAggregated(FixtureDispatcher.AGGREGATED_CONTENT_TYPE)).isTrue();
        assertThat(DiscoveryClient.isAggregated(
                "application/json; g=apidiscovery.k8s.io; v=v2beta1; as=APIGroupDiscoveryList")).isTrue();
        assertThat(DiscoveryClient.isAggregated("application/json")).isFalse();
        assertThat(DiscoveryClient.isAggregated(null)).isFalse();
    }

    static ApiResource find(ApiResourceList list, String name) {
        return list.resources().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + list.groupVersion()));
    }
}
