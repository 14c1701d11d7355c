package dev.kubeclient.discovery;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.testing.RealCluster;

import java.nio.file.Path;

/**
 * A REST client for the envtest server, built by hand from the run folder's CA and admin token (the kubeconfig
 * loader lives on another branch). The server URL is the envtest default.
 */
public final class EnvtestClients {

    /** The envtest kube-apiserver. */
    public static final String SERVER = "https://127.0.0.1:16443";

    private EnvtestClients() {
    }

    /** An admin client with the given field manager. */
    public static KubeRestClient admin(RealCluster cluster, String fieldManager) {
        Path ca = cluster.envtestFile("pki/ca.crt")
                .orElseThrow(() -> new IllegalStateException("no pki/ca.crt beside " + cluster.adminKubeconfig()));
        Path token = cluster.envtestFile("pki/admin.token")
                .orElseThrow(() -> new IllegalStateException("no pki/admin.token beside " + cluster.adminKubeconfig()));
        RestConfig config = RestConfig.builder().server(SERVER).caFile(ca).bearerTokenFile(token)
                .fieldManager(fieldManager).qps(50).burst(100).build();
        return KubeRestClient.create(config);
    }
}
