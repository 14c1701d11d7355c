package dev.kubeclient.transport;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transport against a real kube-apiserver, with a RestConfig built by hand from the admin kubeconfig's server,
 * CA and token. The client-certificate case needs envtest's files and is skipped elsewhere.
 */
@IntegrationTest
class TransportIT {

    private static String get(KubeTransport transport, String path, int expectedStatus) throws Exception {
        Request request = new Request.Builder().url(transport.config().server() + path.substring(1)).build();
        try (Response response = transport.httpClient().newCall(request).execute()) {
            assertThat(response.code()).as(path).isEqualTo(expectedStatus);
            if (!transport.config().disableHttp2()) {
                assertThat(response.protocol()).isEqualTo(Protocol.HTTP_2);
            }
            return response.body().string();
        }
    }

    /** The admin kubeconfig's server and CA only: no credentials. */
    private static RestConfig.Builder serverAndCa(RealCluster cluster) {
        RestConfig admin = cluster.adminConfig();
        return RestConfig.builder().server(admin.server() + "/").caData(admin.caData()).caFile(admin.caFile())
                .tlsServerName(admin.tlsServerName());
    }

    @Test
    void aBearerTokenAndTheClusterCaReachTheApiServer(RealCluster cluster) throws Exception {
        RestConfig config = serverAndCa(cluster).bearerToken(cluster.adminBearerTokenOrSkip()).build();

        try (KubeTransport transport = KubeTransport.create(config)) {
            assertThat(get(transport, "/version", 200)).contains("\"gitVersion\"");
            assertThat(get(transport, "/api/v1/namespaces", 200)).contains("\"kind\":\"NamespaceList\"");
        }
    }

    @Test
    void aClientCertificateReachesTheApiServer(RealCluster cluster) throws Exception {
        RestConfig config = serverAndCa(cluster)
                .clientCertFile(cluster.envtestFileOrSkip("pki/admin-cert.crt"))
                .clientKeyFile(cluster.envtestFileOrSkip("pki/admin-cert.key"))
                .disableHttp2(true).build();

        try (KubeTransport transport = KubeTransport.create(config)) {
            assertThat(get(transport, "/version", 200)).contains("\"gitVersion\"");
            assertThat(get(transport, "/api/v1/namespaces", 200)).contains("\"kind\":\"NamespaceList\"");
        }
    }

    @Test
    void withoutCredentialsTheServerRefusesTheRequest(RealCluster cluster) throws Exception {
        RestConfig config = serverAndCa(cluster).build();

        try (KubeTransport transport = KubeTransport.create(config)) {
            Request request = new Request.Builder().url(config.server() + "api/v1/namespaces").build();
            try (Response response = transport.httpClient().newCall(request).execute()) {
                // 403 for system:anonymous where anonymous auth is on (the default), 401 where it is off.
                assertThat(response.code()).isIn(401, 403);
                if (response.code() == 403) {
                    assertThat(response.body().string()).contains("system:anonymous");
                }
            }
        }
    }

    @Test
    void theJvmTrustStoreDoesNotTrustAPrivateClusterCa(RealCluster cluster) {
        RestConfig admin = cluster.adminConfig();
        Assumptions.assumeTrue(admin.caData() != null || admin.caFile() != null,
                "the admin kubeconfig names no CA: the cluster's certificate may be publicly trusted");
        RestConfig config = RestConfig.builder().server(admin.server() + "/").build();

        try (KubeTransport transport = KubeTransport.create(config)) {
            assertThatThrownBy(() -> get(transport, "/version", 200))
                    .isInstanceOf(TlsHandshakeException.class)
                    .hasMessageContaining(admin.server().getHost() + ":" + admin.server().getPort())
                    .hasMessageContaining("certificate-authority");
        }
    }
}
