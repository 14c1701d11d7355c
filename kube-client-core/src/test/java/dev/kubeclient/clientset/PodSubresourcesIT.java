package dev.kubeclient.clientset;

import dev.kubeclient.meta.LogOptions;

import dev.kubeclient.meta.DeleteOptions;

import dev.kubeclient.errors.AlreadyExistsException;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pod subresources on a real server. The pods here select a node label no node has, so they stay Pending and
 * unscheduled on any cluster (envtest has no scheduler anyway): eviction deletes them at once (on 1.20 through the
 * policy/v1beta1 fallback), and a log request is answered with nothing to read.
 */
@IntegrationTest
class PodSubresourcesIT {

    private static Clientset clientset;
    private static String namespace;

    @BeforeAll
    static void setUp() {
        clientset = EnvtestClientsets.admin(RealCluster.fromEnvironment());
        namespace = EnvtestClientsets.newNamespace(clientset, "typed-pods");
        // Admission wants the "default" ServiceAccount. Where controllers run they create it, perhaps while we do;
        // without them (envtest) nobody does.
        try {
            clientset.coreV1().serviceAccounts(namespace)
                    .create(new ServiceAccountBuilder().withNewMetadata().withName("default").endMetadata().build());
        } catch (AlreadyExistsException createdByTheController) {
            // the ServiceAccount controller was quicker: what we need exists
        }
    }

    @AfterAll
    static void close() {
        if (clientset != null) {
            clientset.close();
        }
    }

    private static Pod pendingPod(String name) {
        return clientset.coreV1().pods(namespace).create(new PodBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withAutomountServiceAccountToken(false)
                .addToNodeSelector("kube-client.dev/no-such-node", "true")
                .addNewContainer().withName("app").withImage("busybox").endContainer().endSpec()
                .build());
    }

    @Test
    void evictingAPodRemovesIt() {
        pendingPod("evicted");

        clientset.coreV1().pods(namespace).evict("evicted", DeleteOptions.DEFAULTS);

        assertThatThrownBy(() -> clientset.coreV1().pods(namespace).get("evicted"))
                .satisfies(e -> assertThat(ApiErrors.isNotFound(e)).isTrue());
    }

    @Test
    void evictingAMissingPodIsATypedNotFound() {
        assertThatThrownBy(() -> clientset.coreV1().pods(namespace).evict("no-such-pod", DeleteOptions.DEFAULTS))
                .satisfies(e -> assertThat(ApiErrors.isNotFound(e)).isTrue());
    }

    @Test
    void theLogOfAPodThatNeverStartedIsEmpty() throws Exception {
        pendingPod("unscheduled");

        assertThat(clientset.coreV1().pods(namespace).logText("unscheduled", LogOptions.DEFAULTS)).isEmpty();
        try (var stream = clientset.coreV1().pods(namespace).log("unscheduled", LogOptions.builder().follow(true).build())) {
            assertThat(stream.read()).isEqualTo(-1);
        }
    }

    @Test
    void theLogOfAMissingPodIsATypedNotFound() {
        assertThatThrownBy(() -> clientset.coreV1().pods(namespace).logText("no-such-pod", LogOptions.DEFAULTS))
                .satisfies(e -> assertThat(ApiErrors.isNotFound(e)).isTrue());
    }
}
