package dev.kubeclient.benchmarks.decode;

import com.google.protobuf.ByteString;
import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.clientset.ResourceClient;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.protobuf.KubeProtobuf;
import dev.kubeclient.protobuf.ProtobufListDecoder;
import dev.kubeclient.rest.KubeJson;
import dev.kubeclient.rest.KubeRestClient;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Decoding one 10,000-ConfigMap list answer in protobuf ({@link KubeProtobuf#decode}, what {@code list()} does with a
 * protobuf body) versus the same list in JSON through the typed client's JSON decode path. The goal (issue 14) is
 * that protobuf decodes at least 2× faster.
 *
 * <p>Both bodies are built at setup from one list recorded from a real API server in both encodings
 * ({@code decode/configmap-list-pair.pb} and {@code .json}: five ConfigMaps with labels, annotations, data,
 * binaryData, managedFields): its items are repeated with the same fresh names, uids and resourceVersions in both
 * (the protobuf one with protobuf-java, at setup only), and setup checks that both decode to equal lists. Run:
 * {@code java -jar target/benchmarks.jar ProtobufListDecodeBenchmark -f 1 -wi 3 -i 5 -w 5s -r 5s -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ProtobufListDecodeBenchmark {

    /** Items in the decoded list. */
    public static final int ITEMS = 10_000;

    private byte[] json;
    private byte[] protobuf;
    private KubeRestClient rest;
    private ResourceClient<ConfigMap, ConfigMapList> configMaps;
    private final ProtobufListDecoder<ConfigMapList> streaming = ProtobufListDecoder.forClass(ConfigMapList.class);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        JsonMapper mapper = KubeJson.defaults().mapper();
        json = jsonList(mapper);
        protobuf = protobufList();
        // No request is ever sent: only the decode paths are used.
        rest = KubeRestClient.builder(RestConfig.builder().server("https://127.0.0.1:1").build())
                .httpClient(new OkHttpClient()).build();
        configMaps = Clientset.of(rest).coreV1().configMaps("bench");
        ConfigMapList fromJson = jsonDecode();
        ConfigMapList fromProtobuf = protobufDecode();
        ConfigMapList fromStream = protobufStreamDecode();
        if (fromJson.getItems().size() != ITEMS || !fromJson.getItems().equals(fromProtobuf.getItems())
                || !fromProtobuf.equals(fromStream)) {
            throw new IllegalStateException("the protobuf and JSON bodies do not decode to equal lists");
        }
        System.out.printf("%nbodies: JSON %,d bytes, protobuf %,d bytes%n", json.length, protobuf.length);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rest.close();
    }

    /** The typed client's JSON decode path. */
    @Benchmark
    public ConfigMapList jsonDecode() {
        return configMaps.decodeList(json);
    }

    /** The protobuf decode of a whole body (what {@code list()} did before streaming; single objects still do). */
    @Benchmark
    public ConfigMapList protobufDecode() {
        return KubeProtobuf.decode(protobuf, ConfigMapList.class);
    }

    /**
     * The protobuf decode path of {@code list()}: from a stream, one item at a time (the stream here hands out at most
     * 16 KiB per read, as a socket or inflater does).
     */
    @Benchmark
    public ConfigMapList protobufStreamDecode() throws IOException {
        return streaming.decode(new ChunkedInput(protobuf, 16 * 1024));
    }

    /** A stream over a byte array that returns at most {@code chunk} bytes per read, without copying the array. */
    private static final class ChunkedInput extends InputStream {
        private final byte[] bytes;
        private final int chunk;
        private int position;

        ChunkedInput(byte[] bytes, int chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, chunk), bytes.length - position);
            System.arraycopy(bytes, position, into, offset, n);
            position += n;
            return n;
        }
    }

    private static String name(String base, int i) {
        return base + "-" + i;
    }

    private static String uid(int i) {
        return new UUID(i, ~i).toString();
    }

    private static byte[] jsonList(JsonMapper mapper) {
        JsonNode sample = mapper.readTree(resource("configmap-list-pair.json"));
        ArrayNode templates = (ArrayNode) sample.get("items");
        ObjectNode list = ((ObjectNode) sample).deepCopy();
        ArrayNode items = list.putArray("items");
        for (int i = 0; i < ITEMS; i++) {
            ObjectNode item = ((ObjectNode) templates.get(i % templates.size())).deepCopy();
            ObjectNode metadata = (ObjectNode) item.get("metadata");
            metadata.put("name", name(metadata.get("name").asString(), i));
            metadata.put("uid", uid(i));
            metadata.put("resourceVersion", Long.toString(1000L + i));
            items.add(item);
        }
        return mapper.writeValueAsBytes(list);
    }

    private static byte[] protobufList() throws IOException {
        byte[] recorded = resource("configmap-list-pair.pb");
        Runtime.Unknown unknown = Runtime.Unknown.parseFrom(Arrays.copyOfRange(recorded, 4, recorded.length));
        V1.ConfigMapList sample = V1.ConfigMapList.parseFrom(unknown.getRaw());
        V1.ConfigMapList.Builder list = sample.toBuilder().clearItems();
        for (int i = 0; i < ITEMS; i++) {
            V1.ConfigMap.Builder item = sample.getItems(i % sample.getItemsCount()).toBuilder();
            item.getMetadataBuilder().setName(name(item.getMetadata().getName(), i)).setUid(uid(i))
                    .setResourceVersion(Long.toString(1000L + i));
            list.addItems(item);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(recorded, 0, 4);
        unknown.toBuilder().setRaw(ByteString.copyFrom(list.build().toByteArray())).build().writeTo(out);
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ProtobufListDecodeBenchmark.class.getResourceAsStream("/decode/" + name)) {
            if (in == null) {
                throw new IllegalStateException("decode/" + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
