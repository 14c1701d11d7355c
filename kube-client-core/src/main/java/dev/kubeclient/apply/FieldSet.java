package dev.kubeclient.apply;

import dev.kubeclient.rest.KubeJson;
import tools.jackson.core.JacksonException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A set of field paths in the {@code FieldsV1} format of {@code metadata.managedFields[].fieldsV1}: a JSON object
 * whose keys name children and whose values are the children's own sets ({@code {}} for a leaf).
 *
 * <ul>
 *   <li>{@code f:<name>}: the field {@code name} of an object;</li>
 *   <li>{@code k:<json object>}: the item of a list of objects whose key fields (the list's merge keys) have these
 *       values, for example {@code k:{"name":"app"}} or {@code k:{"containerPort":80,"protocol":"TCP"}};</li>
 *   <li>{@code v:<json value>}: the item of a set-like list with this value, for example {@code v:"finalizer.x"};</li>
 *   <li>{@code i:<index>}: the item at this position of a list without keys;</li>
 *   <li>{@code .}: the node itself (its existence), not only some of its children.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class FieldSet {

    private static final FieldSet EMPTY = new FieldSet(false, Map.of());

    private final boolean self;
    private final Map<PathElement, FieldSet> children;

    private FieldSet(boolean self, Map<PathElement, FieldSet> children) {
        this.self = self;
        this.children = children;
    }

    /** One step of a path: a field, a keyed list item, a set value or a list index. */
    public sealed interface PathElement {

        /** {@code f:name}. */
        record Field(String name) implements PathElement {
            @Override
            public String toString() {
                return "." + name;
            }
        }

        /** {@code k:{...}}: the list item whose key fields have these values. */
        record Key(Map<String, Object> fields) implements PathElement {
            /** Copies the key fields. */
            public Key {
                fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            }

            /** Whether this list item has exactly these key values (numbers compare by value). */
            public boolean matches(Object item) {
                if (!(item instanceof Map<?, ?> map)) {
                    return false;
                }
                for (Map.Entry<String, Object> key : fields.entrySet()) {
                    if (!map.containsKey(key.getKey()) || !jsonEquals(map.get(key.getKey()), key.getValue())) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public String toString() {
                StringBuilder s = new StringBuilder("[");
                fields.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append(k).append('=').append(render(v)));
                return s.append(']').toString();
            }
        }

        /** {@code v:value}: the set item with this value. */
        record Value(Object value) implements PathElement {
            /** Whether this list item equals the value (numbers compare by value). */
            public boolean matches(Object item) {
                return jsonEquals(item, value);
            }

            @Override
            public String toString() {
                return "[=" + render(value) + "]";
            }
        }

        /** {@code i:n}: the list item at this index. */
        record Index(int index) implements PathElement {
            @Override
            public String toString() {
                return "[" + index + "]";
            }
        }
    }

    /** The empty set. */
    public static FieldSet empty() {
        return EMPTY;
    }

    /**
     * Reads a {@code fieldsV1} value given as JSON text.
     *
     * @throws IllegalArgumentException when the text is not JSON or not a FieldsV1 set, naming the offending key
     */
    public static FieldSet parse(String fieldsV1Json) {
        Objects.requireNonNull(fieldsV1Json, "fieldsV1Json");
        Object tree;
        try {
            tree = KubeJson.defaults().mapper().readValue(fieldsV1Json, Object.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("fieldsV1 is not JSON: " + e.getOriginalMessage(), e);
        }
        return parse(tree);
    }

    /**
     * Reads a {@code fieldsV1} value given as a parsed JSON tree (a {@code Map} with {@code String} keys).
     *
     * @throws IllegalArgumentException when it is not a FieldsV1 set, naming the offending key and its path
     */
    public static FieldSet parse(Object fieldsV1) {
        return parse(fieldsV1, "");
    }

    private static FieldSet parse(Object node, String path) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("fieldsV1" + (path.isEmpty() ? "" : " at " + path)
                    + " must be a JSON object, found " + (node == null ? "null" : render(node)));
        }
        boolean self = false;
        Map<PathElement, FieldSet> children = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (key.equals(".")) {
                self = true;
                continue;
            }
            PathElement element = element(key, path);
            children.put(element, parse(entry.getValue(), path + element));
        }
        if (!self && children.isEmpty()) {
            return EMPTY;
        }
        return new FieldSet(self, Collections.unmodifiableMap(children));
    }

    private static PathElement element(String key, String path) {
        if (key.length() < 2 || key.charAt(1) != ':') {
            throw new IllegalArgumentException("fieldsV1 key '" + key + "'" + (path.isEmpty() ? "" : " at " + path)
                    + " has no known prefix; expected f:, k:, v:, i: or '.'");
        }
        String rest = key.substring(2);
        switch (key.charAt(0)) {
            case 'f' -> {
                return new PathElement.Field(rest);
            }
            case 'k' -> {
                Object fields = readJson(rest, key, path);
                if (!(fields instanceof Map<?, ?> m) || m.isEmpty()) {
                    throw new IllegalArgumentException("fieldsV1 key '" + key + "'" + (path.isEmpty() ? "" : " at " + path)
                            + " must hold a non-empty JSON object of key fields");
                }
                Map<String, Object> typed = new LinkedHashMap<>();
                m.forEach((k, v) -> typed.put(String.valueOf(k), v));
                return new PathElement.Key(typed);
            }
            case 'v' -> {
                return new PathElement.Value(readJson(rest, key, path));
            }
            case 'i' -> {
                try {
                    return new PathElement.Index(Integer.parseInt(rest));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("fieldsV1 key '" + key + "'" + (path.isEmpty() ? "" : " at " + path)
                            + " must hold a list index", e);
                }
            }
            default -> throw new IllegalArgumentException("fieldsV1 key '" + key + "'" + (path.isEmpty() ? "" : " at " + path)
                    + " has an unknown prefix '" + key.charAt(0) + ":'; expected f:, k:, v:, i: or '.'");
        }
    }

    private static Object readJson(String json, String key, String path) {
        try {
            return KubeJson.defaults().mapper().readValue(json, Object.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("fieldsV1 key '" + key + "'" + (path.isEmpty() ? "" : " at " + path)
                    + " does not hold valid JSON after its prefix: " + e.getOriginalMessage(), e);
        }
    }

    /** Whether the set names the node itself ({@code "."}), not only its children. */
    public boolean self() {
        return self;
    }

    /** Whether the set is empty: a leaf, owned as a whole. */
    public boolean isEmpty() {
        return !self && children.isEmpty();
    }

    /** The children, in the order of the {@code fieldsV1} document. */
    public Map<PathElement, FieldSet> children() {
        return children;
    }

    /** The set under one child, or the empty set. */
    public FieldSet child(PathElement element) {
        return children.getOrDefault(element, EMPTY);
    }

    /** The union of two sets (a manager with entries for several API versions). */
    public FieldSet union(FieldSet other) {
        if (other.isEmpty() && !other.self) {
            return this;
        }
        Map<PathElement, FieldSet> merged = new LinkedHashMap<>(children);
        other.children.forEach((k, v) -> merged.merge(k, v, FieldSet::union));
        return new FieldSet(self || other.self, Collections.unmodifiableMap(merged));
    }

    /**
     * Every path the set names, one per leaf or {@code "."} node, in document order and readable:
     * {@code .spec.template.spec.containers[name=app].image}, {@code .metadata.finalizers[="x"]}.
     */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, List<String> out) {
        if (self || (children.isEmpty() && !prefix.isEmpty())) {
            out.add(prefix);
        }
        children.forEach((element, set) -> set.collect(prefix + element, out));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSet other && self == other.self && children.equals(other.children);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(self) * 31 + children.hashCode();
    }

    @Override
    public String toString() {
        return "FieldSet" + paths();
    }

    /** JSON equality: numbers compare by value (80 equals 80L and 80.0), maps and lists element-wise. */
    static boolean jsonEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !jsonEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!jsonEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static String render(Object value) {
        return new String(KubeJson.defaults().write(value), java.nio.charset.StandardCharsets.UTF_8);
    }
}
