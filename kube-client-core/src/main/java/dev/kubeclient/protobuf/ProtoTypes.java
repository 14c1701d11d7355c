package dev.kubeclient.protobuf;

import io.fabric8.kubernetes.api.model.Duration;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Quantity;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads apimachinery's hand-written messages (Time, MicroTime, Duration, Quantity, IntOrString, FieldsV1) into what
 * the fabric8 model holds for their JSON form, so a protobuf body decodes to the same objects as its JSON twin.
 * Called by the generated decoders.
 */
public final class ProtoTypes {

    /** Go's zero {@code time.Time} in Unix seconds: the JSON form writes it as {@code null}. */
    private static final long GO_ZERO_TIME_SECONDS = -62135596800L;

    /** Whether seconds and nanos are a zero time: apimachinery writes it as an empty message (JSON: null). */
    private static boolean isZero(long[] t) {
        return t[1] == 0 && (t[0] == 0 || t[0] == GO_ZERO_TIME_SECONDS);
    }
    private static final DateTimeFormatter RFC3339_MICRO = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private ProtoTypes() {
    }

    /** {@code meta/v1 Time} as RFC 3339 in UTC with whole seconds, as its JSON form; {@code null} for Go's zero time. */
    public static String time(ProtoReader r) {
        long[] t = secondsNanos(r);
        if (isZero(t)) {
            return null;
        }
        return Instant.ofEpochSecond(t[0]).toString();
    }

    /** {@code meta/v1 MicroTime} as RFC 3339 in UTC with six fraction digits, as its JSON form. */
    public static String microTime(ProtoReader r) {
        long[] t = secondsNanos(r);
        if (isZero(t)) {
            return null;
        }
        return RFC3339_MICRO.format(Instant.ofEpochSecond(t[0], t[1] / 1000 * 1000));
    }

    /** {@code meta/v1 MicroTime} where the model holds it as fabric8's {@code MicroTime}. */
    public static MicroTime microTimeObject(ProtoReader r) {
        String time = microTime(r);
        return time == null ? null : new MicroTime(time);
    }

    private static long[] secondsNanos(ProtoReader r) {
        long seconds = 0;
        long nanos = 0;
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (tag) {
                case 1 << 3 -> seconds = r.readInt64();
                case 2 << 3 -> nanos = r.readInt32();
                default -> r.skip(tag);
            }
        }
        return new long[] {seconds, nanos};
    }

    /** {@code meta/v1 Duration} (nanoseconds). */
    public static Duration duration(ProtoReader r) {
        long nanos = 0;
        while (r.hasMore()) {
            int tag = r.readTag();
            if (tag == 1 << 3) {
                nanos = r.readInt64();
            } else {
                r.skip(tag);
            }
        }
        return new Duration(java.time.Duration.ofNanos(nanos));
    }

    /** {@code resource.Quantity}: its canonical string, parsed as fabric8 parses the JSON string. */
    public static Quantity quantity(ProtoReader r) {
        String value = "";
        while (r.hasMore()) {
            int tag = r.readTag();
            if (tag == (1 << 3 | ProtoReader.LENGTH_DELIMITED)) {
                value = r.readString();
            } else {
                r.skip(tag);
            }
        }
        return new Quantity(value);
    }

    /** {@code intstr.IntOrString}: type 0 holds intVal, type 1 strVal. */
    public static IntOrString intOrString(ProtoReader r) {
        long type = 0;
        int intVal = 0;
        String strVal = "";
        while (r.hasMore()) {
            int tag = r.readTag();
            switch (tag) {
                case 1 << 3 -> type = r.readInt64();
                case 2 << 3 -> intVal = r.readInt32();
                case 3 << 3 | ProtoReader.LENGTH_DELIMITED -> strVal = r.readString();
                default -> r.skip(tag);
            }
        }
        return type == 1 ? new IntOrString(strVal) : new IntOrString(intVal);
    }

    /**
     * {@code runtime.RawExtension} where the model holds an untyped {@code Object}: its raw bytes are JSON (the API
     * server writes embedded objects of built-in types as JSON), read as maps, lists and scalars.
     */
    public static Object rawExtension(ProtoReader r) {
        Object value = null;
        while (r.hasMore()) {
            int tag = r.readTag();
            if (tag == (1 << 3 | ProtoReader.LENGTH_DELIMITED)) {
                byte[] raw = r.readBytes();
                value = raw.length == 0 ? null : JSON.readValue(raw, Object.class);
            } else {
                r.skip(tag);
            }
        }
        return value;
    }

    /** {@code meta/v1 FieldsV1}: its raw bytes are the JSON object the JSON form carries inline. */
    public static FieldsV1 fieldsV1(ProtoReader r) {
        FieldsV1 fields = new FieldsV1();
        while (r.hasMore()) {
            int tag = r.readTag();
            if (tag == (1 << 3 | ProtoReader.LENGTH_DELIMITED)) {
                byte[] raw = r.readBytes();
                if (raw.length > 0) {
                    Map<String, Object> object = JSON.readValue(raw, JSON_OBJECT);
                    object.forEach(fields::setAdditionalProperty);
                }
            } else {
                r.skip(tag);
            }
        }
        return fields;
    }
}
