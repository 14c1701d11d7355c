package dev.kubeclient.testing.server;

import dev.kubeclient.config.RestConfig;

/** The fidelity suite against the test kit's server, over HTTP/1.1 (the client does not offer HTTP/2). */
class FidelityHttp11Test extends FidelitySuite {

    private final KubeApiServer server = KubeApiServer.start();

    @Override
    protected RestConfig restConfig() {
        return server.restConfig().toBuilder().disableHttp2(true).build();
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
