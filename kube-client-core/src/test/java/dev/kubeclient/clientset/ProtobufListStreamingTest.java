package dev.kubeclient.clientset;

import com.google.protobuf.ByteString;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.config.WireFormat;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.protobuf.KubeProtobuf;
import dev.kubeclient.rest.KubeJson;
import dev.kubeclient.rest.KubeRestClient;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static dev.kubeclient.clientset.ProtobufNegotiationTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Protobuf list answers are decoded while they stream in (one item at a time), against MockWebServer answers built
 * from the recorded envtest list (src/test/resources/dev/kubeclient/protobuf): many items split across reads, gzip,
 * empty lists, truncated and malformed bodies, and the JSON fallback.
 */
class ProtobufListStreamingTest {

    private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    private MockWebServer server;
    private KubeRestClient rest;
    private Clientset clientset;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).wireFormat(WireFormat.PROTOBUF)
                .build();
        rest = KubeRestClient.builder(config).httpClient(new OkHttpClient()).build();
        clientset = Clientset.of(rest);
    }

    @AfterEach
    void stop() {
        clientset.close();
        rest.close();
        server.close();
    }

    private ConfigMapList list() {
        return clientset.coreV1().configMaps("pbcapture").list();
    }

    /** The recorded three-item list repeated to {@code items} items with distinct names. */
    static byte[] manyItems(int items) throws IOException {
        byte[] recorded = fixture("configmap-list.pb");
        Runtime.Unknown unknown = Runtime.Unknown.parseFrom(Arrays.copyOfRange(recorded, 4, recorded.length));
        V1.ConfigMapList sample = V1.ConfigMapList.parseFrom(unknown.getRaw());
        V1.ConfigMapList.Builder list = sample.toBuilder().clearItems();
        for (int i = 0; i < items; i++) {
            V1.ConfigMap.Builder item = sample.getItems(i % sample.getItemsCount()).toBuilder();
            item.getMetadataBuilder().setName("cm-" + i);
            list.addItems(item);
        }
        return envelope(unknown.toBuilder(), list.build().toByteString());
    }

    private static byte[] envelope(Runtime.Unknown.Builder unknown, ByteString raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'k', '8', 's', 0});
        unknown.setRaw(raw).build().writeTo(out);
        return out.toByteArray();
    }

    private static Runtime.Unknown.Builder listEnvelope() {
        return Runtime.Unknown.newBuilder().setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion("v1")
                .setKind("ConfigMapList"));
    }

    private void answer(byte[] body) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", PROTOBUF).body(new Buffer().write(body))
                .build());
    }

    @Test
    void aListOfManyItemsSplitAcrossReadsDecodesAsTheWholeBodyDoes() throws Exception {
        byte[] body = manyItems(2_000);
        // 4,093 bytes per millisecond: reads end inside items, lengths and tags.
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", PROTOBUF).body(new Buffer().write(body))
                .throttleBody(4_093, 1, TimeUnit.MILLISECONDS).build());

        ConfigMapList list = list();

        assertThat(list.getItems()).hasSize(2_000);
        assertThat(list.getItems().get(1_999).getMetadata().getName()).isEqualTo("cm-1999");
        assertThat(list).isEqualTo(KubeProtobuf.decode(body, ConfigMapList.class));
    }

    @Test
    void theRecordedListEqualsItsJsonTwin() throws Exception {
        answer(fixture("configmap-list.pb"));

        assertThat(list()).isEqualTo(KubeJson.defaults().mapper().readValue(fixture("configmap-list.json"),
                ConfigMapList.class));
    }

    @Test
    void aGzippedListIsInflatedAndStreamed() throws Exception {
        byte[] body = manyItems(500);
        Buffer zipped = new Buffer();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped.outputStream())) {
            gzip.write(body);
        }
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", PROTOBUF)
                .addHeader("Content-Encoding", "gzip").body(zipped).build());

        ConfigMapList list = list();

        assertThat(server.takeRequest().getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
        assertThat(list).isEqualTo(KubeProtobuf.decode(body, ConfigMapList.class));
    }

    @Test
    void anEmptyListHasNoItemsAndItsMetadata() throws Exception {
        answer(envelope(listEnvelope(), V1.ConfigMapList.newBuilder()
                .setMetadata(Meta.ListMeta.newBuilder().setResourceVersion("42")).build().toByteString()));

        ConfigMapList list = list();

        assertThat(list.getItems()).isEmpty();
        assertThat(list.getMetadata().getResourceVersion()).isEqualTo("42");
        assertThat(list).isEqualTo(KubeJson.defaults().mapper().readValue(
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"42\"},"
                        + "\"items\":[]}", ConfigMapList.class));
    }

    @Test
    void aTruncatedBodyNamesTheOffsetAndNotTheContent() throws Exception {
        byte[] body = manyItems(50);
        answer(Arrays.copyOf(body, body.length / 2));

        assertThatThrownBy(this::list).isInstanceOf(KubeClientException.class)
                .hasMessageContaining("is not a valid io.fabric8.kubernetes.api.model.ConfigMapList in protobuf")
                .hasMessageContaining("truncated protobuf: the body ends at offset " + body.length / 2)
                .hasMessageNotContaining("cm-");
    }

    @Test
    void aMalformedItemNamesItsIndexAndOffsetAndNotTheContent() throws Exception {
        // Item 1's metadata claims 100 bytes where the item has 8: its name ("s3cr3t") must not be quoted.
        byte[] good = V1.ConfigMap.newBuilder().setMetadata(Meta.ObjectMeta.newBuilder().setName("first")).build()
                .toByteArray();
        byte[] bad = {0x0A, 100, 0x0A, 6, 's', '3', 'c', 'r', '3', 't'};
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(0x12);
        raw.write(good.length);
        raw.write(good);
        raw.write(0x12);
        raw.write(bad.length);
        raw.write(bad);
        answer(envelope(listEnvelope(), ByteString.copyFrom(raw.toByteArray())));

        assertThatThrownBy(this::list).isInstanceOf(KubeClientException.class)
                .hasMessageContaining("in protobuf: item 1, whose bytes start at offset ")
                .hasMessageContaining("length 100 at offset 1 runs past the end of the body")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void anItemLengthLargerThanTheBodyFailsWithoutAllocatingIt() throws Exception {
        // The list claims 1 GiB and its only item nearly as much; the body ends after a few bytes.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'k', '8', 's', 0});
        listEnvelope().build().writeTo(out);
        out.write(new byte[] {0x12, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x04}); // raw: 1 GiB
        out.write(new byte[] {0x12, (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x03, 1, 2, 3});
        answer(out.toByteArray());

        assertThatThrownBy(this::list).isInstanceOf(KubeClientException.class)
                .hasMessageContaining("truncated protobuf: the body ends at offset");
    }

    @Test
    void anotherKindIsRefused() throws Exception {
        answer(fixture("configmap.pb"));

        assertThatThrownBy(this::list).isInstanceOf(KubeClientException.class)
                .hasMessageContaining("expected a ConfigMapList but the body holds a v1 ConfigMap");
    }

    @Test
    void aBodyThatIsNotProtobufIsRefused() {
        answer("{\"kind\":\"ConfigMapList\"}".getBytes());

        assertThatThrownBy(this::list).isInstanceOf(KubeClientException.class)
                .hasMessageContaining("not a Kubernetes protobuf body: it does not start with k8s\\0");
    }

    @Test
    void aJsonAnswerToAProtobufListIsReadAsJson() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(new Buffer().write(fixture("configmap-list.json"))).build());

        assertThat(list()).isEqualTo(KubeJson.defaults().mapper().readValue(fixture("configmap-list.json"),
                ConfigMapList.class));
    }
}
