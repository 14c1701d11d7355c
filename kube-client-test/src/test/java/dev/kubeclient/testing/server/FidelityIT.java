package dev.kubeclient.testing.server;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;

/**
 * The fidelity suite against the real cluster named by {@code KUBE_CLIENT_IT_KUBECONFIG} (CI: envtest); skipped
 * with a message when it is unset.
 */
@IntegrationTest
class FidelityIT extends FidelitySuite {

    @Override
    protected RestConfig restConfig() {
        return RealCluster.fromEnvironment().adminConfig();
    }
}
