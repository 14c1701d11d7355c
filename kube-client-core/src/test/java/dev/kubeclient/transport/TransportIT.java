package dev.kubeclient.transport;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The transport against the envtest kube-apiserver, with a RestConfig built by hand from its PKI folder. */
@IntegrationTest
class TransportIT {

    private static final String SERVER = "https://127.0.0.1:16443";

    private static Path pki(RealCluster cluster, String file) {
        Path path = cluster.envtestFile("pki/" + file).orElse(null);
        assumeTrue(path != null, "not an envtest cluster: pki/" + file + " is missing");
        return path;
    }

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

    @Test
    void aBearerTokenAndTheClusterCaReachTheApiServer(RealCluster cluster) throws Exception {
        String token = Files.readString(pki(cluster, "admin.token"), StandardCharsets.UTF_8).trim();
        RestConfig config = RestConfig.builder().server(SERVER + "/").caFile(pki(cluster, "ca.crt")).bearerToken(token).build();

        try (KubeTransport transport = KubeTransport.create(config)) {
            assertThat(get(transport, "/version", 200)).contains("\"gitVersion\"");
            assertThat(get(transport, "/api/v1/namespaces", 200)).contains("\"kind\":\"NamespaceList\"");
        }
    }

    @Test
    void aClientCertificateReachesTheApiServer(RealCluster cluster) throws Exception {
        RestConfig config = RestConfig.builder().server(SERVER + "/").caData(Files.readAllBytes(pki(cluster, "ca.crt")))
                .clientCertFile(pki(cluster, "admin-cert.crt")).clientKeyFile(pki(cluster, "admin-cert.key"))
                .disableHttp2(true).build();

        try (KubeTransport transport = KubeTransport.create(config)) {
            assertThat(get(transport, "/version", 200)).contains("\"gitVersion\"");
            assertThat(get(transport, "/api/v1/namespaces", 200)).contains("\"kind\":\"NamespaceList\"");
        }
    }

    @Test
    void withoutCredentialsTheServerAnswers403ForAnonymous(RealCluster cluster) throws Exception {
        RestConfig config = RestConfig.builder().server(SERVER + "/").caFile(pki(cluster, "ca.crt")).build();

        try (KubeTransport transport = KubeTransport.create(config)) {
            assertThat(get(transport, "/api/v1/namespaces", 403)).contains("system:anonymous");
        }
    }

    @Test
    void theJvmTrustStoreDoesNotTrustTheEnvtestCa() {
        RestConfig config = RestConfig.builder().server(SERVER + "/").build();

        try (KubeTransport transport = KubeTransport.create(config)) {
            assertThatThrownBy(() -> get(transport, "/version", 200))
                    .isInstanceOf(TlsHandshakeException.class)
                    .hasMessageContaining("127.0.0.1:16443")
                    .hasMessageContaining("certificate-authority");
        }
    }
}
