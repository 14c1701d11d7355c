package dev.kubeclient.benchmarks.decode;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.clientset.ResourceClient;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.rest.KubeJson;
import dev.kubeclient.rest.KubeRestClient;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Decoding one 10,000-ConfigMap list answer: through the typed client's decode path
 * ({@link ResourceClient#decodeList}, what {@code list()} does with the body) versus a bare Jackson
 * {@code readValue} into {@link ConfigMapList} with a bare Jackson 3 mapper (unknown properties ignored). The goal
 * is that the typed path costs at most 1.2× the bare one.
 *
 * <p>The body is built at setup from {@code decode/configmap-list-sample.json}, a list captured from a real API
 * server by {@code scripts/capture-configmap-sample.sh}: its items are repeated with fresh names, uids and
 * resourceVersions until there are 10,000. Run:
 * {@code java -jar target/benchmarks.jar ListDecodeBenchmark -f 1 -wi 2 -i 3 -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ListDecodeBenchmark {

    /** Items in the decoded list. */
    public static final int ITEMS = 10_000;

    private byte[] body;
    private JsonMapper mapper;
    private KubeRestClient rest;
    private ResourceClient<ConfigMap, ConfigMapList> configMaps;

    @Setup(Level.Trial)
    public void setUp() {
        body = tenThousandConfigMaps(KubeJson.defaults().mapper());
        // The baseline is bare Jackson (unknown properties ignored), without kube-client's tuning of KubeJson.
        mapper = JsonMapper.builder().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        // No request is ever sent: only the decode path of the client is used.
        rest = KubeRestClient.builder(RestConfig.builder().server("https://127.0.0.1:1").build())
                .httpClient(new OkHttpClient()).build();
        configMaps = Clientset.of(rest).coreV1().configMaps("bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rest.close();
    }

    /** The typed client's decode path. */
    @Benchmark
    public ConfigMapList clientsetDecode() {
        return configMaps.decodeList(body);
    }

    /** Bare Jackson 3 into the same classes. */
    @Benchmark
    public ConfigMapList bareJacksonReadValue() {
        return mapper.readValue(body, ConfigMapList.class);
    }

    /** The JSON of a 10,000-item ConfigMap list made from the captured sample. */
    static byte[] tenThousandConfigMaps(JsonMapper mapper) {
        JsonNode sample;
        try (InputStream in = ListDecodeBenchmark.class.getResourceAsStream("/decode/configmap-list-sample.json")) {
            if (in == null) {
                throw new IllegalStateException("decode/configmap-list-sample.json is missing from the class path");
            }
            sample = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArrayNode templates = (ArrayNode) sample.get("items");
        ObjectNode list = ((ObjectNode) sample).deepCopy();
        ArrayNode items = list.putArray("items");
        long resourceVersion = 1000;
        for (int i = 0; i < ITEMS; i++) {
            ObjectNode item = ((ObjectNode) templates.get(i % templates.size())).deepCopy();
            ObjectNode metadata = (ObjectNode) item.get("metadata");
            metadata.put("name", metadata.get("name").asString() + "-" + i);
            metadata.put("uid", new UUID(i, ~i).toString());
            metadata.put("resourceVersion", Long.toString(resourceVersion++));
            items.add(item);
        }
        return mapper.writeValueAsBytes(list);
    }
}
