package dev.kubeclient.clientset;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.config.WireFormat;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.protobuf.KubeProtobuf;
import dev.kubeclient.rest.KubeJson;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchEvent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a clientset set to {@link WireFormat#PROTOBUF} asks for and how it reads each answer, against recorded
 * envtest answers (src/test/resources/dev/kubeclient/protobuf, see its README).
 */
class ProtobufNegotiationTest {

    private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    private MockWebServer server;
    private KubeRestClient rest;
    private Clientset clientset;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        clientset = clientset(WireFormat.PROTOBUF);
    }

    @AfterEach
    void stop() {
        clientset.close();
        rest.close();
        server.close();
    }

    private Clientset clientset(WireFormat format) {
        if (rest != null) {
            rest.close();
        }
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).wireFormat(format).build();
        rest = KubeRestClient.builder(config).httpClient(new OkHttpClient()).build();
        return Clientset.of(rest);
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ProtobufNegotiationTest.class.getResourceAsStream("/dev/kubeclient/protobuf/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private void answer(int code, String contentType, byte[] body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", contentType)
                .body(new Buffer().write(body)).build());
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    private static <T> T json(String fixture, Class<T> type) throws IOException {
        return KubeJson.defaults().mapper().readValue(fixture(fixture), type);
    }

    @Test
    void aGetAsksForProtobufAndDecodesItToTheObjectJsonGives() throws Exception {
        answer(200, PROTOBUF, fixture("pod.pb"));

        Pod pod = clientset.coreV1().pods("pbcapture").get("p1");

        assertThat(taken().getHeaders().get("Accept")).isEqualTo(KubeProtobuf.ACCEPT);
        assertThat(pod).isEqualTo(json("pod.json", Pod.class));
    }

    @Test
    void aListAsksForProtobufAndDecodesIt() throws Exception {
        answer(200, PROTOBUF, fixture("configmap-list.pb"));

        ConfigMapList list = clientset.coreV1().configMaps("pbcapture").list();

        assertThat(taken().getHeaders().get("Accept")).isEqualTo(KubeProtobuf.ACCEPT);
        assertThat(list).isEqualTo(json("configmap-list.json", ConfigMapList.class));
    }

    @Test
    void aJsonAnswerToAProtobufRequestIsReadAsJson() throws Exception {
        answer(200, "application/json", fixture("configmap.json"));

        ConfigMap cm = clientset.coreV1().configMaps("pbcapture").get("c1");

        assertThat(taken().getHeaders().get("Accept")).isEqualTo(KubeProtobuf.ACCEPT);
        assertThat(cm).isEqualTo(json("configmap.json", ConfigMap.class));
    }

    @Test
    void protobufIsTheDefaultJsonAsksJsonAndWritesStayJson() throws Exception {
        clientset.close();
        clientset = clientset(WireFormat.JSON);
        answer(200, "application/json", fixture("configmap.json"));
        clientset.coreV1().configMaps("pbcapture").get("c1");
        assertThat(taken().getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(RestConfig.builder().server("https://k").build().wireFormat()).isEqualTo(WireFormat.PROTOBUF);

        clientset.close();
        clientset = clientset(WireFormat.PROTOBUF);
        answer(201, "application/json", fixture("configmap.json"));
        clientset.coreV1().configMaps("pbcapture").create(new ConfigMapBuilder().withNewMetadata().withName("c1")
                .endMetadata().build());
        RecordedRequest create = taken();
        assertThat(create.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(create.getHeaders().get("Content-Type")).startsWith("application/json");
    }

    @Test
    void customResourcesAreAlwaysReadAsJson() throws Exception {
        answer(200, "application/json", ("{\"apiVersion\":\"widgets.example.com/v1\",\"kind\":\"Widget\","
                + "\"metadata\":{\"name\":\"w1\"}}").getBytes());

        clientset.resources(Widget.class, "prod").get("w1");

        assertThat(taken().getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void aProtobufErrorBodyBecomesATypedException() throws Exception {
        answer(404, PROTOBUF, fixture("status-not-found.pb"));

        assertThatThrownBy(() -> clientset.coreV1().configMaps("pbcapture").get("missing"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("configmaps \"missing\" not found");
    }

    @Test
    void aMalformedProtobufAnswerIsReportedWithoutItsContent() throws Exception {
        byte[] truncated = java.util.Arrays.copyOf(fixture("configmap.pb"), 60);
        answer(200, PROTOBUF, truncated);

        assertThatThrownBy(() -> clientset.coreV1().configMaps("pbcapture").get("c1"))
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("is not a valid io.fabric8.kubernetes.api.model.ConfigMap in protobuf")
                .hasMessageContaining("runs past the end");
    }

    @Test
    void anotherKindInTheAnswerIsRejected() throws Exception {
        answer(200, PROTOBUF, fixture("pod.pb"));

        assertThatThrownBy(() -> clientset.coreV1().configMaps("pbcapture").get("c1"))
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("expected a ConfigMap but the body holds a v1 Pod");
    }

    @Test
    void aWatchReadsProtobufFramesIntoTheEventsJsonGives() throws Exception {
        answer(200, PROTOBUF + ";stream=watch", fixture("configmap-watch.pb"));
        List<WatchEvent<ConfigMap>> byProtobuf = new ArrayList<>();
        try (Watch<ConfigMap> watch = clientset.coreV1().configMaps("pbcapture").watch(ListOptions.DEFAULTS)) {
            watch.forEach(byProtobuf::add);
        }
        assertThat(taken().getHeaders().get("Accept")).isEqualTo(KubeProtobuf.ACCEPT);

        clientset.close();
        clientset = clientset(WireFormat.JSON);
        answer(200, "application/json", fixture("configmap-watch.json"));
        List<WatchEvent<ConfigMap>> byJson = new ArrayList<>();
        try (Watch<ConfigMap> watch = clientset.coreV1().configMaps("pbcapture").watch(ListOptions.DEFAULTS)) {
            watch.forEach(byJson::add);
        }

        assertThat(byProtobuf).extracting(WatchEvent::type).containsExactly(WatchEvent.Type.ADDED,
                WatchEvent.Type.MODIFIED, WatchEvent.Type.DELETED);
        assertThat(byProtobuf).isEqualTo(byJson);
    }

    @Test
    void aProtobufWatchErrorEventCarriesItsStatus() throws Exception {
        answer(200, PROTOBUF + ";stream=watch", fixture("watch-gone.pb"));
        List<WatchEvent<ConfigMap>> events = new ArrayList<>();
        try (Watch<ConfigMap> watch = clientset.coreV1().configMaps("pbcapture").watch(ListOptions.DEFAULTS)) {
            watch.forEach(events::add);
        }
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.isGone()).isTrue();
            assertThat(e.status().getReason()).isEqualTo("Expired");
        });
        var mapper = KubeJson.defaults().mapper();
        Status json = mapper.treeToValue(mapper.readTree(fixture("watch-gone.json")).path("object"), Status.class);
        assertThat(events.get(0).status()).isEqualTo(json);
    }

    @Test
    void aWatchCutInsideAFrameIsABrokenWatch() throws Exception {
        byte[] stream = fixture("configmap-watch.pb");
        answer(200, PROTOBUF + ";stream=watch", java.util.Arrays.copyOf(stream, stream.length - 10));

        try (Watch<ConfigMap> watch = clientset.coreV1().configMaps("pbcapture").watch(ListOptions.DEFAULTS)) {
            assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.ADDED);
            assertThat(watch.next().type()).isEqualTo(WatchEvent.Type.MODIFIED);
            assertThatThrownBy(watch::next).isInstanceOf(KubeClientException.class)
                    .hasMessageContaining("broke").hasMessageContaining("ended inside a frame");
        }
    }
}
