package dev.kubeclient.protobuf;

import io.fabric8.kubernetes.api.model.Duration;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Quantity;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
    private static boolean isZero(long seconds, long nanos) {
        return nanos == 0 && (seconds == 0 || seconds == GO_ZERO_TIME_SECONDS);
    }
    private static final DateTimeFormatter RFC3339_MICRO = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Reads embedded JSON as the client's JSON path does (unknown properties ignored). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private ProtoTypes() {
    }

    /** {@code meta/v1 Time} as RFC 3339 in UTC with whole seconds, as its JSON form; {@code null} for Go's zero time. */
    public static String time(ProtoReader r) {
        // Reads the two fields inline rather than through secondsNanos: every object has a few Times (creation,
        // managed fields), and this keeps the array out of a list decode's hot path.
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
        if (isZero(seconds, nanos)) {
            return null;
        }
        return rfc3339(seconds);
    }

    /** {@code 2006-01-02T15:04:05Z} for years 0-9999 (the range Go's JSON writes), Instant's form otherwise. */
    static String rfc3339(long epochSeconds) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return Instant.ofEpochSecond(epochSeconds).toString();
        }
        byte[] out = new byte[20];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, t.getHour(), 2);
        out[13] = ':';
        digits(out, 14, t.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, t.getSecond(), 2);
        out[19] = 'Z';
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** {@code meta/v1 MicroTime} as RFC 3339 in UTC with six fraction digits, as its JSON form. */
    public static String microTime(ProtoReader r) {
        long[] t = secondsNanos(r);
        if (isZero(t[0], t[1])) {
            return null;
        }
        return RFC3339_MICRO.format(Instant.ofEpochSecond(t[0], t[1] / 1000 * 1000));
    }

    /** {@code meta/v1 MicroTime} where the model holds it as fabric8's {@code MicroTime}. */
    public static MicroTime microTimeObject(ProtoReader r) {
        String time = microTime(r);
        return time == null ? null : new MicroTime(time);
    }

    /**
     * {@code meta/v1 MicroTime} where the model holds a {@code ZonedDateTime} (Lease's times): the value Jackson reads
     * from the JSON string, microseconds in UTC.
     */
    public static ZonedDateTime zonedMicroTime(ProtoReader r) {
        long[] t = secondsNanos(r);
        if (isZero(t[0], t[1])) {
            return null;
        }
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(t[0], t[1] / 1000 * 1000), ZoneOffset.UTC);
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

    /** {@code resource.Quantity} as its JSON form, the canonical string. */
    public static String quantityString(ProtoReader r) {
        String value = "";
        while (r.hasMore()) {
            int tag = r.readTag();
            if (tag == (1 << 3 | ProtoReader.LENGTH_DELIMITED)) {
                value = r.readString();
            } else {
                r.skip(tag);
            }
        }
        return value;
    }

    /** {@code intstr.IntOrString} as its JSON form: an {@code Integer} or a {@code String}. */
    public static Object intOrStringJson(ProtoReader r) {
        IntOrString value = intOrString(r);
        return value.getStrVal() != null ? value.getStrVal() : value.getIntVal();
    }

    /**
     * A Go named slice of strings ({@code ExtraValue}, {@code Verbs}): a message whose field 1 repeats the items. Its
     * JSON form is the array; {@code null} when it has none, as Go writes a nil slice (protobuf cannot tell it from an
     * empty one).
     */
    public static List<String> stringList(ProtoReader r) {
        List<String> items = null;
        while (r.hasMore()) {
            int tag = r.readTag();
            if (tag == (1 << 3 | ProtoReader.LENGTH_DELIMITED)) {
                (items == null ? items = new ArrayList<>() : items).add(r.readString());
            } else {
                r.skip(tag);
            }
        }
        return items;
    }

    /** An int64 as Jackson reads a JSON number into an {@code Object}: an {@code Integer} when it fits. */
    public static Object jsonInteger(long value) {
        if (value == (int) value) {
            return Integer.valueOf((int) value); // not a conditional expression: it would widen both to Long
        }
        return Long.valueOf(value);
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
        return embeddedJson(r, Object.class);
    }

    /**
     * {@code runtime.RawExtension} where the model reads it with fabric8's {@code KubernetesDeserializer} (annotated
     * {@code Object} fields such as ControllerRevision's {@code data}): a typed object for a known kind, a
     * {@code GenericKubernetesResource} for another kind, a {@code RawExtension} without a kind, as its JSON gives.
     */
    public static Object rawExtensionResource(ProtoReader r) {
        return embeddedJson(r, KubernetesResource.class);
    }

    /** A RawExtension's raw JSON read as {@code type}; {@code null} without raw bytes. */
    private static Object embeddedJson(ProtoReader r, Class<?> type) {
        Object value = null;
        while (r.hasMore()) {
            int tag = r.readTag();
            if (tag == (1 << 3 | ProtoReader.LENGTH_DELIMITED)) {
                byte[] raw = r.readBytes();
                value = raw.length == 0 ? null : JSON.readValue(raw, type);
            } else {
                r.skip(tag);
            }
        }
        return value;
    }

    /**
     * {@code meta/v1 FieldsV1}: its raw bytes are the JSON object the JSON form carries inline; {@code null} without
     * them, as Go writes a FieldsV1 with no raw bytes. Its map is built from a copy of the bytes on first use
     * ({@link LazyFieldSet}).
     */
    public static FieldsV1 fieldsV1(ProtoReader r) {
        FieldsV1 fields = null;
        while (r.hasMore()) {
            int tag = r.readTag();
            if (tag == (1 << 3 | ProtoReader.LENGTH_DELIMITED)) {
                fields = r.readBytesInPlace((buffer, offset, length) -> length == 0 ? null
                        : lazyFieldsV1(Arrays.copyOfRange(buffer, offset, offset + length)));
            } else {
                r.skip(tag);
            }
        }
        return fields;
    }

    private static FieldsV1 lazyFieldsV1(byte[] json) {
        FieldsV1 fields = new FieldsV1();
        fields.setAdditionalProperties(new LazyFieldSet(json));
        return fields;
    }

    /** {@code meta/v1 FieldsV1} as its JSON form, the object (null when empty). */
    public static Map<String, Object> fieldsV1Json(ProtoReader r) {
        Map<String, Object> object = null;
        while (r.hasMore()) {
            int tag = r.readTag();
            if (tag == (1 << 3 | ProtoReader.LENGTH_DELIMITED)) {
                StringTable keys = r.keys();
                object = r.readBytesInPlace((buffer, offset, length) -> jsonObject(buffer, offset, length, keys));
            } else {
                r.skip(tag);
            }
        }
        return object;
    }

    /**
     * The map of a non-empty field set's JSON, as Jackson reads it into {@code Map<String, Object>}.
     *
     * @throws IllegalStateException when the bytes are not a JSON object (the message names neither keys nor values)
     */
    static Map<String, Object> fieldSet(byte[] json) {
        try {
            Map<String, Object> object = jsonObject(json, 0, json.length, new StringTable());
            if (object == null) {
                throw new IllegalStateException("a managed fields entry's fieldsV1 is empty");
            }
            return object;
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalStateException("a managed fields entry's fieldsV1 (" + json.length
                    + " bytes) is not a JSON object: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Map<String, Object> jsonObject(byte[] buffer, int offset, int length, StringTable keys) {
        if (length == 0) {
            return null;
        }
        Map<String, Object> object = FieldsJson.read(buffer, offset, length, keys);
        return object != null ? object : JSON.readValue(buffer, offset, length, JSON_OBJECT);
    }
}
