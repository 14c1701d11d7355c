package dev.kubeclient.rest;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.RealCluster;

import java.net.URI;

/** Admin configurations for the cluster under test, from its admin kubeconfig. */
public final class EnvtestClients {

    private EnvtestClients() {
    }

    /**
     * The admin configuration with {@code server} in place of the cluster's address: a loopback proxy in front of
     * it. The server certificate is still checked against the cluster's own name (its {@code tls-server-name}, or
     * else its host), so this works whatever names the certificate holds.
     */
    public static RestConfig admin(String server) {
        RestConfig admin = admin();
        String serverName = admin.tlsServerName() != null ? admin.tlsServerName() : admin.server().getHost();
        return admin.toBuilder().server(server).tlsServerName(serverName).build();
    }

    /** The admin configuration of the cluster under test, with generous limits: the tests create many objects. */
    public static RestConfig admin() {
        return RealCluster.fromEnvironment().adminConfig().toBuilder().qps(200).burst(400).build();
    }

    /** The cluster's API server address. */
    public static URI server() {
        return admin().server();
    }
}
