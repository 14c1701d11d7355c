package dev.kubeclient.sample;

import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample application, run as a user would, against a real API server. */
@IntegrationTest
class SampleApplicationIT {

    @Test
    void sampleReadsTheClusterAndServerSideAppliesItsConfigMap(RealCluster cluster) {
        String namespace = RealCluster.uniqueName("sample");
        try (KubeRestClient admin = KubeRestClient.create(new KubeConfigLoader().restConfig(cluster.adminKubeconfig(), null))) {
            admin.post().version("v1").resource("namespaces")
                    .body(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).bytes();

            try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
                    "--kube.client.kubeconfig=" + cluster.adminKubeconfig(), "--sample.namespace=" + namespace)) {
                assertThat(context.isActive()).isTrue();
            }

            ConfigMap applied = admin.get().version("v1").namespace(namespace).resource("configmaps")
                    .name(ClusterReport.CONFIG_MAP).as(ConfigMap.class);
            assertThat(applied.getData()).containsEntry("greeting", "hello from kube-client");
            assertThat(applied.getMetadata().getManagedFields())
                    .anySatisfy(f -> {
                        assertThat(f.getManager()).isEqualTo("kube-client-sample");
                        assertThat(f.getOperation()).isEqualTo("Apply");
                    });
        }
    }
}
