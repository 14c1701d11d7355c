package dev.kubeclient.testing.server.patch;

import dev.kubeclient.scheme.GroupVersionKind;
import dev.kubeclient.scheme.Scheme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the patch engines know about the built-in Kubernetes types: for each kind its structure, and for each list
 * its patch strategy and merge key (strategic merge) and its list type and keys (server-side apply).
 *
 * <p>The facts come from a kube-apiserver's OpenAPI document ({@code x-kubernetes-patch-strategy},
 * {@code x-kubernetes-patch-merge-key}, {@code x-kubernetes-list-type}, {@code x-kubernetes-list-map-keys},
 * {@code x-kubernetes-map-type}), extracted into the resource {@code builtin-schema.txt} by
 * {@code src/test/resources/patch-fixtures/gen-schema.py}. The table is the v1.20 API; a kind of a built-in group
 * that the table lacks in the asked version (batch/v1 CronJob) uses the same kind of another version of its group,
 * and a built-in kind the table lacks entirely (known to the fabric8 model only) is still built-in, with every list
 * replaced as a whole.
 */
public final class BuiltInSchema {

    private static final String RESOURCE = "builtin-schema.txt";
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private final Map<GroupVersionKind, String> roots;
    private final Map<String, TypeDef> types;
    private final Supplier<Scheme> scheme;

    private BuiltInSchema(Map<GroupVersionKind, String> roots, Map<String, TypeDef> types, Supplier<Scheme> scheme) {
        this.roots = roots;
        this.types = types;
        this.scheme = scheme;
    }

    /** The schema of the built-in types, read once from the class path. */
    public static BuiltInSchema kubernetes() {
        return Holder.INSTANCE;
    }

    /**
     * Whether {@code apiVersion}/{@code kind} is a built-in type (which strategic merge patch supports) rather than
     * a custom resource (which the real server answers 415 for).
     */
    public boolean isBuiltIn(String apiVersion, String kind) {
        GroupVersionKind gvk = GroupVersionKind.of(apiVersion, kind);
        if (rootName(gvk).isPresent()) {
            return true;
        }
        // kinds newer than the table can only be in the reserved Kubernetes groups; only then is the (slow to load)
        // fabric8 model asked, so a custom resource of another group is answered at once
        boolean reservedGroup = gvk.group().isEmpty() || gvk.group().endsWith(".k8s.io")
                || gvk.group().endsWith(".kubernetes.io");
        return reservedGroup && scheme.get().classOf(gvk).isPresent();
    }

    /** The structure of a kind, or empty when the table does not know it (custom resources). */
    Optional<TypeDef> root(String apiVersion, String kind) {
        return rootName(GroupVersionKind.of(apiVersion, kind)).map(types::get);
    }

    /** How server-side apply sees objects of a kind: typed for built-ins, schemaless with typed metadata else. */
    TypedTree.Type applyType(String apiVersion, String kind) {
        return root(apiVersion, kind).map(TypedTree.Type::root)
                .orElseGet(() -> TypedTree.Type.schemaless(types.get(OBJECT_META)));
    }

    private Optional<String> rootName(GroupVersionKind gvk) {
        String exact = roots.get(gvk);
        if (exact != null) {
            return Optional.of(exact);
        }
        return roots.entrySet().stream()
                .filter(e -> e.getKey().group().equals(gvk.group()) && e.getKey().kind().equals(gvk.kind()))
                .map(Map.Entry::getValue)
                .sorted()
                .reduce((first, second) -> second);
    }

    /** A struct type: its non-scalar fields. Fields it does not list are scalars (or unknown: replaced). */
    static final class TypeDef {
        private final String name;
        private final boolean atomic;
        private final Map<String, FieldDef> fields = new LinkedHashMap<>();

        TypeDef(String name, boolean atomic) {
            this.name = name;
            this.atomic = atomic;
        }

        String name() {
            return name;
        }

        /** Whether the struct is replaced as a whole by apply ({@code x-kubernetes-map-type: atomic}). */
        boolean atomic() {
            return atomic;
        }

