package dev.kubeclient.sample;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample run as a user would against a real API server (CI: the envtest kube-apiserver), through the admin
 * kubeconfig, calling every endpoint with the same assertions as against the embedded server.
 */
@IntegrationTest
class SampleApplicationIT extends SampleEndpointsContract {

    private static final int WEB_PODS = 2;
    private static String namespace;
    private static KubeRestClient admin;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start(RealCluster cluster) {
        namespace = RealCluster.uniqueName("sample");
        admin = KubeRestClient.create(cluster.adminConfig());
        Clientset clientset = Clientset.of(admin);
        clientset.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName(namespace)
                .endMetadata().build());
        // Where no controllers run (envtest), pods need a ServiceAccount and no mounted token to be admitted.
        try {
            clientset.coreV1().serviceAccounts(namespace).create(new ServiceAccountBuilder().withNewMetadata()
                    .withName("default").endMetadata().build());
        } catch (RuntimeException e) {
            if (!ApiErrors.isAlreadyExists(e)) {
                throw e;
            }
        }
        for (int i = 0; i < WEB_PODS; i++) {
            clientset.coreV1().pods(namespace).create(new PodBuilder().withNewMetadata().withName("web-" + i)
                    .addToLabels("app", "web").endMetadata().withNewSpec().withAutomountServiceAccountToken(false)
                    .addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec().build());
        }
        clientset.coreV1().pods(namespace).create(new PodBuilder().withNewMetadata().withName("db")
                .addToLabels("app", "db").endMetadata().withNewSpec().withAutomountServiceAccountToken(false)
                .addNewContainer().withName("db").withImage("postgres:17").endContainer().endSpec().build());

        app = SpringApplication.run(SampleApplication.class, "--server.port=0",
                "--sample.embedded-cluster=never",
                "--kube.client.kubeconfig=" + cluster.adminKubeconfig(),
                "--kube.client.namespace=" + namespace);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (admin != null) {
            Clientset.of(admin).coreV1().namespaces().delete(namespace);
            admin.close();
        }
    }

    @Override
    ConfigurableApplicationContext app() {
        return app;
    }

    @Override
    int webPods() {
        return WEB_PODS;
    }

    @Test
    void theStartUpApplyIsOwnedByTheConfiguredFieldManager() {
        ConfigMap applied = Clientset.of(admin).coreV1().configMaps(namespace).get("kube-client-sample");

        assertThat(applied.getData()).containsEntry("greeting", "hello from kube-client");
        assertThat(applied.getMetadata().getManagedFields()).anySatisfy(f -> {
            assertThat(f.getManager()).isEqualTo("kube-client-sample");
            assertThat(f.getOperation()).isEqualTo("Apply");
        });
    }
}
