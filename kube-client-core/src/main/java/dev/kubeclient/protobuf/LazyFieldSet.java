package dev.kubeclient.protobuf;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The map of a {@code FieldsV1} read from protobuf: it keeps the field set's JSON bytes and builds the map
 * ({@link java.util.LinkedHashMap}s of field paths, as Jackson reads them) on first use of any method, the way
 * client-go keeps {@code FieldsV1} as raw bytes. Most readers never look at managed fields, which are about half of a
 * typical object. The {@code FieldsV1} holding it is the model's own class, so {@code equals}, {@code hashCode},
 * {@code toString}, builders, Jackson and field-by-field comparisons see the same object as one read from JSON.
 * Safe to read from several threads (one map is built, whichever reads first); mutations are those of the built map.
 */
final class LazyFieldSet implements Map<String, Object>, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The field set's JSON until the map is built, then {@code null}. */
    private byte[] json;
    private volatile Map<String, Object> map;

    LazyFieldSet(byte[] json) {
        this.json = json;
    }

    private Map<String, Object> map() {
        Map<String, Object> built = map;
        return built != null ? built : build();
    }

    private synchronized Map<String, Object> build() {
        if (map == null) {
            map = ProtoTypes.fieldSet(json);
            json = null;
        }
        return map;
    }

    @Serial
    private Object writeReplace() {
        return new java.util.LinkedHashMap<>(map());
    }

    @Override
    public int size() {
        return map().size();
    }

    @Override
    public boolean isEmpty() {
        return map().isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return map().containsValue(value);
    }

    @Override
    public Object get(Object key) {
        return map().get(key);
    }

    @Override
    public Object put(String key, Object value) {
        return map().put(key, value);
    }

    @Override
    public Object remove(Object key) {
        return map().remove(key);
    }

    @Override
    public void putAll(Map<? extends String, ?> entries) {
        map().putAll(entries);
    }

    @Override
    public void clear() {
        map().clear();
    }

    @Override
    public Set<String> keySet() {
        return map().keySet();
    }

    @Override
    public Collection<Object> values() {
        return map().values();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return map().entrySet();
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        return map().getOrDefault(key, defaultValue);
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        map().forEach(action);
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
        map().replaceAll(function);
    }

    @Override
    public Object putIfAbsent(String key, Object value) {
        return map().putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return map().remove(key, value);
    }

    @Override
    public boolean replace(String key, Object oldValue, Object newValue) {
        return map().replace(key, oldValue, newValue);
    }

    @Override
    public Object replace(String key, Object value) {
        return map().replace(key, value);
    }

    @Override
    public Object computeIfAbsent(String key, Function<? super String, ?> mappingFunction) {
        return map().computeIfAbsent(key, mappingFunction);
    }

    @Override
    public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
        return map().computeIfPresent(key, remappingFunction);
    }

    @Override
    public Object compute(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
        return map().compute(key, remappingFunction);
    }

    @Override
    public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> remappingFunction) {
        return map().merge(key, value, remappingFunction);
    }

    @Override
    public boolean equals(Object other) {
        return other == this || map().equals(other);
    }

    @Override
    public int hashCode() {
        return map().hashCode();
    }

    @Override
    public String toString() {
        return map().toString();
    }
}