        /** The field's facts, or null for a scalar or unknown field. */
        FieldDef field(String fieldName) {
            return fields.get(fieldName);
        }
    }

    /** The value shape of a field. */
    enum Shape { OBJECT, LIST, MAP, SCALAR }

    /**
     * One field of a struct.
     *
     * @param shape         struct, list, map (string keys) or scalar
     * @param element       the struct type of the field (OBJECT) or of its items/values (LIST, MAP); null: scalar
     * @param patchStrategy strategic merge strategy: "merge", "retainKeys", "merge,retainKeys" or null (replace)
     * @param mergeKey      strategic merge key of a list of structs, or null
     * @param listType      server-side apply list type: "atomic", "set", "map" or null (derived from the strategy)
     * @param mapKeys       server-side apply keys of a "map" list, empty otherwise
     * @param required      whether the OpenAPI marks the field required (in Go: serialized even when empty)
     */
    record FieldDef(Shape shape, TypeDef element, String patchStrategy, String mergeKey, String listType,
                    List<String> mapKeys, boolean required) {

        boolean mergesList() {
            return patchStrategy != null && patchStrategy.contains("merge");
        }

        /**
         * The apply list type, as the apiserver derives it from the OpenAPI: an explicit list type wins; a
         * "merge" list of structs with a merge key is a map keyed by it; a "merge" list of scalars is a set; any
         * other list is atomic.
         */
        String applyListType() {
            if (listType != null) {
                return listType;
            }
            if (mergesList()) {
                return element != null && mergeKey != null ? "map" : element == null ? "set" : "atomic";
            }
            return "atomic";
        }

        /** The keys of an apply "map" list. */
        List<String> applyKeys() {
            if (!mapKeys.isEmpty()) {
                return mapKeys;
            }
            return mergeKey == null ? List.of() : List.of(mergeKey);
        }
    }

    private static BuiltInSchema load() {
        Map<GroupVersionKind, String> roots = new HashMap<>();
        Map<String, TypeDef> types = new HashMap<>();
        Map<String, List<String[]>> pending = new LinkedHashMap<>();
        try (InputStream in = BuiltInSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + BuiltInSchema.class.getName()
                        + " on the class path; the kube-client-test jar is incomplete");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            List<String[]> current = null;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                switch (parts[0]) {
                    case "K" -> roots.put(new GroupVersionKind("-".equals(parts[1]) ? "" : parts[1], parts[2],
                            parts[3]), parts[4]);
                    case "T" -> {
                        types.put(parts[1], new TypeDef(parts[1], parts.length > 2 && "atomic".equals(parts[2])));
                        current = new ArrayList<>();
                        pending.put(parts[1], current);
                    }
                    case "F" -> current.add(parts);
                    default -> throw new IllegalStateException("unexpected line in " + RESOURCE + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        pending.forEach((typeName, fields) -> {
            TypeDef type = types.get(typeName);
            for (String[] f : fields) {
                type.fields.put(f[1], new FieldDef(Shape.valueOf(shapeName(f[2])), types.get(f[3]), dash(f[4]),
                        dash(f[5]), dash(f[6]), "-".equals(f[7]) ? List.of() : Arrays.asList(f[7].split(",")),
                        "required".equals(f[8])));
            }
        });
        return new BuiltInSchema(Map.copyOf(roots), Map.copyOf(types), () -> BuiltInKinds.SCHEME);
    }

    private static String shapeName(String shape) {
        return switch (shape) {
            case "obj" -> "OBJECT";
            case "list" -> "LIST";
            case "map" -> "MAP";
            default -> "SCALAR";
        };
    }

    private static String dash(String value) {
        return "-".equals(value) ? null : value;
    }

    private static final class Holder {
        static final BuiltInSchema INSTANCE = load();
    }

    /** The fabric8 model's kinds, loaded (slowly: every model class) only for kinds the table lacks. */
    private static final class BuiltInKinds {
        static final Scheme SCHEME = Scheme.withBuiltIns();
    }
}
