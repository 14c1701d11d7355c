package dev.kubeclient.testing.server;

import dev.kubeclient.config.RestConfig;

/** The fidelity suite against the test kit's server, over HTTP/2. */
class FidelityTest extends FidelitySuite {

    private final KubeApiServer server = KubeApiServer.start();

    @Override
    protected RestConfig restConfig() {
        return server.restConfig();
    }

    @Override
    protected void expireHistory() {
        server.compactHistory();
    }

    @Override
    protected void afterSuite() {
        server.close();
    }
}
