package dev.kubeclient.protobuf;

import com.google.protobuf.CodedOutputStream;
import dev.kubeclient.rest.KubeJson;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProtoTypesTest {

    private interface Writes {
        void to(CodedOutputStream out) throws IOException;
    }

    private static ProtoReader message(Writes writes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        writes.to(out);
        out.flush();
        return ProtoReader.of(bytes.toByteArray());
    }

    @Test
    void timesAreWrittenAsTheJsonFormWritesThem() throws IOException {
        assertThat(ProtoTypes.time(message(o -> o.writeInt64(1, 1_795_613_455L)))).isEqualTo("2026-11-25T13:30:55Z");
        assertThat(ProtoTypes.time(message(o -> {
            o.writeInt64(1, 1_795_613_455L);
            o.writeInt32(2, 999_999_999);
        }))).as("Time has whole seconds in JSON").isEqualTo("2026-11-25T13:30:55Z");
        assertThat(ProtoTypes.time(message(o -> { }))).as("an empty Time is Go's zero time: null").isNull();
        assertThat(ProtoTypes.time(message(o -> o.writeInt64(1, -62135596800L)))).isNull();
        assertThat(ProtoTypes.time(message(o -> o.writeInt64(1, -1L)))).isEqualTo("1969-12-31T23:59:59Z");
        assertThat(ProtoTypes.microTime(message(o -> {
            o.writeInt64(1, 1_795_613_455L);
            o.writeInt32(2, 123_456_789);
        }))).isEqualTo("2026-11-25T13:30:55.123456Z");
    }

    @Test
    void rfc3339MatchesInstantForEveryYearGoWrites() {
        for (long s : new long[] {-62135596800L + 1, -1, 0, 59, 951_782_400L, 4_102_444_799L, 253_402_300_799L}) {
            assertThat(ProtoTypes.rfc3339(s)).isEqualTo(Instant.ofEpochSecond(s).toString());
        }
    }

    @Test
    void intOrStringAndQuantityBecomeTheModelsValues() throws IOException {
        assertThat(ProtoTypes.intOrString(message(o -> o.writeInt32(2, 8080)))).isEqualTo(new IntOrString(8080));
        assertThat(ProtoTypes.intOrString(message(o -> {
            o.writeInt64(1, 1);
            o.writeString(3, "http");
        }))).isEqualTo(new IntOrString("http"));
        assertThat(ProtoTypes.quantity(message(o -> o.writeString(1, "1500m")))).isEqualTo(new Quantity("1500m"));
    }

    @Test
    void leaseTimesAreTheZonedDateTimesJacksonReadsFromTheirJson() throws IOException {
        LeaseSpec fromJson = KubeJson.defaults().read(
                "{\"acquireTime\":\"2026-11-25T13:30:55.123456Z\"}".getBytes(StandardCharsets.UTF_8), LeaseSpec.class);
        assertThat(ProtoTypes.zonedMicroTime(message(o -> {
            o.writeInt64(1, 1_795_613_455L);
            o.writeInt32(2, 123_456_789);
        }))).isEqualTo(fromJson.getAcquireTime());
        assertThat(ProtoTypes.zonedMicroTime(message(o -> { }))).isNull();
    }

    @Test
    void valuesForAdditionalPropertiesHaveTheTypesJacksonGivesAnUnknownProperty() throws IOException {
        assertThat(ProtoTypes.jsonInteger(3600)).isEqualTo(3600);
        assertThat(ProtoTypes.jsonInteger(5_000_000_000L)).isEqualTo(5_000_000_000L);
        assertThat(ProtoTypes.intOrStringJson(message(o -> o.writeInt32(2, 80)))).isEqualTo(80);
        assertThat(ProtoTypes.quantityString(message(o -> o.writeString(1, "1500m")))).isEqualTo("1500m");
        assertThat(ProtoTypes.stringList(message(o -> {
            o.writeString(1, "a");
            o.writeString(1, "b");
        }))).containsExactly("a", "b");
        assertThat(ProtoTypes.stringList(message(o -> { }))).as("Go's nil slice").isNull();
    }

    @Test
    void aFieldsV1WithoutRawBytesIsNullAsGoWritesIt() throws IOException {
        assertThat(ProtoTypes.fieldsV1(message(o -> { }))).isNull();
        assertThat(ProtoTypes.fieldsV1(message(o -> o.writeString(1, "{\"f:a\":{}}"))).getAdditionalProperties())
                .containsOnlyKeys("f:a");
    }

    @Test
    void aRawExtensionTheModelReadsAsAResourceBecomesWhatItsJsonGives() throws IOException {
        assertThat(ProtoTypes.rawExtensionResource(message(o -> o.writeString(1,
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"data\":{\"a\":\"b\"}}"))))
                .isEqualTo(new ConfigMapBuilder().addToData("a", "b").build());
        assertThat(ProtoTypes.rawExtensionResource(message(o -> o.writeString(1, "{\"spec\":{}}"))))
                .isInstanceOf(io.fabric8.kubernetes.api.model.runtime.RawExtension.class);
    }
}
