package dev.kubeclient.testing.junit;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.server.KubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One server for the whole class: what one test stores, the next one sees; fields and parameters are injected. */
@EnableKubeApiServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassServerTest {

    static KubeApiServer sharedServer;
    Clientset clientset;
    RestConfig config;

    @Test
    @Order(1)
    void fieldsAreInjected(KubeApiServer server) {
        assertThat(sharedServer).isSameAs(server);
        assertThat(clientset).isSameAs(server.clientset());
        assertThat(config.server()).isEqualTo(server.url());
        clientset.coreV1().configMaps("default").create(new ConfigMapBuilder().withNewMetadata().withName("kept").endMetadata().build());
    }

    @Test
    @Order(2)
    void theServerOutlivesOneTest(Clientset parameter) {
        assertThat(parameter.coreV1().configMaps("default").get("kept")).isNotNull();
    }

    @Test
    @Order(3)
    void kubeconfigPathIsReadable(@KubeconfigPath Path kubeconfig) throws Exception {
        assertThat(Files.readString(kubeconfig)).contains("current-context: kube-client-test");
        try (Clientset fromFile = Clientset.create(new KubeConfigLoader().restConfig(kubeconfig, null))) {
            assertThat(fromFile.coreV1().configMaps("default").get("kept")).isNotNull();
        }
    }

    /** Nested classes share the enclosing class's server. */
    @Nested
    class NestedTests {

        @Test
        void nestedTestsSeeTheSameServer(KubeApiServer server) {
            assertThat(server).isSameAs(sharedServer);
        }
    }
}
