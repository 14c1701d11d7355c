package dev.kubeclient.auth;

import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.config.ExecConfig.InteractiveMode;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials built by {@link Authentication} are accepted by a real kube-apiserver (envtest). A plain OkHttp
 * client stands in for the transport, which lives in another package.
 */
@IntegrationTest
class AuthenticationIT {

    @TempDir
    Path dir;

    private final RealCluster cluster = RealCluster.fromEnvironment();

    private Path pki(String name) {
        return cluster.envtestFile("pki/" + name).orElseGet(() -> {
            Assumptions.abort("not an envtest cluster: pki/" + name + " is missing");
            return null;
        });
    }

    private RestConfig.Builder config() {
        return RestConfig.builder().server("https://127.0.0.1:16443").origin("envtest");
    }

    private int get(Authentication auth, String token) throws IOException {
        HandshakeCertificates.Builder tls = new HandshakeCertificates.Builder();
        for (X509Certificate ca : Pem.certificates(Files.readAllBytes(pki("ca.crt")), "pki/ca.crt")) {
            tls.addTrustedCertificate(ca);
        }
        if (auth.clientCertificates().isPresent() && auth.clientCertificates().get().current() != null) {
            ClientCertificate cc = auth.clientCertificates().get().current();
            tls.heldCertificate(new HeldCertificate(new KeyPair(cc.leaf().getPublicKey(), cc.privateKey()), cc.leaf()));
        }
        HandshakeCertificates certificates = tls.build();
        OkHttpClient client = new OkHttpClient.Builder()
                .sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager()).build();
        try {
            Request.Builder request = new Request.Builder().url("https://127.0.0.1:16443/api/v1/namespaces/default");
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
                .clientCertFile(pki("admin-cert.crt")).clientKeyFile(pki("admin-cert.key")).build());
        assertThat(get(auth, null)).isEqualTo(200);
    }

    @Test
    void aTokenFileAuthenticates() throws IOException {
        Authentication auth = Authentication.forConfig(config().bearerTokenFile(pki("admin.token")).build());
        assertThat(get(auth, auth.tokenSource().orElseThrow().token())).isEqualTo(200);
    }

    @Test
    void anExecPluginTokenAuthenticatesAndIsFetchedAgainAfterA401() throws IOException {
        Path count = dir.resolve("count");
        Path script = dir.resolve("plugin.sh");
        // The first run hands out a wrong token, later runs the admin token: the 401 path end to end.
        Files.writeString(script, "#!/bin/bash\necho run >> '" + count + "'\n"
                + "if [ $(wc -l < '" + count + "') -eq 1 ]; then t=wrong-token; else t=$(cat '" + pki("admin.token") + "'); fi\n"
                + "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"%s\"}}' \"$t\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        ExecConfig exec = new ExecConfig(null, script.toString(), List.of(), Map.of(), null, true, null,
                InteractiveMode.NEVER, null);
        Authentication auth = Authentication.forConfig(config().exec(exec).build());
        TokenSource tokens = auth.tokenSource().orElseThrow();

        String first = tokens.token();
        assertThat(get(auth, first)).isEqualTo(401);
        assertThat(tokens.invalidate(first)).isTrue();
        assertThat(get(auth, tokens.token())).isEqualTo(200);
        assertThat(Files.readAllLines(count)).hasSize(2);
    }
}
