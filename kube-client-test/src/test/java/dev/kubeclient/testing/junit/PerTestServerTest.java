package dev.kubeclient.testing.junit;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.testing.server.KubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fresh server per test method: nothing carries over, and the per-test server is closed after each test. */
@EnableKubeApiServer(scope = EnableKubeApiServer.Scope.TEST, http2 = false, demoObjects = true)
class PerTestServerTest {

    KubeApiServer server;

    @RepeatedTest(2)
    void eachTestStartsEmpty(Clientset clientset) {
        assertThat(clientset.coreV1().configMaps("demo").list().getItems()).hasSize(2);
        assertThatThrownBy(() -> clientset.coreV1().configMaps("default").get("leftover")).isInstanceOf(NotFoundException.class);
        clientset.coreV1().configMaps("default").create(new ConfigMapBuilder().withNewMetadata().withName("leftover").endMetadata().build());
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.protocol()).isEqualTo("HTTP/1.1"));
    }
}
