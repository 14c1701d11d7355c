package dev.kubeclient.clientset;

import dev.kubeclient.meta.CreateOptions;
import dev.kubeclient.meta.DeleteOptions;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.meta.PropagationPolicy;

import dev.kubeclient.errors.AlreadyExistsException;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.errors.ConflictException;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class TypedCrudIT {

    private static Clientset clientset;
    private static String ns;

    @BeforeAll
    static void connect(RealCluster cluster) {
        clientset = EnvtestClientsets.admin(cluster);
        ns = EnvtestClientsets.newNamespace(clientset, "typed-crud");
    }

    @AfterAll
    static void close() {
        if (clientset != null) {
            clientset.coreV1().namespaces().delete(ns);
            clientset.close();
        }
    }

    @Test
    void configMapsGoThroughCreateGetListUpdateAndDelete() {
        var configMaps = clientset.coreV1().configMaps(ns);
        ConfigMap created = configMaps.create(new ConfigMapBuilder().withNewMetadata().withName("settings")
                .addToLabels("app", "crud").endMetadata().addToData("mode", "fast").build());

        ConfigMap read = configMaps.get("settings");
        read.getData().put("mode", "safe");
        ConfigMap updated = configMaps.update(read);
        var listed = configMaps.list(ListOptions.builder().labelSelector("app=crud").build());

        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(updated.getData()).containsEntry("mode", "safe");
        assertThat(updated.getMetadata().getResourceVersion()).isNotEqualTo(created.getMetadata().getResourceVersion());
        assertThat(listed.getItems()).extracting(c -> c.getMetadata().getName()).containsExactly("settings");

        assertThatThrownBy(() -> configMaps.update(created)).as("a stale resourceVersion conflicts")
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> configMaps.create(new ConfigMapBuilder().withNewMetadata().withName("settings")
                .endMetadata().build())).isInstanceOf(AlreadyExistsException.class);

        configMaps.delete("settings", DeleteOptions.builder().preconditionUid(created.getMetadata().getUid()).build());
        assertThatThrownBy(() -> configMaps.get("settings")).isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(ApiErrors.isNotFound(e)).isTrue());
    }

    @Test
    void dryRunWritesNothing() {
        var configMaps = clientset.coreV1().configMaps(ns);

        ConfigMap answer = configMaps.create(new ConfigMapBuilder().withNewMetadata().withName("dry").endMetadata().build(),
                CreateOptions.builder().dryRun(true).build());

        assertThat(answer.getMetadata().getName()).isEqualTo("dry");
        assertThatThrownBy(() -> configMaps.get("dry")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void secretsRoundTripTheirData() {
        var secrets = clientset.coreV1().secrets(ns);
        String encoded = Base64.getEncoder().encodeToString("s3cr3t".getBytes(StandardCharsets.UTF_8));

        secrets.create(new SecretBuilder().withNewMetadata().withName("creds").endMetadata()
                .withType("Opaque").addToData("password", encoded).build());
        Secret read = secrets.get("creds");
        secrets.delete("creds");

        assertThat(read.getData()).containsEntry("password", encoded);
        assertThatThrownBy(() -> secrets.get("creds")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void servicesGetAClusterIpAndCanBePatched() {
        var services = clientset.coreV1().services(ns);
        services.create(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().addToSelector("app", "web").addNewPort().withPort(80).endPort().endSpec().build());

        Service patched = services.patch("web", dev.kubeclient.rest.PatchType.MERGE,
                Map.of("metadata", Map.of("labels", Map.of("tier", "front"))));

        // The address comes from the cluster's service range, whatever that is: an IP literal, not "None".
        assertThat(patched.getSpec().getClusterIP()).matches("[0-9.]+|[0-9a-fA-F:]+");
        assertThat(patched.getSpec().getClusterIP()).isNotEqualTo("None");
        assertThat(patched.getMetadata().getLabels()).containsEntry("tier", "front");
        services.delete("web");
    }

    @Test
    void deploymentsScaleThroughTheScaleSubresource() {
        var deployments = clientset.appsV1().deployments(ns);
        deployments.create(new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.25").endContainer().endSpec()
                .endTemplate().endSpec().build());

        Scale scale = deployments.scale("web");
        scale.getSpec().setReplicas(4);
        deployments.updateScale("web", scale);
        Deployment read = deployments.get("web");

        assertThat(read.getSpec().getReplicas()).isEqualTo(4);
        deployments.delete("web", DeleteOptions.builder().propagationPolicy(PropagationPolicy.BACKGROUND).build());
    }

    @Test
    void namespacesAreClusterScoped() {
        var namespaces = clientset.coreV1().namespaces();
        String name = RealCluster.uniqueName("typed-ns");

        namespaces.create(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels("purpose", "typed-it").endMetadata().build());
        Namespace read = namespaces.get(name);
        var listed = namespaces.list(ListOptions.builder().labelSelector("purpose=typed-it").build());
        namespaces.delete(name);

        assertThat(read.getStatus().getPhase()).isEqualTo("Active");
        assertThat(listed.getItems()).extracting(n -> n.getMetadata().getName()).contains(name);
        // Without a namespace controller (envtest) the namespace stays Terminating; with one it may already be gone.
        try {
            assertThat(namespaces.get(name).getStatus().getPhase()).isEqualTo("Terminating");
        } catch (NotFoundException gone) {
            assertThat(gone.getMessage()).contains(name);
        }
    }
}
