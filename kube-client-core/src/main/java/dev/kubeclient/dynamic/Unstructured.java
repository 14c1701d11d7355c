package dev.kubeclient.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.kubeclient.apply.ManagedFields;
import dev.kubeclient.scheme.GroupVersionKind;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.OwnerReference;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Any Kubernetes object as a map of JSON values (client-go's {@code unstructured.Unstructured}): what the
 * {@link DynamicClient} reads and writes when no Java type is known, for example custom resources.
 *
 * <p>Helpers read and write the common fields ({@code apiVersion}, {@code kind}, {@code metadata.*}) and any nested
 * field by path: {@code nestedString("spec", "template", "spec", "serviceAccountName")}. Reading a missing field gives
 * an empty {@link Optional} (or {@code null} for the metadata getters); reading a field of another type throws
 * {@link UnstructuredFieldException}. Numbers are held as {@link Long} or {@link Double}.
 *
 * <p>Unlike most values in this library an {@code Unstructured} is mutable, as client-go's is: setters change it
 * in place and return it for chaining. It is not thread-safe; share a {@link #deepCopy()}. {@link #toString()}
 * shows only apiVersion, kind, namespace and name, never the content, which may be a Secret's.
 */
public final class Unstructured {

    private final Map<String, Object> content;

    /** An empty object; set at least apiVersion, kind and name before sending it. */
    public Unstructured() {
        this.content = new LinkedHashMap<>();
    }

    private Unstructured(Map<String, Object> normalised) {
        this.content = normalised;
    }

    /**
     * An object holding a deep copy of this content.
     *
     * @throws IllegalArgumentException when a value has no JSON form
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Unstructured of(Map<String, ?> content) {
        Objects.requireNonNull(content, "content");
        return new Unstructured(JsonValues.copyMap(content, ""));
    }

    /**
     * Parses a JSON object.
     *
     * @throws dev.kubeclient.errors.KubeClientException when the text is not a JSON object
     */
    public static Unstructured fromJson(String json) {
        Objects.requireNonNull(json, "json");
        return fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a UTF-8 JSON object.
     *
     * @throws dev.kubeclient.errors.KubeClientException when the bytes are not a JSON object
     */
    public static Unstructured fromJson(byte[] json) {
        Objects.requireNonNull(json, "json");
        return of(UnstructuredJson.readMap(json, "unstructured object"));
    }

    /**
     * Converts a typed object (a fabric8 model such as {@code ConfigMap}) through its JSON form; properties that
     * were never set (null) are left out.
     */
    public static Unstructured fromObject(Object typed) {
        Objects.requireNonNull(typed, "typed object");
        if (typed instanceof Unstructured u) {
            return u.deepCopy();
        }
        return of(UnstructuredJson.toMap(typed));
    }

    /**
     * Converts this object to a typed one through its JSON form (unknown fields ignored).
     *
     * @throws UnstructuredFieldException when the content does not fit the type
     */
    public <T> T toObject(Class<T> type) {
        return UnstructuredJson.fromMap(content, type, describe());
    }

    /** This object as compact JSON. */
    public String toJson() {
        return new String(toJsonBytes(), StandardCharsets.UTF_8);
    }

    /** This object as compact UTF-8 JSON. */
    public byte[] toJsonBytes() {
        return UnstructuredJson.write(content);
    }

    /** A deep copy of the whole content, free to change without affecting this object. */
    public Map<String, Object> toMap() {
        return JsonValues.copyMap(content, "");
    }

    /** The live content, for serialisation and for copies made inside this package. */
    @JsonValue
    Map<String, Object> content() {
        return content;
    }

    /**
     * A new object holding only the fields {@code fieldManager} owns through server-side apply, plus apiVersion,
     * kind, name and namespace: what to change and apply again as that manager without claiming other managers'
     * fields (client-go's {@code ExtractX}). See {@link dev.kubeclient.apply.ManagedFields#extract(Map, String)}.
     *
     * @throws IllegalArgumentException when the manager is blank or a {@code fieldsV1} is malformed
     */
    public Unstructured extract(String fieldManager) {
        return new Unstructured(ManagedFields.extract(content, fieldManager));
    }

    /** A deep copy (client-go's {@code DeepCopy}). */
    public Unstructured deepCopy() {
        return new Unstructured(JsonValues.copyMap(content, ""));
    }

    // ---- type and identity -----------------------------------------------------------------------------------

    /** The {@code apiVersion} ({@code apps/v1}), or {@code null}. */
    public String apiVersion() {
        return stringAt("apiVersion");
    }

    /** Sets the {@code apiVersion}. */
    public Unstructured setApiVersion(String apiVersion) {
        return setOrRemove(apiVersion, "apiVersion");
    }

    /** The {@code kind} ({@code Deployment}), or {@code null}. */
    public String kind() {
        return stringAt("kind");
    }

    /** Sets the {@code kind}. */
    public Unstructured setKind(String kind) {
        return setOrRemove(kind, "kind");
    }

    /**
     * The group, version and kind from {@code apiVersion} and {@code kind}.
     *
     * @throws UnstructuredFieldException when either is missing or malformed
     */
    public GroupVersionKind groupVersionKind() {
        String apiVersion = apiVersion();
        String kind = kind();
        if (apiVersion == null || kind == null) {
            throw new UnstructuredFieldException(describe() + " has no " + (apiVersion == null ? "apiVersion" : "kind")
                    + "; both are needed to know its type");
        }
        try {
            return GroupVersionKind.of(apiVersion, kind);
        } catch (IllegalArgumentException e) {
            throw new UnstructuredFieldException(describe() + ": " + e.getMessage());
        }
    }

    /** Sets {@code apiVersion} and {@code kind}. */
    public Unstructured setGroupVersionKind(GroupVersionKind gvk) {
        Objects.requireNonNull(gvk, "gvk");
        return setApiVersion(gvk.apiVersion()).setKind(gvk.kind());
    }

    // ---- metadata ---------------------------------------------------------------------------------------------

    /** {@code metadata.name}, or {@code null}. */
    public String name() {
        return stringAt("metadata", "name");
    }

    /** Sets {@code metadata.name}; {@code null} removes it. */
    public Unstructured setName(String name) {
        return setOrRemove(name, "metadata", "name");
    }

    /** {@code metadata.generateName}, or {@code null}. */
    public String generateName() {
        return stringAt("metadata", "generateName");
    }

    /** Sets {@code metadata.generateName}; {@code null} removes it. */
    public Unstructured setGenerateName(String prefix) {
        return setOrRemove(prefix, "metadata", "generateName");
    }

    /** {@code metadata.namespace}, or {@code null} (cluster-scoped, or not set yet). */
    public String namespace() {
        return stringAt("metadata", "namespace");
    }

    /** Sets {@code metadata.namespace}; {@code null} removes it. */
    public Unstructured setNamespace(String namespace) {
        return setOrRemove(namespace, "metadata", "namespace");
    }

    /** {@code metadata.uid}, or {@code null}. */
    public String uid() {
        return stringAt("metadata", "uid");
    }

    /** {@code metadata.resourceVersion}, or {@code null}. */
    public String resourceVersion() {
        return stringAt("metadata", "resourceVersion");
    }

    /** Sets {@code metadata.resourceVersion} (optimistic concurrency on update); {@code null} removes it. */
    public Unstructured setResourceVersion(String resourceVersion) {
        return setOrRemove(resourceVersion, "metadata", "resourceVersion");
    }

    /** {@code metadata.generation}, or 0 when not set. */
    public long generation() {
        return nestedLong("metadata", "generation").orElse(0);
    }

    /** {@code metadata.creationTimestamp} as the server wrote it (RFC 3339), or {@code null}. */
    public String creationTimestamp() {
        return stringAt("metadata", "creationTimestamp");
    }

    /** {@code metadata.deletionTimestamp}, or {@code null} when the object is not being deleted. */
    public String deletionTimestamp() {
        return stringAt("metadata", "deletionTimestamp");
    }

    /** A copy of {@code metadata.labels}; empty when there are none. */
    public Map<String, String> labels() {
        return nestedStringMap("metadata", "labels").orElse(Map.of());
    }

    /** Replaces {@code metadata.labels}; an empty map removes them. */
    public Unstructured setLabels(Map<String, String> labels) {
        return setOrRemove(labels == null || labels.isEmpty() ? null : labels, "metadata", "labels");
    }

    /** A copy of {@code metadata.annotations}; empty when there are none. */
    public Map<String, String> annotations() {
        return nestedStringMap("metadata", "annotations").orElse(Map.of());
    }

    /** Replaces {@code metadata.annotations}; an empty map removes them. */
    public Unstructured setAnnotations(Map<String, String> annotations) {
        return setOrRemove(annotations == null || annotations.isEmpty() ? null : annotations, "metadata", "annotations");
    }

    /** A copy of {@code metadata.finalizers}; empty when there are none. */
    public List<String> finalizers() {
        return nestedStringSlice("metadata", "finalizers").orElse(List.of());
    }

    /** Replaces {@code metadata.finalizers}; an empty list removes them. */
    public Unstructured setFinalizers(List<String> finalizers) {
        return setOrRemove(finalizers == null || finalizers.isEmpty() ? null : finalizers, "metadata", "finalizers");
    }

    /** {@code metadata.ownerReferences} as typed values; empty when there are none. */
    public List<OwnerReference> ownerReferences() {
        return typedList(OwnerReference.class, "metadata", "ownerReferences");
    }

    /** Replaces {@code metadata.ownerReferences}; an empty list removes them. */
    public Unstructured setOwnerReferences(List<OwnerReference> references) {
        return setTypedList(references, "metadata", "ownerReferences");
    }

    /** {@code metadata.managedFields} (server-side apply bookkeeping) as typed values; empty when there are none. */
    public List<ManagedFieldsEntry> managedFields() {
        return typedList(ManagedFieldsEntry.class, "metadata", "managedFields");
    }

    /**
     * Replaces {@code metadata.managedFields}; an empty list removes them. Clear them before sending an object that
     * was read from the server as an apply body: the server refuses an apply body that carries managed fields.
     */
    public Unstructured setManagedFields(List<ManagedFieldsEntry> entries) {
        return setTypedList(entries, "metadata", "managedFields");
    }

    // ---- nested fields ----------------------------------------------------------------------------------------

    /**
     * The value at a path, live (not copied): a {@link String}, {@link Boolean}, {@link Long}, {@link Double},
     * {@code Map<String, Object>}, {@code List<Object>} or {@code null}. Empty when a key on the way is missing.
     *
     * @throws UnstructuredFieldException when a step on the way is not an object
     */
    public Optional<Object> nestedField(String... path) {
        Map<String, Object> parent = parentOf(path, false);
        String last = path[path.length - 1];
        if (parent == null || !parent.containsKey(last)) {
            return Optional.empty();
        }
        return Optional.ofNullable(parent.get(last));
    }

    /** The string at a path; empty when missing. Throws {@link UnstructuredFieldException} for another type. */
    public Optional<String> nestedString(String... path) {
        return typed(String.class, "string", path);
    }

    /** The boolean at a path; empty when missing. Throws {@link UnstructuredFieldException} for another type. */
    public Optional<Boolean> nestedBoolean(String... path) {
        return typed(Boolean.class, "boolean", path);
    }

    /**
     * The integer at a path; empty when missing.
     *
     * @throws UnstructuredFieldException when the value is not an integral number that fits a long
     */
    public OptionalLong nestedLong(String... path) {
        Optional<Object> value = nestedField(path);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        if (value.get() instanceof Long l) {
            return OptionalLong.of(l);
        }
        throw mismatch(path, "integer", value.get());
    }

    /** The floating-point number (or integer) at a path; empty when missing. */
    public Optional<Double> nestedDouble(String... path) {
        Optional<Object> value = nestedField(path);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        throw mismatch(path, "number", value.get());
    }

    /** A deep copy of the object at a path; empty when missing. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> nestedMap(String... path) {
        return typed(Map.class, "object", path).map(m -> JsonValues.copyMap(m, String.join(".", path)));
    }

    /** A deep copy of the array at a path; empty when missing. */
    @SuppressWarnings("unchecked")
    public Optional<List<Object>> nestedSlice(String... path) {
        return typed(List.class, "array", path).map(l -> (List<Object>) JsonValues.copy(l, String.join(".", path)));
    }

    /** The array of strings at a path, copied; empty when missing. Throws when an element is not a string. */
    public Optional<List<String>> nestedStringSlice(String... path) {
        return nestedSlice(path).map(list -> {
            List<String> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String s)) {
                    throw mismatch(path, "array of strings (element " + i + ")", list.get(i));
                }
                out.add(s);
            }
            return List.copyOf(out);
        });
    }

    /** The object of string values at a path, copied; empty when missing. Throws when a value is not a string. */
    public Optional<Map<String, String>> nestedStringMap(String... path) {
        return nestedMap(path).map(map -> {
            Map<String, String> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(v instanceof String s)) {
                    throw mismatch(path, "object of strings (key '" + k + "')", v);
                }
                out.put(k, s);
            });
            return out;
        });
    }

    /**
     * Sets the value at a path (a deep copy of it), creating the objects on the way (client-go's
     * {@code SetNestedField}). {@code null} is stored as JSON null; use {@link #removeNested} to delete a field.
     *
     * @throws IllegalArgumentException      when the value has no JSON form or the path is empty
     * @throws UnstructuredFieldException when a step on the way exists and is not an object
     */
    public Unstructured setNested(Object value, String... path) {
        Object copy = JsonValues.copy(value, String.join(".", requirePath(path)));
        parentOf(path, true).put(path[path.length - 1], copy);
        return this;
    }

    /** Removes the field at a path if it is there (client-go's {@code RemoveNestedField}); missing steps are fine. */
    public Unstructured removeNested(String... path) {
        Map<String, Object> parent = parentOf(path, false);
        if (parent != null) {
            parent.remove(path[path.length - 1]);
        }
        return this;
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private String stringAt(String... path) {
        return nestedString(path).orElse(null);
    }

    private Unstructured setOrRemove(Object value, String... path) {
        return value == null ? removeNested(path) : setNested(value, path);
    }

    private <T> Optional<T> typed(Class<T> type, String typeName, String... path) {
        Optional<Object> value = nestedField(path);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!type.isInstance(value.get())) {
            throw mismatch(path, typeName, value.get());
        }
        return Optional.of(type.cast(value.get()));
    }

    private <T> List<T> typedList(Class<T> type, String... path) {
        Optional<List<Object>> list = nestedSlice(path);
        if (list.isEmpty()) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < list.get().size(); i++) {
            Object item = list.get().get(i);
            if (!(item instanceof Map<?, ?> map)) {
                throw mismatch(path, "array of objects (element " + i + ")", item);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) map;
            out.add(UnstructuredJson.fromMap(entry, type, String.join(".", path) + "[" + i + "] of " + describe()));
        }
        return List.copyOf(out);
    }

    private Unstructured setTypedList(List<?> values, String... path) {
        if (values == null || values.isEmpty()) {
            return removeNested(path);
        }
        List<Object> maps = new ArrayList<>();
        for (Object v : values) {
            maps.add(UnstructuredJson.toMap(Objects.requireNonNull(v, "list element")));
        }
        return setNested(maps, path);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parentOf(String[] path, boolean create) {
        requirePath(path);
        Map<String, Object> current = content;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = current.get(path[i]);
            if (next == null) {
                if (!create) {
                    return null;
                }
                next = new LinkedHashMap<String, Object>();
                current.put(path[i], next);
            } else if (!(next instanceof Map)) {
                throw mismatch(Arrays.copyOf(path, i + 1), "object", next);
            }
            current = (Map<String, Object>) next;
        }
        return current;
    }

    private static String[] requirePath(String[] path) {
        if (path == null || path.length == 0) {
            throw new IllegalArgumentException("field path is empty; name at least one key, such as \"spec\"");
        }
        for (String key : path) {
            if (key == null) {
                throw new IllegalArgumentException("field path " + Arrays.toString(path) + " contains null");
            }
        }
        return path;
    }

    private UnstructuredFieldException mismatch(String[] path, String expected, Object actual) {
        return new UnstructuredFieldException("field '" + String.join(".", path) + "' of " + describe()
                + " is " + JsonValues.typeName(actual) + ", expected " + expected);
    }

    private String describe() {
        Object kind = content.get("kind");
        Object metadata = content.get("metadata");
        Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
        Object namespace = metadata instanceof Map<?, ?> m ? m.get("namespace") : null;
        StringBuilder s = new StringBuilder(kind instanceof String k ? k : "object");
        if (name instanceof String n) {
            s.append(" '").append(namespace instanceof String ns ? ns + "/" : "").append(n).append('\'');
        }
        return s.toString();
    }

    /** Equal when the content is equal as JSON. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Unstructured other && content.equals(other.content);
    }

    @Override
    public int hashCode() {
        return content.hashCode();
    }

    /** apiVersion, kind, namespace and name only: the content may be a Secret's. */
    @Override
    public String toString() {
        Object apiVersion = content.get("apiVersion");
        Object kind = content.get("kind");
        Object metadata = content.get("metadata");
        Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
        Object namespace = metadata instanceof Map<?, ?> m ? m.get("namespace") : null;
        StringBuilder s = new StringBuilder("Unstructured[");
        s.append("apiVersion=").append(apiVersion instanceof String ? apiVersion : null);
        s.append(", kind=").append(kind instanceof String ? kind : null);
        if (namespace instanceof String) {
            s.append(", namespace=").append(namespace);
        }
        s.append(", name=").append(name instanceof String ? name : null);
        return s.append(']').toString();
    }
}
