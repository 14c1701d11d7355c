package dev.kubeclient.discovery;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.testing.RealCluster;


/** An admin REST client for the cluster under test, from its admin kubeconfig. */
public final class EnvtestClients {

    private EnvtestClients() {
    }

    /** An admin client with the given field manager. */
    public static KubeRestClient admin(RealCluster cluster, String fieldManager) {
        RestConfig config = cluster.adminConfig().toBuilder().fieldManager(fieldManager).qps(50).burst(100).build();
        return KubeRestClient.create(config);
    }
}
