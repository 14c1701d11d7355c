package dev.kubeclient.dynamic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of JSON-shaped values (maps with string keys, lists, strings, booleans, numbers, null), normalised
 * so that equal JSON gives equal Java values: every integral number that fits becomes a {@link Long}, every
 * floating-point one a {@link Double} (the types client-go's unstructured helpers use: int64 and float64).
 */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * A deep, normalised copy.
     *
     * @param where the field path, for the message when the value is not JSON-shaped
     * @throws IllegalArgumentException for a value that has no JSON form (a POJO, a map with non-string keys)
     */
    static Object copy(Object value, String where) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Unstructured u) {
            return copyMap(u.content(), where);
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map, where);
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            int i = 0;
            for (Object item : list) {
                out.add(copy(item, where + "[" + i++ + "]"));
            }
            return out;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (value instanceof BigDecimal dec) {
            return dec;
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        throw new IllegalArgumentException("value at '" + where + "' is a " + value.getClass().getName()
                + ", which has no JSON form here; use a String, Boolean, Number, Map<String, ?>, List or null "
                + "(convert typed objects with Unstructured.fromObject)");
    }

    static Map<String, Object> copyMap(Map<?, ?> map, String where) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("map at '" + where + "' has the key " + e.getKey()
                        + ", which is not a string; JSON objects have string keys");
            }
            out.put(key, copy(e.getValue(), where.isEmpty() ? key : where + "." + key));
        }
        return out;
    }

    static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Number) {
            return "number";
        }
        return value.getClass().getSimpleName();
    }
}
