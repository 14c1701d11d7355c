package dev.kubeclient.testing.server.patch;

import tools.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** JSON value helpers shared by the engines. */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * JSON equality as Go's decoded values compare: numbers by value (1 equals 1.0 and a long 1), objects by
     * members regardless of order, arrays by position.
     */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> entry : a.properties()) {
                if (!equal(entry.getValue(), b.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<JsonNode> left = a.values().iterator();
            Iterator<JsonNode> right = b.values().iterator();
            while (left.hasNext()) {
                if (!equal(left.next(), right.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
