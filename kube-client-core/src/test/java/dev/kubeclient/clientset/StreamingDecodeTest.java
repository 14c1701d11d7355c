package dev.kubeclient.clientset;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.UnstructuredList;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.GroupVersionResource;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lists are decoded while their body streams in; failures still say whether the read or the content was bad. */
class StreamingDecodeTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private KubeRestClient rest;
    private Clientset clientset;

    @BeforeEach
    void setUp() {
        rest = KubeRestClient.builder(RestConfig.builder().server(server.url("/").toString()).qps(-1).build())
                .httpClient(new OkHttpClient()).build();
        clientset = Clientset.of(rest);
    }

    @AfterEach
    void tearDown() {
        rest.close();
    }

    private static String configMapList(int items) {
        StringBuilder json = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":"
                + "{\"resourceVersion\":\"42\"},\"items\":[");
        for (int i = 0; i < items; i++) {
            json.append(i == 0 ? "" : ",").append("{\"metadata\":{\"name\":\"cm-").append(i)
                    .append("\",\"namespace\":\"ns\"},\"data\":{\"key\":\"").append("v".repeat(200)).append("\"}}");
        }
        return json.append("]}").toString();
    }

    @Test
    void aLargeChunkedListIsDecodedWhole() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .chunkedBody(configMapList(2_000), 4096).build());

        ConfigMapList list = clientset.coreV1().configMaps("ns").list();

        assertThat(list.getItems()).hasSize(2_000);
        assertThat(list.getItems().get(1_999).getMetadata().getName()).isEqualTo("cm-1999");
        assertThat(list.getMetadata().getResourceVersion()).isEqualTo("42");
    }

    @Test
    void aGzippedListIsDecodedFromTheStream() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(configMapList(500).getBytes(StandardCharsets.UTF_8));
        }
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .addHeader("Content-Encoding", "gzip").body(new Buffer().write(zipped.toByteArray())).build());

        assertThat(clientset.coreV1().configMaps("ns").list().getItems()).hasSize(500);
    }

    @Test
    void aMalformedListSaysTheAnswerIsNotValidAndQuotesNoContent() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"ConfigMapList\",\"items\":[{\"metadata\":{\"name\":\"secret-looking\"}},}").build());

        assertThatThrownBy(() -> clientset.coreV1().configMaps("ns").list())
                .isInstanceOf(KubeClientException.class)
                .hasMessageStartingWith("the answer to GET " + server.url("/api/v1/namespaces/ns/configmaps"))
                .hasMessageContaining("is not a valid io.fabric8.kubernetes.api.model.ConfigMapList")
                .hasMessageNotContaining("secret-looking");
    }

    @Test
    void aListCutOffMidBodyIsAReadFailureNotAnInvalidAnswer() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(configMapList(2_000)).onResponseBody(new SocketEffect.CloseSocket()).build());

        assertThatThrownBy(() -> clientset.coreV1().configMaps("ns").list())
                .isInstanceOf(KubeClientException.class)
                .hasMessageStartingWith("reading the body of GET " + server.url("/api/v1/namespaces/ns/configmaps"))
                .hasMessageNotContaining("is not a valid");
    }

    @Test
    void theDynamicClientStreamsListsToo() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .chunkedBody(configMapList(300), 1024).build());
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("[1,2,3]").build());
        DynamicClient dynamic = DynamicClient.create(rest);
        GroupVersionResource configMaps = new GroupVersionResource("", "v1", "configmaps");

        UnstructuredList list = dynamic.resource(configMaps).namespace("ns").list(ListOptions.DEFAULTS);

        assertThat(list.items()).hasSize(300);
        assertThat(list.items().get(299).name()).isEqualTo("cm-299");
        assertThatThrownBy(() -> dynamic.resource(configMaps).namespace("ns").list(ListOptions.DEFAULTS))
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("is not a valid list");
    }
}
