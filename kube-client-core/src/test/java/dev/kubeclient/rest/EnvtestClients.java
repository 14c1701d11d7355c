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
     * it (the server certificate must cover the proxy's host, as envtest's and kind's cover 127.0.0.1).
     */
    public static RestConfig admin(String server) {
        return admin().toBuilder().server(server).build();
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
