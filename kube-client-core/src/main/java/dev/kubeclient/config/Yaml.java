package dev.kubeclient.config;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for turning parsed YAML into immutable plain Java values. */
final class Yaml {

    private Yaml() {
    }

    /** An unmodifiable copy that keeps insertion order and allows {@code null} values; empty for {@code null}. */
    static <V> Map<String, V> immutableMap(Map<String, ? extends V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * The node as plain, unmodifiable Java values: maps, lists, strings, numbers, booleans and {@code null}. Used for
     * extensions, which have no schema and are handed on as they are (for example to an exec plugin).
     */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.forEachEntry((key, value) -> map.put(key, plain(value)));
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.values().forEach(value -> list.add(plain(value)));
            return Collections.unmodifiableList(list);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return node.asString();
    }
}
