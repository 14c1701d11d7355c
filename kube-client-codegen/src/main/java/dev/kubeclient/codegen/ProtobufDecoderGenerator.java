package dev.kubeclient.codegen;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;

/**
 * Writes the protobuf decoders of the built-in Kubernetes types into kube-client-core's generated sources: one class
 * per API group version ({@code CoreV1ProtobufDecoders}, {@code AppsV1ProtobufDecoders}, ...) with one static
 * method per message that maps to a fabric8 model class, and {@code ProtobufDecoders}, which finds the decoder of a
 * model class. The input is the messages' descriptors as the official Java client's proto jar carries them
 * ({@code io.kubernetes:client-java-proto}, read with protobuf-java): both are on the generator's classpath only,
 * never on core's runtime classpath.
 *
 * <p>A message maps to the fabric8 class of the same name in the package of its group version (core/v1 and meta/v1
 * in {@code io.fabric8.kubernetes.api.model}, {@code apps/v1} in {@code ...model.apps}, otherwise
 * {@code ...model.<group>.<version>}, or {@code ...model.<group>} for a v1); each field is set through the setter of
 * the model field whose JSON name is the field's name (or differs from it only in case: {@code Webhooks},
 * {@code uID}), which reflection checks here. A v1 message that a v1beta1 message reuses is decoded into the v1beta1
 * model class where the model has one ({@code ...AsV1beta1}). A field the model has no property of goes into the
 * model's additional properties with its JSON form (maps, lists, strings, numbers), as Jackson puts an unknown JSON
 * property there; messages without a model class get a {@code json<Message>} reader for that. Time, MicroTime,
 * Duration, Quantity, IntOrString, FieldsV1, RawExtension and Go's named string slices ({@code ExtraValue},
 * {@code Verbs}) are converted to what the JSON form gives ({@code ProtoTypes}). A field that still fits nowhere is
 * left out and listed in the generated class's Javadoc (none with client-java-proto 27.0.0 and fabric8 8.0.0).
 *
 * <p>Protobuf carries zero values (0, false, "") of Go's non-pointer fields, which JSON omits when the field is
 * {@code omitempty}; the decoders drop such zeros except for the fields listed in {@code protobuf-zero-values.txt}.
 * A repeated or map field listed there (no omitempty) is set to null when absent, as JSON writes a nil one.
 *
 * <p>Run in the JDK's source-launch mode: {@code java -cp <descriptors, protobuf-java, model> ProtobufDecoderGenerator.java
 * <output-dir> <zero-values-file>}.
 */
public final class ProtobufDecoderGenerator {

    private static final String OUT_PACKAGE = "dev.kubeclient.protobuf";
    private static final String MODEL = "io.fabric8.kubernetes.api.model";
    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static final String RAW_EXTENSION = "k8s.io.apimachinery.pkg.runtime.RawExtension";

    /** Messages converted by ProtoTypes rather than generated: message, conversion method, model type. */
    private static final List<String[]> SPECIAL = List.of(
            new String[] {META + "Time", "time", "java.lang.String"},
            new String[] {META + "MicroTime", "microTime", "java.lang.String"},
            new String[] {META + "MicroTime", "microTimeObject", MODEL + ".MicroTime"},
            new String[] {META + "MicroTime", "zonedMicroTime", "java.time.ZonedDateTime"},
            new String[] {META + "Duration", "duration", MODEL + ".Duration"},
            new String[] {META + "FieldsV1", "fieldsV1", MODEL + ".FieldsV1"},
            new String[] {RAW_EXTENSION, "rawExtension", "java.lang.Object"},
            new String[] {"k8s.io.apimachinery.pkg.util.intstr.IntOrString", "intOrString", MODEL + ".IntOrString"},
            new String[] {"k8s.io.apimachinery.pkg.api.resource.Quantity", "quantity", MODEL + ".Quantity"});

    /** The JSON form (what Jackson reads into an {@code Object}) of the special messages: message, conversion. */
    private static final Map<String, String> SPECIAL_JSON = Map.of(
            META + "Time", "time",
            META + "MicroTime", "microTime",
            META + "FieldsV1", "fieldsV1Json",
            "k8s.io.apimachinery.pkg.runtime.RawExtension", "rawExtension",
            "k8s.io.apimachinery.pkg.util.intstr.IntOrString", "intOrStringJson",
            "k8s.io.apimachinery.pkg.api.resource.Quantity", "quantityString");

