package dev.kubeclient.rest;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.RealCluster;

import java.nio.file.Path;

/**
 * Clients for the envtest server, built by hand from its CA and admin token (the kubeconfig loader lives on
 * another branch).
 */
public final class EnvtestClients {

    private EnvtestClients() {
    }

    /** An admin configuration for {@code server} (the envtest API server, or a proxy in front of it). */
    public static RestConfig admin(String server) {
        RealCluster cluster = RealCluster.fromEnvironment();
        Path ca = cluster.envtestFile("pki/ca.crt").orElseThrow(() ->
                new IllegalStateException("no pki/ca.crt beside " + cluster.adminKubeconfig()));
        Path token = cluster.envtestFile("pki/admin.token").orElseThrow(() ->
                new IllegalStateException("no pki/admin.token beside " + cluster.adminKubeconfig()));
        // Generous limits: the tests create a few hundred objects.
        return RestConfig.builder().server(server).caFile(ca).bearerTokenFile(token).qps(200).burst(400).build();
    }

    /** An admin configuration for the envtest API server. */
    public static RestConfig admin() {
        return admin("https://127.0.0.1:16443");
    }
}
