package dev.kubeclient.apply;

import dev.kubeclient.rest.KubeJson;
import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads {@code metadata.managedFields}: which fields a field manager owns, and the object cut down to them
 * (client-go's {@code ExtractX} functions, apimachinery's {@code managedfields.ExtractInto}).
 *
 * <p>{@link #extract(HasMetadata, String)} is the first step of the server-side apply reconcile loop "read mine,
 * change, apply": read the live object, extract what your manager applied, change it, apply it. Applying the whole
 * live object instead would claim every field in it, other managers' included, and then conflict with them (or, with
 * force, take them over).
 *
 * <p>Only entries of operation {@code Apply} count, as in client-go: fields a manager set by update or patch are not
 * part of what it applies. Stateless; thread-safe.
 */
public final class ManagedFields {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private ManagedFields() {
    }

    /**
     * The fields {@code fieldManager} owns through server-side apply of the main resource, as a {@code FieldSet}
     * (the union of its {@code Apply} entries; empty if it has none).
     *
     * @param object an object as JSON maps and lists (as read by the dynamic client)
     * @throws IllegalArgumentException when an entry's {@code fieldsV1} is malformed
     */
    public static FieldSet ownedBy(Map<String, ?> object, String fieldManager) {
        return ownedBy(object, fieldManager, "");
    }

    /**
     * The fields {@code fieldManager} owns through server-side apply of {@code subresource} ({@code ""} for the
     * main resource, {@code "status"} for the status subresource).
     */
    public static FieldSet ownedBy(Map<String, ?> object, String fieldManager, String subresource) {
        Objects.requireNonNull(object, "object");
        requireManager(fieldManager);
        Objects.requireNonNull(subresource, "subresource (\"\" for the main resource)");
        FieldSet owned = FieldSet.empty();
        Object metadata = object.get("metadata");
        if (!(metadata instanceof Map<?, ?> meta) || !(meta.get("managedFields") instanceof List<?> entries)) {
            return owned;
        }
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> entry)) {
                continue;
            }
            Object entrySubresource = entry.get("subresource");
            if (fieldManager.equals(entry.get("manager")) && "Apply".equals(entry.get("operation"))
                    && subresource.equals(entrySubresource == null ? "" : entrySubresource)
                    && entry.get("fieldsV1") != null) {
                owned = owned.union(FieldSet.parse(entry.get("fieldsV1")));
            }
        }
        return owned;
    }

    /**
     * A new object holding only the fields {@code fieldManager} owns through server-side apply of the main resource,
     * plus {@code apiVersion}, {@code kind}, {@code metadata.name} and {@code metadata.namespace}: ready to change and
     * apply as that manager without claiming anyone else's fields. Items of keyed lists keep their key fields
     * ({@code name} of a container) so the apply can address them. {@code metadata.managedFields} and
     * {@code resourceVersion} are not carried over (unless the manager applied them, which it cannot).
     *
     * @param object an object as JSON maps and lists; not changed
     * @throws IllegalArgumentException when the object lacks metadata or a {@code fieldsV1} is malformed
     */
    public static Map<String, Object> extract(Map<String, ?> object, String fieldManager) {
        return extract(object, fieldManager, "");
    }

    /**
     * Like {@link #extract(Map, String)} for what the manager applied to {@code subresource} ({@code "status"}:
     * client-go's {@code ExtractXStatus}).
     */
    public static Map<String, Object> extract(Map<String, ?> object, String fieldManager, String subresource) {
        FieldSet owned = ownedBy(object, fieldManager, subresource);
        // At the root an empty set means "owns nothing"; below it, an empty set is a leaf owned as a whole.
        Object extracted = owned.isEmpty() ? null : cut(object, owned);
        Map<String, Object> result = new LinkedHashMap<>();
        putIfPresent(result, "apiVersion", object.get("apiVersion"));
        putIfPresent(result, "kind", object.get("kind"));
        if (extracted instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (result.get("metadata") instanceof Map<?, ?> ownedMeta) {
            ownedMeta.forEach((k, v) -> metadata.put(String.valueOf(k), v));
        }
        if (!(object.get("metadata") instanceof Map<?, ?> liveMeta)) {
            throw new IllegalArgumentException("cannot extract the fields of '" + fieldManager
                    + "' from an object without metadata");
        }
        putIfPresent(metadata, "name", liveMeta.get("name"));
        putIfPresent(metadata, "namespace", liveMeta.get("namespace"));
        result.put("metadata", metadata);
        return result;
    }

    /**
     * A new object of the same class holding only the fields {@code fieldManager} owns through server-side apply (see
     * {@link #extract(Map, String)}): "read mine, change, apply" for typed objects.
     *
     * @throws IllegalArgumentException when a {@code fieldsV1} is malformed
     */
    public static <T extends HasMetadata> T extract(T object, String fieldManager) {
        return extract(object, fieldManager, "");
    }

    /** Like {@link #extract(HasMetadata, String)} for what the manager applied to {@code subresource}. */
    @SuppressWarnings("unchecked")
    public static <T extends HasMetadata> T extract(T object, String fieldManager, String subresource) {
        Objects.requireNonNull(object, "object");
        requireManager(fieldManager);
        try {
            Map<String, Object> tree = KubeJson.defaults().mapper().convertValue(object, MAP);
            Map<String, Object> extracted = extract(tree, fieldManager, subresource);
            return (T) KubeJson.defaults().mapper().convertValue(extracted, object.getClass());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot convert " + object.getClass().getSimpleName()
                    + " to and from JSON for extract: " + e.getOriginalMessage(), e);
        }
    }

    /** The part of {@code value} that {@code set} names; {@code null} when it names nothing there. */
    private static Object cut(Object value, FieldSet set) {
        if (set.isEmpty()) {
            return copy(value);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            set.children().forEach((element, childSet) -> {
                if (element instanceof FieldSet.PathElement.Field field && map.containsKey(field.name())) {
                    Object child = cut(map.get(field.name()), childSet);
                    if (child != null) {
                        out.put(field.name(), child);
                    }
                }
            });
            return out.isEmpty() && !set.self() ? null : out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                for (Map.Entry<FieldSet.PathElement, FieldSet> child : set.children().entrySet()) {
                    Object kept = cutItem(item, i, child.getKey(), child.getValue());
                    if (kept != null) {
                        out.add(kept);
                        break;
                    }
                }
            }
            return out.isEmpty() && !set.self() ? null : out;
        }
        // A scalar with a non-empty set: the set describes structure the value does not have; keep the value.
        return copy(value);
    }

    private static Object cutItem(Object item, int index, FieldSet.PathElement element, FieldSet set) {
        if (element instanceof FieldSet.PathElement.Key key && key.matches(item)) {
            Object kept = cut(item, set);
            Map<String, Object> out = new LinkedHashMap<>();
            // The key fields identify the item in the apply, owned or not (client-go appends them too).
            key.fields().forEach((k, v) -> out.put(k, copy(((Map<?, ?>) item).get(k))));
            if (kept instanceof Map<?, ?> map) {
                map.forEach((k, v) -> out.put(String.valueOf(k), v));
            }
            return out;
        }
        if (element instanceof FieldSet.PathElement.Value v && v.matches(item)) {
            return copy(item);
        }
        if (element instanceof FieldSet.PathElement.Index i && i.index() == index) {
            Object kept = cut(item, set);
            return kept == null ? copy(item) : kept;
        }
        return null;
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void requireManager(String fieldManager) {
        if (fieldManager == null || fieldManager.isBlank()) {
            throw new IllegalArgumentException("fieldManager is blank; pass the manager whose fields to extract");
        }
    }
}
