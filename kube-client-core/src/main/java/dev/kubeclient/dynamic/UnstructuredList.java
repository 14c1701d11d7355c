package dev.kubeclient.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.kubeclient.errors.KubeClientException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One page of a list answer ({@code ConfigMapList}, {@code WidgetList}) without a Java type (client-go's
 * {@code UnstructuredList}): the items plus the list metadata needed to page ({@link #continueToken()}) and to watch
 * from where the list ended ({@link #resourceVersion()}).
 *
 * <p>The server leaves {@code apiVersion} and {@code kind} out of each item; they are filled in here from the list
 * ({@code ConfigMapList} gives {@code ConfigMap}), as client-go does. The list itself is immutable; its items are
 * {@link Unstructured} objects, which are not.
 */
public final class UnstructuredList implements Iterable<Unstructured> {

    private static final String LIST_SUFFIX = "List";

    private final String apiVersion;
    private final String kind;
    private final Map<String, Object> metadata;
    private final List<Unstructured> items;

    private UnstructuredList(String apiVersion, String kind, Map<String, Object> metadata, List<Unstructured> items) {
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.metadata = metadata;
        this.items = List.copyOf(items);
    }

    /**
     * A list from its JSON content.
     *
     * @throws KubeClientException when {@code items} or {@code metadata} has the wrong shape
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static UnstructuredList of(Map<String, ?> content) {
        Objects.requireNonNull(content, "content");
        Map<String, Object> copy = JsonValues.copyMap(content, "");
        String apiVersion = copy.get("apiVersion") instanceof String s ? s : null;
        String kind = copy.get("kind") instanceof String s ? s : null;
        Object metadata = copy.getOrDefault("metadata", Map.of());
        if (!(metadata instanceof Map<?, ?>)) {
            throw new KubeClientException("list " + kind + " has metadata of type " + JsonValues.typeName(metadata)
                    + ", expected an object");
        }
        Object rawItems = copy.get("items");
        List<Unstructured> items = new ArrayList<>();
        if (rawItems != null) {
            if (!(rawItems instanceof List<?> list)) {
                throw new KubeClientException("list " + kind + " has items of type " + JsonValues.typeName(rawItems)
                        + ", expected an array");
            }
            String itemKind = kind != null && kind.endsWith(LIST_SUFFIX) && kind.length() > LIST_SUFFIX.length()
                    ? kind.substring(0, kind.length() - LIST_SUFFIX.length()) : null;
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> map)) {
                    throw new KubeClientException("list " + kind + " item " + i + " is "
                            + JsonValues.typeName(list.get(i)) + ", expected an object");
                }
                Unstructured item = Unstructured.of(castMap(map));
                if (item.apiVersion() == null && apiVersion != null) {
                    item.setApiVersion(apiVersion);
                }
                if (item.kind() == null && itemKind != null) {
                    item.setKind(itemKind);
                }
                items.add(item);
            }
        }
        return new UnstructuredList(apiVersion, kind, castMap((Map<?, ?>) metadata), items);
    }

    /**
     * Parses a UTF-8 JSON list.
     *
     * @throws KubeClientException when the bytes are not a JSON object with the shape of a list
     */
    public static UnstructuredList fromJson(byte[] json) {
        return of(UnstructuredJson.readMap(json, "unstructured list"));
    }

    /** Parses a JSON list. */
    public static UnstructuredList fromJson(String json) {
        return fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The list's {@code apiVersion}, or {@code null}. */
    public String apiVersion() {
        return apiVersion;
    }

    /** The list's {@code kind} ({@code ConfigMapList}), or {@code null}. */
    public String kind() {
        return kind;
    }

    /** The items of this page, in server order. */
    public List<Unstructured> items() {
        return items;
    }

    /** {@code metadata.resourceVersion}: the version to start a watch from after this list; {@code null} if absent. */
    public String resourceVersion() {
        return metadata.get("resourceVersion") instanceof String s && !s.isEmpty() ? s : null;
    }

    /** {@code metadata.continue}: the token for the next page, or {@code null} on the last page. */
    public String continueToken() {
        return metadata.get("continue") instanceof String s && !s.isEmpty() ? s : null;
    }

    /** {@code metadata.remainingItemCount}, an estimate the server may give with a limit; empty if absent. */
    public OptionalLong remainingItemCount() {
        return metadata.get("remainingItemCount") instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
    }

    @Override
    public Iterator<Unstructured> iterator() {
        return items.iterator();
    }

    /** The list as JSON content, items included. */
    @JsonValue
    Map<String, Object> content() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (apiVersion != null) {
            out.put("apiVersion", apiVersion);
        }
        if (kind != null) {
            out.put("kind", kind);
        }
        out.put("metadata", metadata);
        out.put("items", items.stream().map(Unstructured::content).toList());
        return out;
    }

    /** This list as compact JSON. */
    public String toJson() {
        return new String(UnstructuredJson.write(content()), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "UnstructuredList[kind=" + kind + ", items=" + items.size()
                + (continueToken() != null ? ", more pages" : "") + "]";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