    private static boolean isSpecial(String message) {
        return SPECIAL.stream().anyMatch(s -> s[0].equals(message));
    }

    private final Set<String> keepZero;
    private final Map<String, Class<?>> modelClasses = new LinkedHashMap<>();
    private final Map<String, String> decoderClasses = new LinkedHashMap<>();
    /** Methods and left-out fields per generated class, written when every queued method is generated. */
    private final Map<String, StringBuilder> classMethods = new TreeMap<>();
    private final Map<String, List<String>> classLeft = new TreeMap<>();
    private final Map<String, String> classPackages = new TreeMap<>();
    /** Decoders of a message into another model class than its own, and JSON forms: key to method reference. */
    private final Map<String, String> queued = new LinkedHashMap<>();
    private final java.util.ArrayDeque<Runnable> work = new java.util.ArrayDeque<>();

    private ProtobufDecoderGenerator(Set<String> keepZero) {
        this.keepZero = keepZero;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ProtobufDecoderGenerator <output-dir> <zero-values-file>");
        }
        Set<String> keepZero = new HashSet<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                keepZero.add(line.trim());
            }
        }
        new ProtobufDecoderGenerator(keepZero).generate(Path.of(args[0]).resolve(OUT_PACKAGE.replace('.', '/')));
    }

    private void generate(Path dir) throws Exception {
        Map<String, List<Descriptor>> byPackage = new TreeMap<>();
        for (FileDescriptor file : descriptors()) {
            for (Descriptor message : file.getMessageTypes()) {
                if (isSpecial(message.getFullName())) {
                    continue;
                }
                Class<?> model = modelClass(file.getPackage(), message.getName());
                if (model != null) {
                    modelClasses.put(message.getFullName(), model);
                    decoderClasses.put(message.getFullName(), decoderClassName(file.getPackage()));
                    byPackage.computeIfAbsent(file.getPackage(), p -> new ArrayList<>()).add(message);
                }
            }
        }
        Files.createDirectories(dir);
        int messages = 0;
        for (var entry : byPackage.entrySet()) {
            String className = decoderClassName(entry.getKey());
            for (Descriptor message : entry.getValue()) {
                methods(entry.getKey()).append(decoderMethod(message, modelClasses.get(message.getFullName()),
                        methodName(message), left(entry.getKey())));
                messages++;
            }
        }
        while (!work.isEmpty()) {
            work.poll().run();
        }
        int skipped = 0;
        for (var entry : classMethods.entrySet()) {
            List<String> left = classLeft.get(entry.getKey());
            skipped += left.size();
            Files.writeString(dir.resolve(entry.getKey() + ".java"),
                    decoderClass(classPackages.get(entry.getKey()), entry.getKey(), entry.getValue(), left));
        }
        Files.writeString(dir.resolve("ProtobufDecoders.java"), registry());
        System.out.println("ProtobufDecoderGenerator: " + messages + " message decoders in " + byPackage.size()
                + " classes; " + skipped + " fields left out");
    }

    private StringBuilder methods(String protoPackage) {
        String className = decoderClassName(protoPackage);
        classPackages.putIfAbsent(className, protoPackage);
        classLeft.computeIfAbsent(className, c -> new ArrayList<>());
        return classMethods.computeIfAbsent(className, c -> new StringBuilder());
    }

    private List<String> left(String protoPackage) {
        methods(protoPackage);
        return classLeft.get(decoderClassName(protoPackage));
    }

    /** Every FileDescriptor of the proto jar's outer classes. */
    private static List<FileDescriptor> descriptors() throws Exception {
        URL anchor = ProtobufDecoderGenerator.class.getClassLoader().getResource("io/kubernetes/client/proto/Meta.class");
        if (anchor == null) {
            throw new IllegalStateException("io.kubernetes:client-java-proto is not on the generator's classpath");
        }
        List<String> names = new ArrayList<>();
        try (JarFile jar = ((JarURLConnection) anchor.openConnection()).getJarFile()) {
            jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("io/kubernetes/client/proto/") && n.endsWith(".class") && !n.contains("$")
                            && n.indexOf('/', "io/kubernetes/client/proto/".length()) < 0)
                    .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
        }
        Collections.sort(names);
        List<FileDescriptor> files = new ArrayList<>();
        for (String name : names) {
            Method getter;
            try {
                getter = Class.forName(name, false, ProtobufDecoderGenerator.class.getClassLoader()).getMethod("getDescriptor");
            } catch (NoSuchMethodException e) {
                continue;
            }
            if (getter.getReturnType() == FileDescriptor.class) {
                files.add((FileDescriptor) getter.invoke(null));
            }
        }
        return files;
    }

    private static Class<?> modelClass(String protoPackage, String name) {
        List<String> candidates = new ArrayList<>();
        if (protoPackage.equals("k8s.io.api.core.v1") || protoPackage.equals("k8s.io.apimachinery.pkg.apis.meta.v1")) {
            candidates.add(MODEL);
        } else if (protoPackage.startsWith("k8s.io.api.")) {
            String[] gv = protoPackage.substring("k8s.io.api.".length()).split("\\.");
            if (gv.length != 2) {
                return null;
            }
            candidates.add(MODEL + "." + gv[0] + "." + gv[1]);
            if (gv[1].equals("v1")) {
                candidates.add(MODEL + "." + gv[0]);
            }
            if (gv[0].equals("storage") && gv[1].equals("v1")) {
                candidates.add(MODEL + ".storage");
            }
        }
        for (String pkg : candidates) {
            try {
                Class<?> c = Class.forName(pkg + "." + name, false, ProtobufDecoderGenerator.class.getClassLoader());
                if (!Modifier.isAbstract(c.getModifiers()) && Modifier.isPublic(c.getModifiers()) && !c.isInterface()) {
                    c.getConstructor();
                    return c;
                }
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                // not this candidate
            }
        }
        return null;
    }

    private static String decoderClassName(String protoPackage) {
        String[] parts = protoPackage.split("\\.");
        String group = parts[parts.length - 2];
        String version = parts[parts.length - 1];
        return capitalize(group) + capitalize(version) + "ProtobufDecoders";
    }

    private static String methodName(Descriptor message) {
        return "decode" + message.getName();
    }

    private String decoderMethod(Descriptor message, Class<?> model, String method, List<String> left) {
        String type = model.getCanonicalName();
        StringBuilder helpers = new StringBuilder();
        return "    /** Reads a {@code " + message.getFullName() + "} message. */\n"
                + "    public static " + type + ' ' + method + "(ProtoReader r) {\n"
                + "        " + type + " o = new " + type + "();\n"
                + readLoop(message, model, left, helpers, method.substring("decode".length()))
                + "        return o;\n"
                + "    }\n\n"
                + helpers;
    }

    /**
     * The reference of a decoder of {@code message} into {@code target}, a model class of the message's name in
     * another group version (v1beta1 messages that reuse a v1 message), generated on demand.
     */
    private String decoderInto(Descriptor message, Class<?> target) {
        String key = message.getFullName() + " -> " + target.getName();
        String ref = queued.get(key);
        if (ref == null) {
            String protoPackage = message.getFile().getPackage();
            String pkg = target.getPackageName();
            String method = methodName(message) + "As" + capitalize(pkg.substring(pkg.lastIndexOf('.') + 1));
            ref = decoderClassName(protoPackage) + "::" + method;
            queued.put(key, ref);
            work.add(() -> methods(protoPackage).append(decoderMethod(message, target, method, left(protoPackage))));
        }
        return ref;
    }

    /** The reference of a method reading {@code message} as its JSON form (a map), generated on demand. */
    private String jsonReader(Descriptor message) {
        String key = "json " + message.getFullName();
        String ref = queued.get(key);
        if (ref == null) {
            String protoPackage = message.getFile().getPackage();
            String method = "json" + message.getName();
            ref = decoderClassName(protoPackage) + "::" + method;
            queued.put(key, ref);
            work.add(() -> methods(protoPackage).append(jsonMethod(message, method, left(protoPackage))));
        }
        return ref;
    }

    private String jsonMethod(Descriptor message, String method, List<String> left) {
        return "    /** Reads a {@code " + message.getFullName() + "} message as its JSON form, for a model without its type. */\n"
                + "    public static java.util.Map<String, Object> " + method + "(ProtoReader r) {\n"
                + "        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();\n"
                + readLoop(message, null, left, new StringBuilder(), message.getName())
                + "        return o;\n"
                + "    }\n\n";
    }

    /**
     * The statements reading {@code message}'s fields into {@code o} (of class {@code model}). A field with no model
     * field of its name whose message does have fields of {@code model} is an embedded Go struct (JSON inlines it):
     * it is read by a helper setting those fields on {@code o}.
     */
    private String readLoop(Descriptor message, Class<?> model, List<String> left, StringBuilder helpers, String path) {
        StringBuilder locals = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        StringBuilder finish = new StringBuilder();
        for (FieldDescriptor field : message.getFields()) {
            Field javaField = model == null ? null : javaField(model, field.getName());
            Method setter = javaField == null ? null : setter(model, javaField);
            if (setter == null && model != null && isEmbedded(field, model)) {
                String helper = "read" + path + capitalize(field.getName());
                int tag = field.getNumber() << 3 | 2;
                cases.append("                case ").append(tag).append(" -> r.message(e -> {\n                    ")
                        .append(helper).append("(e, o);\n                    return null;\n                });\n");
                String type = model.getCanonicalName();
                StringBuilder nested = new StringBuilder();
                helpers.append("    private static void ").append(helper).append("(ProtoReader r, ").append(type)
                        .append(" o) {\n").append(readLoop(field.getMessageType(), model, left, nested,
                                path + capitalize(field.getName())))
                        .append("    }\n\n").append(nested);
                continue;
            }
            if (setter == null) {
                String why = model != null && !hasAdditionalProperties(model) ? "no model field or setter"
                        : jsonField(message, field, model == null, locals, cases, finish);
                if (why != null) {
                    left.add(path + "." + field.getName() + " (" + why + ")");
                }
                continue;
            }
            Type target = resolve(setter.getGenericParameterTypes()[0], model);
            int tag = field.getNumber() << 3 | wireType(field);
            String local = "f" + field.getNumber();
            if (field.isMapField()) {
                if (!(target instanceof ParameterizedType map) || map.getRawType() != Map.class) {
                    left.add(path + "." + field.getName() + " (model type " + target.getTypeName() + ")");
                    continue;
                }
                FieldDescriptor k = field.getMessageType().findFieldByNumber(1);
                FieldDescriptor v = field.getMessageType().findFieldByNumber(2);
                String keyExpr = value(k, map.getActualTypeArguments()[0], "e");
                if ("e.readString()".equals(keyExpr)) {
                    // Map keys repeat across a list's items: shared, as Jackson shares JSON property names.
                    keyExpr = "e.readKey()";
                }
                String valueExpr = value(v, map.getActualTypeArguments()[1], "e");
                if (keyExpr == null || valueExpr == null) {
                    left.add(path + "." + field.getName() + " (map of " + target.getTypeName() + ")");
                    continue;
                }
                locals.append("        ").append(target.getTypeName()).append(' ').append(local).append(" = null;\n");
                cases.append("                case ").append(tag).append(" -> r.mapEntry(").append(local).append(" == null ? ")
                        .append(local).append(" = new java.util.LinkedHashMap<>() : ").append(local).append(", e -> ")
                        .append(keyExpr).append(", e -> ").append(valueExpr).append(", ").append(empty(k)).append(", ")
                        .append(empty(v)).append(");\n");
                finish.append(setCollection(message, field, setter, local));
            } else if (field.isRepeated()) {
                if (!(target instanceof ParameterizedType list) || list.getRawType() != List.class) {
                    left.add(path + "." + field.getName() + " (model type " + target.getTypeName() + ")");
                    continue;
                }
                String valueExpr = value(field, list.getActualTypeArguments()[0], "r", javaField);
                if (valueExpr == null) {
                    left.add(path + "." + field.getName() + " (list of " + target.getTypeName() + ")");
                    continue;
                }
                locals.append("        ").append(target.getTypeName()).append(' ').append(local).append(" = null;\n");
                cases.append("                case ").append(tag).append(" -> (").append(local).append(" == null ? ")
                        .append(local).append(" = new java.util.ArrayList<>() : ").append(local).append(").add(")
                        .append(valueExpr).append(");\n");
                finish.append(setCollection(message, field, setter, local));
            } else {
                String valueExpr = value(field, target, "r", javaField);
                if (valueExpr == null) {
                    left.add(path + "." + field.getName() + " (model type " + target.getTypeName() + ")");
                    continue;
                }
                String zeroCheck = keepZero.contains(message.getFullName() + "." + field.getName()) ? null : zeroCheck(field);
                if (zeroCheck == null) {
                    cases.append("                case ").append(tag).append(" -> o.").append(setter.getName()).append('(')
                            .append(valueExpr).append(");\n");
                } else {
                    cases.append("                case ").append(tag).append(" -> {\n                    var v = ")
                            .append(valueExpr).append(";\n                    if (").append(zeroCheck)
                            .append(") {\n                        o.").append(setter.getName())
                            .append("(v);\n                    }\n                }\n");
                }
            }
        }
        return locals
                + "        while (r.hasMore()) {\n"
                + "            int tag = r.readTag();\n"
                + "            switch (tag) {\n"
                + cases
                + "                default -> r.skip(tag);\n"
                + "            }\n"
                + "        }\n"
                + finish;
    }

    /**
     * Reads a field the model has no property of into its JSON form, as Jackson reads an unknown property: into the
     * model's additional properties ({@code o} is a model object) or into the map {@code o} of a JSON-form reader.
     * Returns why the field is left out, or null.
     */
    private String jsonField(Descriptor message, FieldDescriptor field, boolean toMap, StringBuilder locals,
            StringBuilder cases, StringBuilder finish) {
        String name = jsonName(field);
        String put = toMap ? "o.put" : "o.setAdditionalProperty";
        int tag = field.getNumber() << 3 | wireType(field);
        String local = "f" + field.getNumber();
        boolean keep = keepZero.contains(message.getFullName() + "." + field.getName());
        if (field.isMapField()) {
            FieldDescriptor v = field.getMessageType().findFieldByNumber(2);
            String valueExpr = jsonValue(v, "e");
            if (valueExpr == null) {
                return "map of " + v.getMessageType().getFullName();
            }
            locals.append("        java.util.Map<String, Object> ").append(local).append(" = null;\n");
            cases.append("                case ").append(tag).append(" -> r.mapEntry(").append(local).append(" == null ? ")
                    .append(local).append(" = new java.util.LinkedHashMap<>() : ").append(local)
                    .append(", e -> e.readKey(), e -> ").append(valueExpr).append(", \"\", ")
                    .append(jsonEmpty(v)).append(");\n");
        } else if (field.isRepeated()) {
            String valueExpr = jsonValue(field, "r");
            if (valueExpr == null) {
                return "list of " + field.getMessageType().getFullName();
            }
            locals.append("        java.util.List<Object> ").append(local).append(" = null;\n");
            cases.append("                case ").append(tag).append(" -> (").append(local).append(" == null ? ")
                    .append(local).append(" = new java.util.ArrayList<>() : ").append(local).append(").add(")
                    .append(valueExpr).append(");\n");
        } else {
            String valueExpr = jsonValue(field, "r");
            if (valueExpr == null) {
                return "JSON form of " + field.getMessageType().getFullName();
            }
            String zeroCheck = keep ? null : zeroCheck(field);
            String value = field.getType() == FieldDescriptor.Type.INT64 || field.getType() == FieldDescriptor.Type.UINT64
                    ? "ProtoTypes.jsonInteger(v)" : "v";
            cases.append("                case ").append(tag).append(" -> {\n                    var v = ")
                    .append(valueExpr.replace("ProtoTypes.jsonInteger(r.readInt64())", "r.readInt64()"))
                    .append(";\n");
            if (zeroCheck == null) {
                cases.append("                    ").append(put).append("(\"").append(name).append("\", ").append(value)
                        .append(");\n");
            } else {
                cases.append("                    if (").append(zeroCheck).append(") {\n                        ")
                        .append(put).append("(\"").append(name).append("\", ").append(value)
                        .append(");\n                    }\n");
            }
            cases.append("                }\n");
            return null;
        }
        if (keep) {
            finish.append("        ").append(put).append("(\"").append(name).append("\", ").append(local).append(");\n");
        } else {
            finish.append("        if (").append(local).append(" != null) {\n            ").append(put).append("(\"")
                    .append(name).append("\", ").append(local).append(");\n        }\n");
        }
        return null;
    }

    /** The expression reading one value of {@code field} as its JSON form, or null when it has none here. */
    private String jsonValue(FieldDescriptor field, String reader) {
        return switch (field.getType()) {
            case STRING -> reader + ".readString()";
            case BYTES -> reader + ".readBase64()";
            case INT32, UINT32 -> reader + ".readInt32()";
            case INT64, UINT64 -> "ProtoTypes.jsonInteger(" + reader + ".readInt64())";
            case BOOL -> reader + ".readBool()";
            case DOUBLE -> reader + ".readDouble()";
            case MESSAGE -> {
                Descriptor type = field.getMessageType();
                String special = SPECIAL_JSON.get(type.getFullName());
                if (special != null) {
                    yield reader + ".message(ProtoTypes::" + special + ")";
                }
                if (isSpecial(type.getFullName())) {
                    yield null;
                }
                yield reader + ".message(" + (isNamedSlice(type) ? "ProtoTypes::stringList" : jsonReader(type)) + ")";
            }
            default -> null;
        };
    }

    private static String jsonEmpty(FieldDescriptor field) {
        return field.getType() == FieldDescriptor.Type.INT64 || field.getType() == FieldDescriptor.Type.UINT64 ? "0"
                : empty(field);
    }

    /**
     * The JSON name of a field the model lacks: the protobuf name, whose first letter the Go names of a few fields
     * ({@code Webhooks}, {@code Expression}) capitalise.
     */
    private static String jsonName(FieldDescriptor field) {
        String name = field.getName();
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    /** A Go named slice of strings ({@code ExtraValue}, {@code Verbs}): a message holding only its items. */
    private static boolean isNamedSlice(Descriptor type) {
        return type.getFields().size() == 1 && type.getFields().get(0).getName().equals("items")
                && type.getFields().get(0).isRepeated() && type.getFields().get(0).getType() == FieldDescriptor.Type.STRING;
    }

    /** Whether the model field is read by fabric8's KubernetesDeserializer (typed objects for known kinds). */
    private static boolean usesKubernetesDeserializer(Field field) {
        for (java.lang.annotation.Annotation a : field.getAnnotations()) {
            if (a.annotationType().getSimpleName().equals("JsonDeserialize")) {
                try {
                    Object using = a.annotationType().getMethod("using").invoke(a);
                    return using instanceof Class<?> c && c.getSimpleName().equals("KubernetesDeserializer");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read @JsonDeserialize of " + field, e);
                }
            }
        }
        return false;
    }

    private static boolean hasAdditionalProperties(Class<?> model) {
        try {
            model.getMethod("setAdditionalProperty", String.class, Object.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** {@code type} with a type variable of a generic superclass (a list's {@code List<T> items}) resolved. */
    private static Type resolve(Type type, Class<?> model) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof java.lang.reflect.TypeVariable<?> variable
                && model.getGenericSuperclass() instanceof ParameterizedType superType
                && superType.getRawType() instanceof Class<?> raw) {
            var variables = raw.getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                if (variables[i].getName().equals(variable.getName())) {
                    Type actual = superType.getActualTypeArguments()[i];
                    return new ParameterizedType() {
                        @Override
                        public Type[] getActualTypeArguments() {
                            return new Type[] {actual};
                        }

                        @Override
                        public Type getRawType() {
                            return p.getRawType();
                        }

                        @Override
                        public Type getOwnerType() {
                            return null;
                        }

                        @Override
                        public String getTypeName() {
                            return p.getRawType().getTypeName() + "<" + actual.getTypeName() + ">";
                        }
                    };
                }
            }
        }
        return type;
    }

    /**
     * Sets a repeated or map field after the loop: when it had entries; or always (null when it had none) when JSON
     * writes it even empty (no omitempty: Go writes a nil slice as null, and protobuf cannot tell empty from nil).
     */
    private String setCollection(Descriptor message, FieldDescriptor field, Method setter, String local) {
        // The API server writes the items of a list as [] when there are none, never null.
        boolean listItems = message.getName().endsWith("List") && field.getName().equals("items");
        if (!listItems && keepZero.contains(message.getFullName() + "." + field.getName())) {
            return "        o." + setter.getName() + "(" + local + ");\n";
        }
        return "        if (" + local + " != null) {\n            o." + setter.getName() + "(" + local + ");\n        }\n";
    }

    private static boolean isEmbedded(FieldDescriptor field, Class<?> model) {
        if (field.getType() != FieldDescriptor.Type.MESSAGE || field.isRepeated() || isSpecial(field.getMessageType().getFullName())) {
            return false;
        }
        for (FieldDescriptor inner : field.getMessageType().getFields()) {
            if (javaField(model, inner.getName()) != null) {
                return true;
            }
        }
        return false;
    }

    /** The expression reading one value of {@code field} into {@code target}, or null when they do not fit. */
    private String value(FieldDescriptor field, Type target, String reader) {
        return value(field, target, reader, null);
    }

    /**
     * As {@link #value(FieldDescriptor, Type, String)}; {@code javaField} is the model field, whose
     * {@code @JsonDeserialize} decides how a RawExtension is read.
     */
    private String value(FieldDescriptor field, Type target, String reader, Field javaField) {
        String t = target.getTypeName();
        return switch (field.getType()) {
            case STRING -> t.equals("java.lang.String") ? reader + ".readString()" : null;
            case BYTES -> t.equals("java.lang.String") ? reader + ".readBase64()" : null;
            case INT32, UINT32 -> t.equals("java.lang.Integer") ? reader + ".readInt32()"
                    : t.equals("java.lang.Long") ? "(long) " + reader + ".readInt32()" : null;
            case INT64, UINT64 -> t.equals("java.lang.Long") ? reader + ".readInt64()" : null;
            case BOOL -> t.equals("java.lang.Boolean") ? reader + ".readBool()" : null;
            case DOUBLE -> t.equals("java.lang.Double") ? reader + ".readDouble()" : null;
            case MESSAGE -> {
                String name = field.getMessageType().getFullName();
                if (name.equals(RAW_EXTENSION) && t.equals("java.lang.Object") && javaField != null
                        && usesKubernetesDeserializer(javaField)) {
                    yield reader + ".message(ProtoTypes::rawExtensionResource)";
                }
                if (isSpecial(name)) {
                    yield SPECIAL.stream().filter(s -> s[0].equals(name) && s[2].equals(t)).findFirst()
                            .map(s -> reader + ".message(ProtoTypes::" + s[1] + ")").orElse(null);
                }
                if (isNamedSlice(field.getMessageType())) {
                    yield t.equals("java.util.List<java.lang.String>") ? reader + ".message(ProtoTypes::stringList)" : null;
                }
                Class<?> model = modelClasses.get(name);
                if (!(target instanceof Class<?> c)) {
                    yield null;
                }
                if (model != null && c.isAssignableFrom(model)) {
                    yield reader + ".message(" + decoderClasses.get(name) + "::" + methodName(field.getMessageType()) + ")";
                }
                if (c.getName().startsWith(MODEL) && c.getSimpleName().equals(field.getMessageType().getName())
                        && isConcrete(c)) {
                    yield reader + ".message(" + decoderInto(field.getMessageType(), c) + ")";
                }
                yield null;
            }
            default -> null;
        };
    }

    private static String empty(FieldDescriptor field) {
        return switch (field.getType()) {
            case STRING, BYTES -> "\"\"";
            case INT32, UINT32 -> "0";
            case INT64, UINT64 -> "0L";
            case BOOL -> "false";
            default -> "null";
        };
    }

    /** A condition on {@code v} true when the value is not the zero value JSON would omit; null for messages. */
    private static String zeroCheck(FieldDescriptor field) {
        return switch (field.getType()) {
            case STRING, BYTES -> "!v.isEmpty()";
            case INT32, UINT32, INT64, UINT64 -> "v != 0";
            case BOOL -> "v";
            case DOUBLE -> "v != 0.0";
            default -> null;
        };
    }

    private static int wireType(FieldDescriptor field) {
        return switch (field.getType()) {
            case STRING, BYTES, MESSAGE -> 2;
            case DOUBLE, FIXED64, SFIXED64 -> 1;
            case FLOAT, FIXED32, SFIXED32 -> 5;
            default -> 0;
        };
    }

    /**
     * The model field whose JSON name is the protobuf field's name, or, failing that, differs from it only in case: a
     * few protobuf names differ from the Go JSON names ({@code Webhooks}, {@code uID}, {@code aPIGroup}).
     */
    private static Field javaField(Class<?> model, String protoName) {
        Field caseInsensitive = null;
        for (Class<?> c = model; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                String json = jsonPropertyName(f);
                if (protoName.equals(json)) {
                    return f;
                }
                if (protoName.equalsIgnoreCase(json)) {
                    caseInsensitive = f;
                }
            }
        }
        return caseInsensitive;
    }

    private static boolean isConcrete(Class<?> c) {
        try {
            c.getConstructor();
            return !Modifier.isAbstract(c.getModifiers()) && Modifier.isPublic(c.getModifiers()) && !c.isInterface();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The value of the field's {@code @JsonProperty}, read reflectively so the generator needs no Jackson. */
    private static String jsonPropertyName(Field field) {
        for (java.lang.annotation.Annotation a : field.getAnnotations()) {
            if (a.annotationType().getName().equals("com.fasterxml.jackson.annotation.JsonProperty")) {
                try {
                    return (String) a.annotationType().getMethod("value").invoke(a);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read @JsonProperty of " + field, e);
                }
            }
        }
        return null;
    }

    private static Method setter(Class<?> model, Field field) {
        try {
            String name = field.getName().startsWith("_") ? field.getName().substring(1) : field.getName();
            return model.getMethod("set" + capitalize(name), field.getType());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String decoderClass(String protoPackage, String className, CharSequence methods, List<String> left) {
        StringBuilder doc = new StringBuilder();
        doc.append("/**\n * Protobuf decoders of {@code ").append(protoPackage)
                .append("} into fabric8 model objects. Generated by ProtobufDecoderGenerator; do not edit.\n");
        if (!left.isEmpty()) {
            doc.append(" *\n * <p>Fields left out (their values are skipped):\n * <ul>\n");
            for (String l : left) {
                doc.append(" * <li>").append(l.replace("<", "&lt;").replace(">", "&gt;")).append("</li>\n");
            }
            doc.append(" * </ul>\n");
        }
        doc.append(" */\n");
        return "package " + OUT_PACKAGE + ";\n\n"
                + doc
                + "@javax.annotation.processing.Generated(\"dev.kubeclient.codegen.ProtobufDecoderGenerator\")\n"
                + "public final class " + className + " {\n\n"
                + "    private " + className + "() {\n    }\n\n"
                + methods.toString().stripTrailing() + "\n}\n";
    }

    private String registry() {
        StringBuilder cases = new StringBuilder();
        Set<Class<?>> seen = new HashSet<>();
        for (var entry : modelClasses.entrySet()) {
            Class<?> c = entry.getValue();
            if (seen.add(c)) {
                String name = entry.getKey();
                cases.append("            case \"").append(c.getName()).append("\" -> ").append(decoderClasses.get(name))
                        .append("::decode").append(name.substring(name.lastIndexOf('.') + 1)).append(";\n");
            }
        }
        return "package " + OUT_PACKAGE + ";\n\n"
                + "import java.util.function.Function;\n\n"
                + "/**\n * Finds the generated protobuf decoder of a fabric8 model class. Generated by ProtobufDecoderGenerator;\n"
                + " * do not edit.\n */\n"
                + "@javax.annotation.processing.Generated(\"dev.kubeclient.codegen.ProtobufDecoderGenerator\")\n"
                + "public final class ProtobufDecoders {\n\n"
                + "    private ProtobufDecoders() {\n    }\n\n"
                + "    /** The decoder of {@code type}'s protobuf message, or {@code null} when it has none (custom resources). */\n"
                + "    public static Function<ProtoReader, ?> forClass(Class<?> type) {\n"
                + "        return switch (type.getName()) {\n"
                + cases
                + "            default -> null;\n"
                + "        };\n"
                + "    }\n}\n";
    }
}
