package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersionKind;
import dev.kubeclient.scheme.GroupVersionResource;

import dev.kubeclient.rest.KubeRestClient;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestMapperTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private FixtureDispatcher dispatcher;
    private KubeRestClient rest;

    private RestMapper mapper(FixtureDispatcher d) {
        dispatcher = d;
        server.setDispatcher(d);
        rest = TestClients.rest(server);
        return RestMapper.create(CachedDiscoveryClient.wrap(DiscoveryClient.create(rest)));
    }

    @AfterEach
    void tearDown() {
        if (rest != null) {
            rest.close();
        }
    }

    @Test
    void aKindMapsToItsPreferredResourceAndScope() {
        RestMapping mapping = mapper(FixtureDispatcher.legacy()).mappingFor("Deployment");

        assertThat(mapping.resource()).isEqualTo(GroupVersionResource.parse("apps/v1/deployments"));
        assertThat(mapping.kind()).isEqualTo(new GroupVersionKind("apps", "v1", "Deployment"));
        assertThat(mapping.scope()).isEqualTo(Scope.NAMESPACED);
        assertThat(mapping.namespaced()).isTrue();
    }

    @Test
    void clusterScopedKindsSaySo() {
        RestMapping mapping = mapper(FixtureDispatcher.legacy()).mappingFor("Namespace");

        assertThat(mapping.resource()).isEqualTo(GroupVersionResource.parse("v1/namespaces"));
        assertThat(mapping.scope()).isEqualTo(Scope.CLUSTER);
    }

    @Test
    void aKindOnlyInANonPreferredVersionIsFoundThere() {
        RestMapper mapper = mapper(FixtureDispatcher.legacy());

        assertThat(mapper.mappingFor("CronJob").resource()).isEqualTo(GroupVersionResource.parse("batch/v1beta1/cronjobs"));
        assertThat(mapper.mappingFor("Job").resource()).isEqualTo(GroupVersionResource.parse("batch/v1/jobs"));
    }

    @Test
    void kindsMatchCaseInsensitivelyAndWithAGroup() {
        RestMapper mapper = mapper(FixtureDispatcher.legacy());

        assertThat(mapper.mappingFor("deployment").kind().kind()).isEqualTo("Deployment");
        assertThat(mapper.mappingFor("Deployment.apps").resource().group()).isEqualTo("apps");
        assertThat(mapper.mappingFor("Deployment.v1.apps").resource().version()).isEqualTo("v1");
    }

    @Test
    void anExactGroupVersionKindMapsToItsResource() {
        RestMapper mapper = mapper(FixtureDispatcher.legacy());

        assertThat(mapper.mappingFor(new GroupVersionKind("batch", "v1beta1", "CronJob")).resource())
                .isEqualTo(GroupVersionResource.parse("batch/v1beta1/cronjobs"));
        assertThat(mapper.mappingFor(GroupVersionKind.of("v1", "ConfigMap")).resource())
                .isEqualTo(GroupVersionResource.parse("v1/configmaps"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "deploy, apps/v1/deployments",
            "deployments, apps/v1/deployments",
            "deployment, apps/v1/deployments",
            "Deployment, apps/v1/deployments",
            "DEPLOY, apps/v1/deployments",
            "deployments.apps, apps/v1/deployments",
            "deploy.apps, apps/v1/deployments",
            "deployments.v1.apps, apps/v1/deployments",
            "cm, v1/configmaps",
            "configmap, v1/configmaps",
            "po, v1/pods",
            "pod, v1/pods",
            "svc, v1/services",
            "ns, v1/namespaces",
            "cj, batch/v1beta1/cronjobs",
            "jobs.batch, batch/v1/jobs",
    })
    void resourceNamesResolveAsKubectlDoes(String input, String expected) {
        assertThat(mapper(FixtureDispatcher.legacy()).resourceFor(input).resource())
                .isEqualTo(GroupVersionResource.parse(expected));
    }

    @Test
    void aGroupVersionResourceMapsToItsKindAndScope() {
        RestMapping mapping = mapper(FixtureDispatcher.legacy()).resourceFor(GroupVersionResource.parse("v1/pods"));

        assertThat(mapping.kind()).isEqualTo(GroupVersionKind.of("v1", "Pod"));
        assertThat(mapping.namespaced()).isTrue();
    }

    @Test
    void aResourceInTheWrongGroupIsNotFound() {
        RestMapper mapper = mapper(FixtureDispatcher.legacy());

        assertThatThrownBy(() -> mapper.resourceFor("deployments.batch"))
                .isInstanceOf(NoMatchException.class)
                .hasMessageContaining("deployments.batch");
    }

    @Test
    void subresourcesAreNotMappedAsKinds() {
        RestMapper mapper = mapper(FixtureDispatcher.legacy());

        assertThatThrownBy(() -> mapper.mappingFor("Scale")).isInstanceOf(NoMatchException.class);
    }

    @Test
    void aMissRightAfterReadingDiscoveryThrowsNamingWhatWasLookedForWithoutAskingAgain() {
        RestMapper mapper = mapper(FixtureDispatcher.legacy());

        assertThatThrownBy(() -> mapper.resourceFor("gizmos"))
                .isInstanceOf(NoMatchException.class)
                .hasMessageContaining("'gizmos'")
                .hasMessageContaining("compared with the plural, singular and short names of")
                .hasMessageContaining("RestMapper.reset() forces it")
                .hasMessageContaining("metrics.k8s.io/v1beta1")
                .satisfies(e -> assertThat(((NoMatchException) e).searchedFor()).isEqualTo("gizmos"));
        assertThat(dispatcher.count("/apis")).isEqualTo(1);
    }

    @Test
    void hitsDoNotTouchTheServerAgain() {
        RestMapper mapper = mapper(FixtureDispatcher.legacy());
        mapper.mappingFor("Deployment");
        int requests = dispatcher.total();

        mapper.resourceFor("cm");
        mapper.mappingFor("Job");

        assertThat(dispatcher.total()).isEqualTo(requests);
    }

    @Test
    void aggregatedDiscoveryPrefersTheFirstListedVersion() {
        RestMapper mapper = mapper(FixtureDispatcher.aggregated());

        assertThat(mapper.resourceFor("hpa").resource()).isEqualTo(GroupVersionResource.parse("autoscaling/v2/horizontalpodautoscalers"));
        assertThat(mapper.mappingsFor("HorizontalPodAutoscaler")).extracting(m -> m.resource().version())
                .containsExactly("v2", "v1");
        assertThat(mapper.resourceFor("crds").scope()).isEqualTo(Scope.CLUSTER);
        assertThat(mapper.resourceFor("deployment").resource().resource()).isEqualTo("deployments");
    }

    @Test
    void blankNamesAreRejected() {
        RestMapper mapper = mapper(FixtureDispatcher.legacy());

        assertThatThrownBy(() -> mapper.resourceFor(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resource is blank");
        assertThatThrownBy(() -> mapper.mappingFor((String) null)).isInstanceOf(IllegalArgumentException.class);
    }
}
