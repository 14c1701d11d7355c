package dev.kubeclient.protobuf;

import dev.kubeclient.rest.KubeJson;
import io.fabric8.kubernetes.api.model.FieldsV1;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LazyFieldSetTest {

    private static final String FIELDS = "{\"f:data\":{\".\":{},\"f:config.yaml\":{}},"
            + "\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}}}";

    /** A FieldsV1 message: field 1 (raw, length-delimited) holding {@code json}. */
    private static byte[] message(String json) {
        byte[] raw = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1 << 3 | 2);
        for (int length = raw.length; ; length >>>= 7) {
            if (length < 0x80) {
                out.write(length);
                break;
            }
            out.write(length & 0x7f | 0x80);
        }
        out.writeBytes(raw);
        return out.toByteArray();
    }

    private static FieldsV1 decode(String json) {
        return ProtoTypes.fieldsV1(ProtoReader.of(message(json)));
    }

    private static FieldsV1 fromJson(String json) {
        return KubeJson.defaults().mapper().readValue(json, FieldsV1.class);
    }

    @Test
    void equalsHashesAndSerializesAsTheFieldsV1ReadFromJson() {
        FieldsV1 lazy = decode(FIELDS);
        FieldsV1 eager = fromJson(FIELDS);

        assertThat(lazy).isEqualTo(eager);
        assertThat(eager).isEqualTo(lazy);
        assertThat(lazy.hashCode()).isEqualTo(eager.hashCode());
        assertThat(decode(FIELDS).toString()).isEqualTo(eager.toString());
        assertThat(KubeJson.defaults().mapper().writeValueAsString(decode(FIELDS))).isEqualTo(FIELDS);
        assertThat(decode(FIELDS).toBuilder().build()).isEqualTo(eager);
        assertThat(decode(FIELDS)).isNotEqualTo(fromJson("{\"f:data\":{}}"));
        assertThat(decode(FIELDS)).usingRecursiveComparison().isEqualTo(eager);
        assertThat(decode(FIELDS).getClass()).isEqualTo(FieldsV1.class);
    }

    @Test
    void anEmptyRawIsNoFieldSetAndAnEmptyObjectAnEmptyOne() {
        assertThat(ProtoTypes.fieldsV1(ProtoReader.of(new byte[] {1 << 3 | 2, 0}))).isNull();
        assertThat(decode("{}").getAdditionalProperties()).isEmpty();
    }

    @Test
    void changesBeforeTheFirstReadApplyToTheDecodedSet() {
        FieldsV1 added = decode(FIELDS);
        added.setAdditionalProperty("f:spec", Map.of());
        assertThat(added.getAdditionalProperties()).containsOnlyKeys("f:data", "f:metadata", "f:spec");

        FieldsV1 replaced = decode(FIELDS);
        replaced.setAdditionalProperties(Map.of("f:spec", Map.of()));
        assertThat(replaced.getAdditionalProperties()).containsOnlyKeys("f:spec");
    }

    @Test
    void threadsReadingAtOnceSeeOneMap() throws Exception {
        for (int round = 0; round < 50; round++) {
            FieldsV1 fields = decode(FIELDS);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                // One built map: the same key String instances, whichever thread built it.
                List<Future<String>> reads = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    reads.add(pool.submit(() -> {
                        start.await();
                        return fields.getAdditionalProperties().keySet().iterator().next();
                    }));
                }
                start.countDown();
                String first = reads.get(0).get();
                assertThat(first).isEqualTo("f:data");
                assertThat(fields.getAdditionalProperties()).containsOnlyKeys("f:data", "f:metadata");
                for (Future<String> read : reads) {
                    assertThat(read.get()).isSameAs(first);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void javaSerializationWritesTheBuiltMap() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(decode(FIELDS).getAdditionalProperties());
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(fromJson(FIELDS).getAdditionalProperties())
                    .isInstanceOf(java.util.LinkedHashMap.class);
        }
    }

    @Test
    void aFieldSetThatIsNotAJsonObjectFailsOnFirstUseWithoutItsContent() {
        FieldsV1 broken = decode("[\"f:secret-key\"");

        assertThatThrownBy(() -> broken.getAdditionalProperties().size())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fieldsV1")
                .hasMessageContaining("not a JSON object")
                .hasMessageNotContaining("secret-key");
    }
}
