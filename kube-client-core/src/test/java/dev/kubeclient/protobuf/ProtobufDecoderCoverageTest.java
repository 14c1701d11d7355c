package dev.kubeclient.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.kubeclient.rest.KubeJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves, message by message and field by field, that every generated protobuf decoder gives the fabric8 object the
 * JSON form of the same value gives. For every message of {@code client-java-proto} that has a decoder, a message
 * with every field set to a distinctive value (recursively, to a depth limit) is encoded with protobuf-java, decoded
 * with the generated decoder, and compared with what Jackson reads from the JSON the Go API server would write for
 * it. That JSON is built here from the descriptors and the Go struct tags of k8s.io/api and k8s.io/apimachinery
 * ({@code go-fields/go-fields.tsv}, see its README), independently of the generator's tables: JSON names, inlined
 * structs, omitempty and pointers; times as RFC 3339 (MicroTime with microseconds), bytes as base64, Quantity as its
 * string, IntOrString as a number or a string, RawExtension and FieldsV1 as embedded JSON.
 *
 * <p>A second pass sets each scalar field alone to its zero value (as Go's protobuf encoder writes it) and each
 * repeated or map field to nothing, and compares with the JSON of the 1.20 server (the tags of v0.20.2, or of
 * v0.36.0 for fields 1.20 lacks): omitempty non-pointer fields absent, pointer and non-omitempty fields present.
 */
class ProtobufDecoderCoverageTest {

    private static final int MAX_DEPTH = 3;
    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = KubeJson.defaults().mapper();

    private static final List<Covered> COVERED = new ArrayList<>();
    private static final Map<String, GoField> GO_FIELDS = new HashMap<>();
    private static final Map<String, GoField> GO_FIELDS_120 = new HashMap<>();

    /** A message with a generated decoder. */
    private record Covered(Descriptor message, Method decoder) {
    }

    /** A field's Go struct tag facts. */
    private record GoField(String json, boolean omitempty, boolean pointer, String goType) {
        boolean inline() {
            return json.isEmpty();
        }
    }

    @BeforeAll
    static void loadDescriptorsAndGoFields() throws Exception {
        for (FileDescriptor file : descriptors()) {
            for (Descriptor message : file.getMessageTypes()) {
                Method decoder = decoder(file.getPackage(), message.getName());
                if (decoder != null) {
                    COVERED.add(new Covered(message, decoder));
                }
            }
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ProtobufDecoderCoverageTest.class.getResourceAsStream("go-fields/go-fields.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                GoField field = new GoField(c[2], Boolean.parseBoolean(c[3]), Boolean.parseBoolean(c[4]), c[5]);
                if (c[0].equals("v0.20.2")) {
                    GO_FIELDS_120.put(c[1], field);
                } else {
                    GO_FIELDS.putIfAbsent(c[1], field); // v0.36.0 before the newest commit
                }
            }
        }
    }

    @Test
    void everyMessageWithADecoderIsCovered() {
        assertThat(COVERED).hasSize(697);
    }

    @Test
    void everyFieldHasTheGoStructTagTheExpectedJsonIsBuiltFrom() {
        List<String> missing = new ArrayList<>();
        for (Covered covered : COVERED) {
            for (FieldDescriptor field : covered.message.getFields()) {
                if (goField(covered.message, field) == null) {
                    missing.add(field.getFullName());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyFieldOfEveryDecodedMessageLandsInTheModelAsItsJsonFormDoes() throws Exception {
        List<String> problems = new ArrayList<>();
        int fields = 0;
        for (Covered covered : COVERED) {
            fields += covered.message.getFields().size();
            // twice, so that each field gets an even and an odd counter: int64 beyond 32 bits and within
            for (int start = 1; start <= 2; start++) {
                checkRich(covered, rich(covered.message, 0, new int[] {start}), problems);
            }
        }
        System.out.println("ProtobufDecoderCoverageTest: " + COVERED.size() + " messages, " + fields + " fields");
        report("fields", problems);
        assertThat(problems).as("fields whose protobuf value does not land where its JSON form does ("
                + problems.size() + ")").isEmpty();
    }

    private static void checkRich(Covered covered, DynamicMessage message, List<String> problems) throws Exception {
        Object decoded = decode(covered, message.toByteArray());
        JsonNode expected = json(message);
        JsonNode actual = MAPPER.valueToTree(decoded);
        compare(covered.message.getName(), expected, actual, problems);
        Object fromJson;
        try {
            fromJson = fromJsonText(expected, decoded.getClass());
        } catch (RuntimeException e) {
            problems.add(covered.message.getFullName() + ": its JSON form does not read: " + e.getMessage());
            return;
        }
        if (!same(fromJson, decoded)) {
            problems.add(covered.message.getFullName() + ": the decoded object differs from the one its JSON gives:"
                    + "\n    protobuf: " + MAPPER.writeValueAsString(decoded)
                    + "\n    json:     " + MAPPER.writeValueAsString(fromJson));
        }
    }

    @Test
    void zeroValuesDecodeAsThe120ServersJsonWritesThem() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Covered covered : COVERED) {
            for (FieldDescriptor field : covered.message.getFields()) {
                GoField go = goField(covered.message, field);
                if (go == null || go.inline()) {
                    continue;
                }
                DynamicMessage.Builder builder = DynamicMessage.newBuilder(covered.message);
                ObjectNode expected = nilCollections(covered.message);
                if (field.isRepeated()) {
                    // nothing on the wire: Go's nil slice or map (nilCollections says what JSON writes)
                } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    // Go writes a struct (and a non-nil pointer to one) even when empty; omitempty never drops it
                    Descriptor type = field.getMessageType();
                    builder.setField(field, zeroMessage(type));
                    expected.set(go.json, zeroJson(type));
                } else {
                    Object zero = zero(field);
                    builder.setField(field, zero);
                    if (go.pointer || !go.omitempty) {
                        expected.set(go.json, scalar(field, zero));
                    }
                }
                String name = covered.message.getFullName() + "." + field.getName();
                checked++;
                Object decoded = decode(covered, builder.build().toByteArray());
                Object fromJson = fromJsonText(expected, decoded.getClass());
                if (!same(fromJson, decoded)) {
                    problems.add(name + " (" + go + "): zero value decodes to " + MAPPER.writeValueAsString(decoded)
                            + ", its JSON " + expected + " to " + MAPPER.writeValueAsString(fromJson));
                }
            }
        }
        System.out.println("ProtobufDecoderCoverageTest: " + checked + " fields decoded with their zero value");
        report("zero-values", problems);
        assertThat(problems).as("zero values that decode unlike the JSON form (" + problems.size() + ")").isEmpty();
    }

    /**
     * What Jackson reads from the JSON text of {@code json}: from text, not from the tree, so that numbers get the
     * types a body's numbers get (a LongNode would stay a Long).
     */
    private static Object fromJsonText(JsonNode json, Class<?> type) {
        return MAPPER.readValue(MAPPER.writeValueAsBytes(json), type);
    }

    /** Writes the problems to target/ for reading when there are many. */
    private static void report(String name, List<String> problems) throws IOException {
        java.nio.file.Path file = java.nio.file.Path.of("target", "protobuf-coverage-" + name + ".txt");
        java.nio.file.Files.deleteIfExists(file);
        if (!problems.isEmpty()) {
            java.nio.file.Files.write(file, problems);
        }
    }

    /**
     * The JSON Go writes for the collections of a message that has none: null for each slice or map without
     * omitempty, except a list's items, which the API server always writes as an array.
     */
    private static ObjectNode nilCollections(Descriptor message) {
        ObjectNode object = NODES.objectNode();
        for (FieldDescriptor field : message.getFields()) {
            GoField go = goField(message, field);
            boolean listItems = message.getName().endsWith("List") && field.getName().equals("items");
            if (field.isRepeated() && go != null && !go.inline() && !go.omitempty && !listItems) {
                object.putNull(go.json);
            }
        }
        return object;
    }

    // --- building messages ---

    private static DynamicMessage rich(Descriptor type, int depth, int[] counter) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        for (FieldDescriptor field : type.getFields()) {
            if (field.isMapField()) {
                Descriptor entry = field.getMessageType();
                for (int i = 0; i < 2; i++) {
                    Object value = value(entry.findFieldByNumber(2), depth, counter);
                    if (value == null) {
                        break;
                    }
                    builder.addRepeatedField(field, DynamicMessage.newBuilder(entry)
                            .setField(entry.findFieldByNumber(1), "key" + counter[0]++)
                            .setField(entry.findFieldByNumber(2), value).build());
                }
            } else if (field.isRepeated()) {
                for (int i = 0; i < 2; i++) {
                    Object value = value(field, depth, counter);
                    if (value == null) {
                        break;
                    }
                    builder.addRepeatedField(field, value);
                }
            } else {
                Object value = value(field, depth, counter);
                if (value != null) {
                    builder.setField(field, value);
                }
            }
        }
        return builder.build();
    }

    /** A distinctive value of the field's type, or null for a message below the depth limit. */
    private static Object value(FieldDescriptor field, int depth, int[] counter) {
        int n = counter[0]++;
        return switch (field.getJavaType()) {
            case STRING -> "v" + n;
            case INT -> 1000 + n;
            case LONG -> n % 2 == 0 ? 5_000_000_000L + n : 100L + n; // beyond 32 bits, and within
            case BOOLEAN -> true;
            case DOUBLE -> 0.5 + n;
            case FLOAT -> 0.25f + n;
            case BYTE_STRING -> ByteString.copyFrom(new byte[] {(byte) n, (byte) 0xfb, (byte) 0xff, 7});
            case MESSAGE -> {
                DynamicMessage special = special(field.getMessageType(), n);
                yield special != null ? special
                        : depth < MAX_DEPTH ? rich(field.getMessageType(), depth + 1, counter) : null;
            }
            default -> throw new IllegalStateException("no value for " + field.getFullName());
        };
    }

    /** A value of apimachinery's hand-written types, or null for other messages. */
    private static DynamicMessage special(Descriptor type, int n) {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        switch (type.getFullName()) {
            case META + "Time" -> b.setField(type.findFieldByName("seconds"), 1_700_000_000L + n * 3_601L);
            case META + "MicroTime" -> b.setField(type.findFieldByName("seconds"), 1_700_000_000L + n * 3_601L)
                    .setField(type.findFieldByName("nanos"), 123_456_789);
            case META + "Duration" -> b.setField(type.findFieldByName("duration"), 3_723_000_000_000L);
            case META + "FieldsV1" -> b.setField(type.findFieldByName("Raw"),
                    ByteString.copyFromUtf8("{\"f:metadata\":{\"f:labels\":{\"f:n" + n + "\":{}}}}"));
            case "k8s.io.apimachinery.pkg.runtime.RawExtension" -> b.setField(type.findFieldByName("raw"),
                    ByteString.copyFromUtf8("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"n\":" + n
                            + ",\"list\":[1,\"two\",true,null,{\"x\":1.5}]}"));
            case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> {
                if (n % 2 == 0) {
                    b.setField(type.findFieldByName("type"), 0L).setField(type.findFieldByName("intVal"), 8000 + n);
                } else {
                    b.setField(type.findFieldByName("type"), 1L).setField(type.findFieldByName("strVal"), "port" + n);
                }
            }
            case "k8s.io.apimachinery.pkg.api.resource.Quantity" -> b.setField(type.findFieldByName("string"),
                    n % 2 == 0 ? n + "Mi" : (n * 10 + 5) + "m");
            default -> {
                return null;
            }
        }
        return b.build();
    }

    /** The message Go's protobuf encoder writes for the zero value of a struct. */
    private static DynamicMessage zeroMessage(Descriptor type) {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        switch (type.getFullName()) {
            // Time.ProtoTime() of the zero time: Go's zero time in Unix seconds
            case META + "Time", META + "MicroTime" -> b.setField(type.findFieldByName("seconds"), -62_135_596_800L)
                    .setField(type.findFieldByName("nanos"), 0);
            case META + "Duration" -> b.setField(type.findFieldByName("duration"), 0L);
            case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> b.setField(type.findFieldByName("type"), 0L)
                    .setField(type.findFieldByName("intVal"), 0).setField(type.findFieldByName("strVal"), "");
            case "k8s.io.apimachinery.pkg.api.resource.Quantity" -> b.setField(type.findFieldByName("string"), "0");
            default -> {
                // an empty struct: its own fields are tested on their own
            }
        }
        return b.build();
    }

    /** The JSON Go writes for the zero value of a struct. */
    private static JsonNode zeroJson(Descriptor type) {
        return switch (type.getFullName()) {
            case META + "Time", META + "MicroTime", META + "FieldsV1", "k8s.io.apimachinery.pkg.runtime.RawExtension" ->
                    NODES.nullNode();
            case META + "Duration" -> NODES.textNode("0s");
            case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> NODES.numberNode(0);
            case "k8s.io.apimachinery.pkg.api.resource.Quantity" -> NODES.textNode("0");
            default -> isNamedSlice(type) ? NODES.nullNode() : nilCollections(type);
        };
    }

    private static Object zero(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case STRING -> "";
            case INT -> 0;
            case LONG -> 0L;
            case BOOLEAN -> false;
            case DOUBLE -> 0.0;
            case FLOAT -> 0.0f;
            case BYTE_STRING -> ByteString.EMPTY;
            default -> throw new IllegalStateException("no zero for " + field.getFullName());
        };
    }

    // --- the JSON form, from the descriptors and the Go struct tags ---

    private static JsonNode json(DynamicMessage message) {
        Descriptor type = message.getDescriptorForType();
        if (isNamedSlice(type)) {
            ArrayNode array = NODES.arrayNode();
            FieldDescriptor items = type.getFields().get(0);
            for (int i = 0; i < message.getRepeatedFieldCount(items); i++) {
                array.add(value(items, message.getRepeatedField(items, i)));
            }
            return array;
        }
        ObjectNode object = nilCollections(type);
        for (FieldDescriptor field : type.getFields()) {
            JsonNode value;
            if (field.isMapField()) {
                if (message.getRepeatedFieldCount(field) == 0) {
                    continue;
                }
                ObjectNode map = NODES.objectNode();
                for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                    DynamicMessage entry = (DynamicMessage) message.getRepeatedField(field, i);
                    Descriptor e = entry.getDescriptorForType();
                    map.set((String) entry.getField(e.findFieldByNumber(1)),
                            value(e.findFieldByNumber(2), entry.getField(e.findFieldByNumber(2))));
                }
                value = map;
            } else if (field.isRepeated()) {
                if (message.getRepeatedFieldCount(field) == 0) {
                    continue;
                }
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                    array.add(value(field, message.getRepeatedField(field, i)));
                }
                value = array;
            } else if (message.hasField(field)) {
                value = value(field, message.getField(field));
            } else {
                continue;
            }
            GoField go = goField(type, field);
            String name = go == null ? field.getName() : go.json;
            if (go != null && go.inline()) {
                ((ObjectNode) value).properties().forEach(e -> object.set(e.getKey(), e.getValue()));
            } else {
                object.set(name, value);
            }
        }
        return object;
    }

    /** A Go named slice type ({@code ExtraValue}, {@code Verbs}): a message holding only its repeated items. */
    private static boolean isNamedSlice(Descriptor type) {
        return type.getFields().size() == 1 && type.getFields().get(0).getName().equals("items")
                && type.getFields().get(0).isRepeated()
                && type.getFields().get(0).getType() == FieldDescriptor.Type.STRING;
    }

    private static JsonNode value(FieldDescriptor field, Object value) {
        if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
            return scalar(field, value);
        }
        DynamicMessage m = (DynamicMessage) value;
        Descriptor type = m.getDescriptorForType();
        return switch (type.getFullName()) {
            case META + "Time" -> NODES.textNode(Instant.ofEpochSecond((Long) m.getField(type.findFieldByName("seconds")))
                    .toString());
            case META + "MicroTime" -> {
                long seconds = (Long) m.getField(type.findFieldByName("seconds"));
                int micros = (Integer) m.getField(type.findFieldByName("nanos")) / 1000;
                String whole = Instant.ofEpochSecond(seconds).toString();
                yield NODES.textNode(whole.substring(0, whole.length() - 1)
                        + String.format(Locale.ROOT, ".%06dZ", micros));
            }
            case META + "Duration" -> NODES.textNode(goDuration((Long) m.getField(type.findFieldByName("duration"))));
            case META + "FieldsV1" -> parse((ByteString) m.getField(type.findFieldByName("Raw")));
            case "k8s.io.apimachinery.pkg.runtime.RawExtension" -> parse((ByteString) m.getField(type.findFieldByName("raw")));
            case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> (Long) m.getField(type.findFieldByName("type")) == 0
                    ? NODES.numberNode((Integer) m.getField(type.findFieldByName("intVal")))
                    : NODES.textNode((String) m.getField(type.findFieldByName("strVal")));
            case "k8s.io.apimachinery.pkg.api.resource.Quantity" -> NODES.textNode((String) m.getField(type.findFieldByName("string")));
            default -> json(m);
        };
    }

    private static JsonNode scalar(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case STRING -> NODES.textNode((String) value);
            case INT -> NODES.numberNode((Integer) value);
            case LONG -> NODES.numberNode((Long) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case BYTE_STRING -> NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            default -> throw new IllegalStateException(field.getFullName());
        };
    }

    /** Go's time.Duration String() for whole seconds of at least one hour. */
    private static String goDuration(long nanos) {
        long s = nanos / 1_000_000_000L;
        return s / 3600 + "h" + s % 3600 / 60 + "m" + s % 60 + "s";
    }

    private static JsonNode parse(ByteString raw) {
        return MAPPER.readTree(raw.toStringUtf8());
    }

    private static GoField goField(Descriptor message, FieldDescriptor field) {
        for (String key : List.of(message.getFullName() + "." + field.getName(),
                message.getFullName() + ".#" + field.getNumber())) {
            GoField go = GO_FIELDS_120.get(key);
            if (go != null || (go = GO_FIELDS.get(key)) != null) {
                return go;
            }
        }
        return null;
    }

    // --- comparing ---

    /** Every leaf of {@code expected} must be in {@code actual} with the same JSON text, and nothing else. */
    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
        Map<String, String> want = new LinkedHashMap<>();
        Map<String, String> got = new LinkedHashMap<>();
        leaves(path, expected, want);
        leaves(path, actual, got);
        want.forEach((p, v) -> {
            String g = got.remove(p);
            if (v.equals("{}") && g == null && got.containsKey(p + ".kind")) {
                return; // an empty object: the model's own apiVersion and kind are all it writes
            }
            if (!v.equals(g)) {
                problems.add(p + ": expected " + v + ", decoded " + g);
            }
        });
        // the model's defaults of apiVersion and kind (the envelope's type sets them on a whole object)
        got.keySet().removeIf(p -> p.endsWith(".apiVersion") || p.endsWith(".kind"));
        got.forEach((p, v) -> problems.add(p + ": decoded " + v + " which the JSON form does not have"));
    }

    /** The scalar leaves of {@code node} by path; a null is absent (KubeJson leaves nulls out). */
    private static void leaves(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            boolean any = false;
            for (var e : node.properties()) {
                if (!e.getValue().isNull()) {
                    leaves(path + "." + e.getKey(), e.getValue(), out);
                    any = true;
                }
            }
            if (!any) {
                out.put(path, "{}");
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node.isNumber() ? node.numberValue().toString() : node.toString());
        }
    }

    /**
     * Whether two model objects are equal: by {@code equals}, or, for classes whose {@code equals} does not hold for
     * two equal copies (PartialObjectMetadataList inherits identity from its superclass), by their JSON trees
     * (numbers compared with their types).
     */
    private static boolean same(Object a, Object b) {
        if (a.equals(b)) {
            return true;
        }
        JsonNode tree = MAPPER.valueToTree(a);
        boolean equalsWorks = MAPPER.treeToValue(tree, a.getClass()).equals(MAPPER.treeToValue(tree, a.getClass()));
        return !equalsWorks && tree.equals(MAPPER.valueToTree(b));
    }

    // --- the descriptors and the generated decoders ---

    private static Object decode(Covered covered, byte[] bytes) throws IllegalAccessException {
        try {
            return covered.decoder.invoke(null, ProtoReader.of(bytes));
        } catch (InvocationTargetException e) {
            throw new AssertionError("decoding " + covered.message.getFullName() + " failed", e.getCause());
        }
    }

    private static Method decoder(String protoPackage, String message) {
        String[] parts = protoPackage.split("\\.");
        String className = "dev.kubeclient.protobuf." + capitalize(parts[parts.length - 2])
                + capitalize(parts[parts.length - 1]) + "ProtobufDecoders";
        try {
            return Class.forName(className).getMethod("decode" + message, ProtoReader.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return null;
        }
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static List<FileDescriptor> descriptors() throws Exception {
        URL anchor = ProtobufDecoderCoverageTest.class.getClassLoader().getResource("io/kubernetes/client/proto/Meta.class");
        List<String> names = new ArrayList<>();
        try (JarFile jar = ((JarURLConnection) Objects.requireNonNull(anchor).openConnection()).getJarFile()) {
            jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("io/kubernetes/client/proto/") && n.endsWith(".class") && !n.contains("$"))
                    .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
        }
        Collections.sort(names);
        List<FileDescriptor> files = new ArrayList<>();
        for (String name : names) {
            try {
                Method getter = Class.forName(name).getMethod("getDescriptor");
                if (getter.getReturnType() == FileDescriptor.class) {
                    files.add((FileDescriptor) getter.invoke(null));
                }
            } catch (NoSuchMethodException e) {
                // not an outer class of a .proto file
            }
        }
        return files;
    }
}
