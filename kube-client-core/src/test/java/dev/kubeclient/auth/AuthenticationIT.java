package dev.kubeclient.auth;

import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.FakeExecPlugin;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials built by {@link Authentication} are accepted by a real kube-apiserver. A plain OkHttp client stands in
 * for the transport, which lives in another package. The server and its CA come from the admin kubeconfig; the
 * client-certificate case needs envtest's files and is skipped elsewhere.
 */
@IntegrationTest
class AuthenticationIT {

    @TempDir
    Path dir;

    private final RealCluster cluster = RealCluster.fromEnvironment();
    private final RestConfig admin = cluster.adminConfig();

    private RestConfig.Builder config() {
        return RestConfig.builder().server(admin.server().toString()).origin("integration test");
    }

    private int get(Authentication auth, String token) throws IOException {
        HandshakeCertificates.Builder tls = new HandshakeCertificates.Builder();
        byte[] ca = admin.caData() != null ? admin.caData()
                : admin.caFile() != null ? Files.readAllBytes(admin.caFile()) : null;
        if (ca == null) {
            tls.addPlatformTrustedCertificates();
        } else {
            for (X509Certificate cert : Pem.certificates(ca, "the admin kubeconfig's CA")) {
                tls.addTrustedCertificate(cert);
            }
        }
        if (auth.clientCertificates().isPresent() && auth.clientCertificates().get().current() != null) {
            ClientCertificate cc = auth.clientCertificates().get().current();
            tls.heldCertificate(new HeldCertificate(new KeyPair(cc.leaf().getPublicKey(), cc.privateKey()), cc.leaf()));
        }
        HandshakeCertificates certificates = tls.build();
        OkHttpClient client = new OkHttpClient.Builder()
                .sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager()).build();
        try {
            Request.Builder request = new Request.Builder().url(admin.server().resolve("/api/v1/namespaces/default").toString());
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try (Response response = client.newCall(request.build()).execute()) {
                return response.code();
            }
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Test
    void clientCertificateFilesAuthenticate() throws IOException {
        Authentication auth = Authentication.forConfig(config()
                .clientCertFile(cluster.envtestFileOrSkip("pki/admin-cert.crt"))
                .clientKeyFile(cluster.envtestFileOrSkip("pki/admin-cert.key")).build());
        assertThat(get(auth, null)).isEqualTo(200);
    }

    @Test
    void aTokenFileAuthenticates() throws IOException {
        Path tokenFile = Files.writeString(dir.resolve("token"), cluster.adminBearerTokenOrSkip() + "\n");
        Authentication auth = Authentication.forConfig(config().bearerTokenFile(tokenFile).build());
        assertThat(get(auth, auth.tokenSource().orElseThrow().token())).isEqualTo(200);
    }

    @Test
    void anExecPluginTokenAuthenticatesAndIsFetchedAgainAfterA401() throws IOException {
        Path count = dir.resolve("count");
        // The first run hands out a wrong token, later runs the admin token: the 401 path end to end.
        ExecConfig exec = FakeExecPlugin.in(dir).countingRunsIn(count)
                .printing(FakeExecPlugin.tokenCredential("wrong-token"),
                        FakeExecPlugin.tokenCredential(cluster.adminBearerTokenOrSkip()))
                .toExecConfig();
        Authentication auth = Authentication.forConfig(config().exec(exec).build());
        TokenSource tokens = auth.tokenSource().orElseThrow();

        String first = tokens.token();
        assertThat(get(auth, first)).isEqualTo(401);
        assertThat(tokens.invalidate(first)).isTrue();
        assertThat(get(auth, tokens.token())).isEqualTo(200);
        assertThat(Files.readAllLines(count)).hasSize(2);
    }
}
