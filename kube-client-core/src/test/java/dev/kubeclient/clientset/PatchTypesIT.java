package dev.kubeclient.clientset;

import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.errors.InvalidException;
import dev.kubeclient.meta.PatchOptions;

import dev.kubeclient.rest.KubeJson;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The four patch types against one Deployment, each showing its merge behaviour. */
@IntegrationTest
class PatchTypesIT {

    private static Clientset clientset;
    private static String ns;

    @BeforeAll
    static void connect(RealCluster cluster) {
        clientset = Clientset.create(EnvtestClientsets.adminConfig(cluster).fieldManager("patch-it").build());
        ns = EnvtestClientsets.newNamespace(clientset, "typed-patch");
        clientset.appsV1().deployments(ns).create(new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec()
                .addNewContainer().withName("web").withImage("nginx:1.25").addNewEnv().withName("A").withValue("1").endEnv().endContainer()
                .addNewContainer().withName("sidecar").withImage("busybox:1.36").endContainer()
                .endSpec().endTemplate().endSpec().build());
    }

    @AfterAll
    static void close() {
        if (clientset != null) {
            clientset.coreV1().namespaces().delete(ns);
            clientset.close();
        }
    }

    @Test
    void strategicMergeMergesContainersByName() {
        Deployment patched = clientset.appsV1().deployments(ns).patch("web", PatchType.STRATEGIC_MERGE,
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.26\"}]}}}}");

        var containers = patched.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).extracting(c -> c.getName()).containsExactly("web", "sidecar");
        assertThat(containers.get(0).getImage()).isEqualTo("nginx:1.26");
        assertThat(containers.get(0).getEnv()).extracting(EnvVar::getName).containsExactly("A");
    }

    @Test
    void mergePatchSetsMapEntriesAndRemovesWithNull() {
        var deployments = clientset.appsV1().deployments(ns);
        deployments.patch("web", PatchType.MERGE, Map.of("metadata", Map.of("labels", Map.of("tier", "front", "old", "x"))));

        Deployment patched = deployments.patch("web", PatchType.MERGE,
                KubeJson.defaults().mapper().readTree("{\"metadata\":{\"labels\":{\"old\":null}}}"));

        assertThat(patched.getMetadata().getLabels()).containsEntry("tier", "front").doesNotContainKey("old");
    }

    @Test
    void aJsonPatchWhoseTestOperationFailsIsRejectedAsInvalidAndChangesNothing() {
        var deployments = clientset.appsV1().deployments(ns);
        int replicas = deployments.get("web").getSpec().getReplicas();
        byte[] ops = ("[{\"op\":\"test\",\"path\":\"/spec/template/spec/containers/1/name\",\"value\":\"not-the-sidecar\"},"
                + "{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":" + (replicas + 4) + "}]")
                .getBytes(StandardCharsets.UTF_8);

        // The API server answers a failed "test" with 422 Invalid (RFC 6902: the whole patch is rejected).
        InvalidException rejected = catchThrowableOfType(InvalidException.class,
                () -> deployments.patch("web", PatchType.JSON_PATCH, ops));

        assertThat(rejected).isNotNull();
        assertThat(rejected.code()).isEqualTo(422);
        assertThat(ApiErrors.isInvalid(rejected)).isTrue();
        assertThat(deployments.get("web").getSpec().getReplicas()).isEqualTo(replicas);
    }

    @Test
    void jsonPatchAppliesExplicitOperationsWithATest() {
        byte[] ops = ("[{\"op\":\"test\",\"path\":\"/spec/template/spec/containers/1/name\",\"value\":\"sidecar\"},"
                + "{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]").getBytes(StandardCharsets.UTF_8);

        Deployment patched = clientset.appsV1().deployments(ns).patch("web", PatchType.JSON_PATCH, ops);

        assertThat(patched.getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void applyPatchRecordsTheConfiguredFieldManager() {
        Deployment applied = clientset.appsV1().deployments(ns).apply(new DeploymentBuilder()
                .withNewMetadata().withName("web").addToAnnotations("owner", "patch-it").endMetadata().build());

        assertThat(applied.getMetadata().getAnnotations()).containsEntry("owner", "patch-it");
        assertThat(applied.getMetadata().getManagedFields())
                .anySatisfy(e -> {
                    assertThat(e.getManager()).isEqualTo("patch-it");
                    assertThat(e.getOperation()).isEqualTo("Apply");
                });
        assertThat(applied.getSpec().getTemplate().getSpec().getContainers()).hasSize(2);
    }

    @Test
    void aDryRunPatchWithAnObjectBodyAnswersWithoutStoring() {
        Deployment patched = clientset.appsV1().deployments(ns).patch("web", PatchType.MERGE,
                Map.of("spec", Map.of("minReadySeconds", 5)), PatchOptions.builder().dryRun(true).build());

        assertThat(patched.getSpec().getMinReadySeconds()).isEqualTo(5);
        assertThat(clientset.appsV1().deployments(ns).get("web").getSpec().getMinReadySeconds())
                .as("dry run: nothing stored").isIn(null, 0);
    }
}
