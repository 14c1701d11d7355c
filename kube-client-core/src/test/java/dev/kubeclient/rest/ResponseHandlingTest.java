package dev.kubeclient.rest;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.AlreadyExistsException;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.errors.KubeApiException;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.errors.TooManyRequestsException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import javax.net.ssl.SSLException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseHandlingTest {

    private static final String CONFIG_MAP = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":"
            + "\"c\",\"resourceVersion\":\"12\",\"creationTimestamp\":\"2024-01-02T03:04:05Z\"},\"data\":{\"k\":"
            + "\"v\"},\"someFutureField\":true}";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final RecordingListener listener = new RecordingListener();
    private KubeRestClient client;

    @BeforeEach
    void setUp() {
        client = KubeRestClient.builder(RestConfig.builder().server(server.url("/").toString()).listener(listener)
                .qps(-1).build()).httpClient(new OkHttpClient()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private void answer(int code, String contentType, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", contentType).body(body)
                .build());
    }

    private static String status(int code, String reason, String message) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"" + message
                + "\",\"reason\":\"" + reason + "\",\"details\":{\"name\":\"c\",\"kind\":\"configmaps\"},\"code\":"
                + code + "}";
    }

    @Test
    void decodesIntoAClassIgnoringUnknownFields() {
        answer(200, "application/json", CONFIG_MAP);
        ConfigMap cm = client.get().absPath("/api/v1/namespaces/ns/configmaps/c").as(ConfigMap.class);
        assertThat(cm.getMetadata().getResourceVersion()).isEqualTo("12");
        assertThat(cm.getMetadata().getCreationTimestamp()).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(cm.getData()).containsEntry("k", "v");
    }

    @Test
    void decodesIntoATypeReferenceBytesAndAStream() throws Exception {
        answer(200, "application/json", CONFIG_MAP);
        Map<String, Object> map = client.get().absPath("/x").as(new TypeReference<Map<String, Object>>() { });
        assertThat(map).containsEntry("kind", "ConfigMap");

        answer(200, "application/json", "[1,2]");
        assertThat(client.get().absPath("/x").as(new TypeReference<List<Integer>>() { })).containsExactly(1, 2);

        answer(200, "text/plain", "log line\n");
        assertThat(new String(client.get().absPath("/x").bytes(), StandardCharsets.UTF_8)).isEqualTo("log line\n");

        answer(200, "text/plain", "streamed");
        try (InputStream in = client.get().absPath("/api/v1/namespaces/ns/pods/p/log").param("follow", "true")
                .stream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("streamed");
        }
    }

    @Test
    void executeGivesHeadersAndABodyTheCallerCloses() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .addHeader("X-Kubernetes-PF-FlowSchema-UID", "fs").body(CONFIG_MAP).build());
        try (KubeResponse response = client.get().absPath("/x").execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("X-Kubernetes-PF-FlowSchema-UID")).isEqualTo("fs");
            assertThat(response.contentType()).startsWith("application/json");
            assertThat(response.as(ConfigMap.class).getMetadata().getName()).isEqualTo("c");
        }
    }

    @Test
    void anUndecodableBodyNamesTheRequestAndTheType() {
        answer(200, "application/json", "<html>not json</html>");
        assertThatThrownBy(() -> client.get().absPath("/api/v1/namespaces/ns/configmaps/c").as(ConfigMap.class))
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("GET " + server.url("/api/v1/namespaces/ns/configmaps/c"))
                .hasMessageContaining("ConfigMap");
    }

    @Test
    void aJsonStatusBecomesItsTypedException() {
        answer(404, "application/json", status(404, "NotFound", "configmaps \\\"c\\\" not found"));
        assertThatThrownBy(() -> client.get().absPath("/api/v1/namespaces/ns/configmaps/c").bytes())
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("not found")
                .satisfies(e -> assertThat(ApiErrors.isNotFound(e)).isTrue());

        answer(409, "application/json", status(409, "AlreadyExists", "configmaps \\\"c\\\" already exists"));
        assertThatThrownBy(() -> client.post().absPath("/api/v1/namespaces/ns/configmaps").body("{}").bytes())
                .isInstanceOf(AlreadyExistsException.class);

        assertThat(listener.finished()).extracting(r -> r.statusCode()).containsExactly(404, 409);
    }

    @Test
    void aPlainText429AndAnHtml502StillBecomeTypedExceptions() {
        answer(429, "text/plain", "Too many requests, please try again later.");
        assertThatThrownBy(() -> client.get().absPath("/api/v1/pods").bytes())
                .isInstanceOf(TooManyRequestsException.class);

        answer(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
        assertThatThrownBy(() -> client.get().absPath("/api/v1/pods").bytes())
                .isInstanceOf(KubeApiException.class)
                .satisfies(e -> assertThat(((KubeApiException) e).code()).isEqualTo(502));
    }

    @Test
    void anUnreachableServerIsAnIoFailureNamingMethodAndUrl() throws Exception {
        MockWebServer closed = new MockWebServer();
        closed.start();
        String url = closed.url("/").toString();
        closed.close();
        try (KubeRestClient unreachable = KubeRestClient.builder(RestConfig.builder().server(url).qps(-1).build())
                .httpClient(new OkHttpClient()).sleeper(d -> { }).build()) {
            assertThatThrownBy(() -> unreachable.post().absPath("/api/v1/namespaces/ns/configmaps").body("{}")
                    .bytes())
                    .isInstanceOf(KubeClientException.class)
                    .isNotInstanceOf(KubeApiException.class)
                    .hasMessageStartingWith("POST " + url + "api/v1/namespaces/ns/configmaps failed")
                    .hasCauseInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aTlsHandshakeFailureHintsAtTheCaSetting() throws Exception {
        HeldCertificate serverCert = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder().heldCertificate(serverCert).build();
        try (MockWebServer tls = new MockWebServer()) {
            tls.useHttps(serverTls.sslSocketFactory());
            tls.start();
            try (KubeRestClient untrusting = KubeRestClient.builder(RestConfig.builder()
                    .server(tls.url("/").toString()).qps(-1).build()).httpClient(new OkHttpClient()).build()) {
                assertThatThrownBy(() -> untrusting.get().absPath("/version").bytes())
                        .isInstanceOf(KubeClientException.class)
                        .hasMessageContaining("TLS handshake failed")
                        .hasMessageContaining("certificate-authority")
                        .hasCauseInstanceOf(SSLException.class);
            }
        }
    }
}
