package dev.kubeclient.scheme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameRecordsTest {

    @Test
    void groupVersionResourceParsesGroupedAndCoreForms() {
        assertThat(GroupVersionResource.parse("apps/v1/deployments"))
                .isEqualTo(new GroupVersionResource("apps", "v1", "deployments"));
        assertThat(GroupVersionResource.parse("v1/configmaps"))
                .isEqualTo(new GroupVersionResource("", "v1", "configmaps"));
    }

    @Test
    void groupVersionResourcePrintsWhatParseReads() {
        assertThat(GroupVersionResource.parse("apps/v1/deployments")).hasToString("apps/v1/deployments");
        assertThat(GroupVersionResource.parse("v1/pods")).hasToString("v1/pods");
    }

    @Test
    void malformedGroupVersionResourcesAreRejectedWithTheInput() {
        assertThatThrownBy(() -> GroupVersionResource.parse("deployments"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'deployments'");
        assertThatThrownBy(() -> GroupVersionResource.parse("a/b/c/d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 or 3 parts");
        assertThatThrownBy(() -> GroupVersionResource.parse("apps//deployments"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version is blank");
        assertThatThrownBy(() -> GroupVersionResource.parse(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void groupVersionParsesApiVersions() {
        assertThat(GroupVersion.parse("v1").isCore()).isTrue();
        assertThat(GroupVersion.parse("apps/v1")).isEqualTo(new GroupVersion("apps", "v1"));
        assertThat(GroupVersion.parse("apps/v1").pathSegments()).containsExactly("apis", "apps", "v1");
        assertThat(GroupVersion.parse("v1").pathSegments()).containsExactly("api", "v1");
        assertThatThrownBy(() -> GroupVersion.parse("a/b/c")).hasMessageContaining("more than one '/'");
    }

    @Test
    void groupVersionKindComesFromApiVersionAndKind() {
        GroupVersionKind gvk = GroupVersionKind.of("apps/v1", "Deployment");

        assertThat(gvk).isEqualTo(new GroupVersionKind("apps", "v1", "Deployment"));
        assertThat(gvk.apiVersion()).isEqualTo("apps/v1");
        assertThat(gvk).hasToString("apps/v1, Kind=Deployment");
        assertThat(GroupVersionKind.of("v1", "Pod").apiVersion()).isEqualTo("v1");
        assertThatThrownBy(() -> GroupVersionKind.of("v1", " ")).hasMessageContaining("kind is blank");
    }

    @Test
    void groupResourceParsesKubectlsDottedForm() {
        assertThat(GroupResource.parse("deployments.apps")).isEqualTo(new GroupResource("apps", "deployments"));
        assertThat(GroupResource.parse("ingresses.networking.k8s.io"))
                .isEqualTo(new GroupResource("networking.k8s.io", "ingresses"));
        assertThat(GroupResource.parse("pods")).hasToString("pods");
    }

    @Test
    void nullGroupMeansTheCoreGroup() {
        assertThat(new GroupVersionResource(null, "v1", "pods").group()).isEmpty();
    }
}
