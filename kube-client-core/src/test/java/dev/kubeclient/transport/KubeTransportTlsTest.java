package dev.kubeclient.transport;

import dev.kubeclient.auth.AuthEnvironment;
import dev.kubeclient.auth.CredentialException;
import dev.kubeclient.config.RestConfig;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.kubeclient.transport.TlsFixtures.CA;
import static dev.kubeclient.transport.TlsFixtures.OTHER_CA;
import static dev.kubeclient.transport.TlsFixtures.SERVER;
import static dev.kubeclient.transport.TlsFixtures.configFor;
import static dev.kubeclient.transport.TlsFixtures.httpsServer;
import static dev.kubeclient.transport.TlsFixtures.pem;
import static dev.kubeclient.transport.TlsFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeTransportTlsTest {

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private MockWebServer start(MockWebServer server) throws IOException {
        server.start();
        closeables.add(server);
        return server;
    }

    private KubeTransport transport(RestConfig config) {
        return transport(KubeTransport.builder(config));
    }

    private KubeTransport transport(KubeTransport.Builder builder) {
        KubeTransport t = builder.environment(name -> null).build();
        closeables.add(t);
        return t;
    }

    private static Response get(KubeTransport transport, MockWebServer server) throws IOException {
        return transport.httpClient().newCall(new Request.Builder().url(server.url("/version")).build()).execute();
    }

    private static String getBody(KubeTransport transport, MockWebServer server) throws IOException {
        try (Response response = get(transport, server)) {
            assertThat(response.code()).isEqualTo(200);
            return response.body().string();
        }
    }

    @Test
    void verifiesTheServerCertificateAgainstCaData() throws Exception {
        MockWebServer server = start(httpsServer(SERVER));
        server.enqueue(new MockResponse(200, okhttp3.Headers.of(), "{\"major\":\"1\"}"));
        KubeTransport transport = transport(configFor(server).caData(pem(CA)).build());

        assertThat(getBody(transport, server)).isEqualTo("{\"major\":\"1\"}");
    }

    @Test
    void verifiesTheServerCertificateAgainstCaFile() throws Exception {
        Path caFile = Files.write(dir.resolve("ca.crt"), pem(CA));
        MockWebServer server = start(httpsServer(SERVER));
        server.enqueue(new MockResponse.Builder().body("ok").build());
        KubeTransport transport = transport(configFor(server).caFile(caFile).build());

        assertThat(getBody(transport, server)).isEqualTo("ok");
    }

    @Test
    void trustsAnyCaOfABundleWithSeveralCertificates() throws Exception {
        MockWebServer server = start(httpsServer(SERVER));
        server.enqueue(new MockResponse.Builder().body("ok").build());
        KubeTransport transport = transport(configFor(server).caData(pem(OTHER_CA, CA)).build());

        assertThat(getBody(transport, server)).isEqualTo("ok");
    }

    @Test
    void aServerSignedByAnotherCaFailsWithAMessageNamingTheServerAndTheCaSetting() throws Exception {
        MockWebServer server = start(httpsServer(SERVER));
        KubeTransport transport = transport(configFor(server).caData(pem(OTHER_CA)).build());

        assertThatThrownBy(() -> get(transport, server))
                .isInstanceOf(TlsHandshakeException.class)
                .hasMessageContaining("TLS handshake with " + server.getHostName() + ":" + server.getPort())
                .hasMessageContaining("test config")
                .hasMessageContaining("only the CAs in caData")
                .hasMessageContaining("certificate-authority")
                .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }

    @Test
    void withoutACaOnlyTheJvmTrustStoreIsTrustedAndTheMessageSaysSo() throws Exception {
        MockWebServer server = start(httpsServer(SERVER));
        KubeTransport transport = transport(configFor(server).build());

        assertThatThrownBy(() -> get(transport, server))
                .isInstanceOf(TlsHandshakeException.class)
                .hasMessageContaining("the JVM's default trust store");
    }

    @Test
    void insecureSkipTlsVerifyAcceptsAnyCertificateForAnyName() throws Exception {
        HeldCertificate wrongName = TlsFixtures.serverCertificate(OTHER_CA, "somewhere.else.example");
        MockWebServer server = start(httpsServer(wrongName));
        server.enqueue(new MockResponse.Builder().body("ok").build());
        KubeTransport transport = transport(configFor(server).insecureSkipTlsVerify(true).build());

        assertThat(getBody(transport, server)).isEqualTo("ok");
    }

    @Test
    void tlsServerNameIsSentAsSniAndCheckedInsteadOfTheUrlHost() throws Exception {
        HeldCertificate internal = TlsFixtures.serverCertificate(CA, "kubernetes.default.svc");
        MockWebServer server = start(httpsServer(internal));
        server.enqueue(new MockResponse.Builder().body("ok").build());
        KubeTransport transport = transport(configFor(server).caData(pem(CA)).tlsServerName("kubernetes.default.svc").build());

        assertThat(getBody(transport, server)).isEqualTo("ok");
        assertThat(server.takeRequest().getHandshakeServerNames()).containsExactly("kubernetes.default.svc");
    }

    @Test
    void aCertificateForAnotherNameFailsWithAHintAtTlsServerName() throws Exception {
        HeldCertificate internal = TlsFixtures.serverCertificate(CA, "kubernetes.default.svc");
        MockWebServer server = start(httpsServer(internal));
        KubeTransport transport = transport(configFor(server).caData(pem(CA)).build());

        assertThatThrownBy(() -> get(transport, server))
                .isInstanceOf(TlsHandshakeException.class)
                .hasMessageContaining("not valid for host '" + server.getHostName() + "'")
                .hasMessageContaining("tls-server-name");
    }

    @Test
    void tlsServerNameThatTheCertificateDoesNotHoldIsRejected() throws Exception {
        MockWebServer server = start(httpsServer(SERVER));
        KubeTransport transport = transport(configFor(server).caData(pem(CA)).tlsServerName("not-in-the-cert.example").build());

        assertThatThrownBy(() -> get(transport, server))
                .isInstanceOf(TlsHandshakeException.class)
                .hasMessageContaining("tls-server-name 'not-in-the-cert.example'");
    }

    @Test
    void negotiatesHttp2OverTlsWhenTheServerOffersIt() throws Exception {
        MockWebServer server = start(httpsServer(SERVER));
        server.enqueue(new MockResponse.Builder().body("ok").build());
        KubeTransport transport = transport(configFor(server).caData(pem(CA)).build());

        try (Response response = get(transport, server)) {
            assertThat(response.protocol()).isEqualTo(Protocol.HTTP_2);
        }
    }

    @Test
    void disableHttp2KeepsToHttp11() throws Exception {
        MockWebServer server = start(httpsServer(SERVER));
        server.enqueue(new MockResponse.Builder().body("ok").build());
        KubeTransport transport = transport(configFor(server).caData(pem(CA)).disableHttp2(true).build());

        try (Response response = get(transport, server)) {
            assertThat(response.protocol()).isEqualTo(Protocol.HTTP_1_1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "RSA key in PKCS#1, /auth/rsa-cert.pem, /auth/rsa-key-pkcs1.pem, CN=rsa-user",
            "RSA key in PKCS#8, /auth/rsa-cert.pem, /auth/rsa-key-pkcs8.pem, CN=rsa-user",
            "EC key in SEC1, /auth/ec-p256-cert.pem, /auth/ec-p256-key-sec1.pem, CN=ec-p256-user",
            "EC key in PKCS#8, /auth/ec-p384-cert.pem, /auth/ec-p384-key-pkcs8.pem, CN=ec-p384-user"})
    void presentsTheClientCertificateToAServerThatRequiresOne(String kind, String cert, String key, String subject) throws Exception {
        MockWebServer server = httpsServer(SERVER, TlsFixtures.clientCa());
        server.requireClientAuth();
        start(server);
        server.enqueue(new MockResponse.Builder().body("ok").build());
        KubeTransport transport = transport(configFor(server).caData(pem(CA))
                .clientCertData(resource(cert)).clientKeyData(resource(key)).build());

        assertThat(getBody(transport, server)).isEqualTo("ok");
        assertThat(server.takeRequest().getHandshake().peerPrincipal().getName()).contains(subject);
    }

    @Test
    void aServerThatRequiresAClientCertificateFailsClearlyWithoutOne() throws Exception {
        MockWebServer server = httpsServer(SERVER, TlsFixtures.clientCa());
        server.requireClientAuth();
        start(server);
        KubeTransport transport = transport(configFor(server).caData(pem(CA)).build());

        assertThatThrownBy(() -> getBody(transport, server))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aRotatedClientCertificateFileIsPresentedOnANewConnection() throws Exception {
        MockWebServer server = httpsServer(SERVER, TlsFixtures.clientCa());
        server.requireClientAuth();
        start(server);
        Path cert = Files.write(dir.resolve("client.crt"), resource("/auth/rsa-cert.pem"));
        Path key = Files.write(dir.resolve("client.key"), resource("/auth/rsa-key-pkcs8.pem"));
        AuthEnvironment env = AuthEnvironment.system().withRefreshPeriods(Duration.ofMinutes(1), Duration.ofNanos(1));
        KubeTransport transport = transport(KubeTransport.builder(configFor(server).caData(pem(CA))
                .clientCertFile(cert).clientKeyFile(key).build()).authEnvironment(env));
        server.enqueue(new MockResponse.Builder().body("one").build());
        server.enqueue(new MockResponse.Builder().body("two").build());
        server.enqueue(new MockResponse.Builder().body("three").build());

        getBody(transport, server);
        RecordedRequest first = server.takeRequest();
        Files.write(cert, resource("/auth/ec-p256-cert.pem"));
        Files.write(key, resource("/auth/ec-p256-key-pkcs8.pem"));
        bumpModificationTime(cert, key);
        getBody(transport, server);
        RecordedRequest second = server.takeRequest();
        getBody(transport, server);
        RecordedRequest third = server.takeRequest();

        assertThat(first.getHandshake().peerPrincipal().getName()).contains("CN=rsa-user");
        assertThat(second.getHandshake().peerPrincipal().getName()).contains("CN=ec-p256-user");
        assertThat(second.getConnectionIndex()).isNotEqualTo(first.getConnectionIndex());
        assertThat(third.getConnectionIndex()).as("the new connection is pooled").isEqualTo(second.getConnectionIndex());
    }

    @Test
    void aRotatedCaFileIsTrustedByTheNextConnectionAndOldConnectionsAreClosed() throws Exception {
        MockWebServer server = start(httpsServer(SERVER));
        Path caFile = Files.write(dir.resolve("ca.crt"), pem(CA));
        KubeTransport transport = transport(configFor(server).caFile(caFile).build());
        server.enqueue(new MockResponse.Builder().body("one").build());
        server.enqueue(new MockResponse.Builder().body("two").build());

        getBody(transport, server);
        Files.write(caFile, pem(OTHER_CA));
        bumpModificationTime(caFile);
        assertThatThrownBy(() -> get(transport, server))
                .as("the pooled connection trusted under the old CA is not reused")
                .isInstanceOf(TlsHandshakeException.class)
                .hasMessageContaining("caFile " + caFile);

        Files.write(caFile, pem(OTHER_CA, CA));
        bumpModificationTime(caFile);
        assertThat(getBody(transport, server)).isEqualTo("two");
    }

    @Test
    void aMissingCaFileIsReportedWithItsPath() {
        Path missing = dir.resolve("nope.crt");
        RestConfig config = RestConfig.builder().server("https://127.0.0.1:6443").caFile(missing).build();

        assertThatThrownBy(() -> KubeTransport.create(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caFile " + missing)
                .hasMessageContaining("certificate-authority");
    }

    @Test
    void caDataWithoutACertificateIsReported() {
        RestConfig config = RestConfig.builder().server("https://127.0.0.1:6443")
                .caData("not a certificate".getBytes(StandardCharsets.UTF_8)).build();

        assertThatThrownBy(() -> KubeTransport.create(config))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("caData");
    }

    /** File systems with coarse timestamps could otherwise hide a rewrite in the same tick. */
    private static void bumpModificationTime(Path... files) throws IOException {
        for (Path f : files) {
            Files.setLastModifiedTime(f, FileTime.from(Instant.now(Clock.systemUTC()).plusSeconds(5 + f.hashCode() % 3)));
        }
    }
}
