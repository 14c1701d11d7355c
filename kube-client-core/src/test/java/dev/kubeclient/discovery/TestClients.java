package dev.kubeclient.discovery;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.rest.KubeRestClient;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** A REST client pointed at a MockWebServer over plain HTTP. */
final class TestClients {

    private TestClients() {
    }

    static KubeRestClient rest(MockWebServer server) {
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).build();
        return KubeRestClient.builder(config).httpClient(new OkHttpClient()).build();
    }

    /** Without client-side rate limiting, for tests that count many requests. */
    static KubeRestClient unthrottled(MockWebServer server) {
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).qps(-1).build();
        return KubeRestClient.builder(config).httpClient(new OkHttpClient()).build();
    }
}
