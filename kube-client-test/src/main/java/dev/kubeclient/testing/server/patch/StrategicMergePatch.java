package dev.kubeclient.testing.server.patch;

import dev.kubeclient.testing.server.patch.BuiltInSchema.FieldDef;
import dev.kubeclient.testing.server.patch.BuiltInSchema.Shape;
import dev.kubeclient.testing.server.patch.BuiltInSchema.TypeDef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch for built-in types, as apimachinery's {@code strategicpatch} merges: maps merge
 * recursively and null deletes; a list whose field has {@code patchStrategy: merge} merges items by its
 * {@code patchMergeKey} (lists of scalars: union); any other list is replaced. Directives: {@code $patch: replace}
 * and {@code $patch: delete} in maps and list items, {@code $retainKeys}, {@code $deleteFromPrimitiveList/<field>}
 * and {@code $setElementOrder/<field>}. The merged list is ordered as the real server orders it: items the patch
 * names in the patch's (or {@code $setElementOrder}'s) order, interleaved with the items only the server had, by
 * their position in the original list.
 */
final class StrategicMergePatch {

    private static final String PATCH = "$patch";
    private static final String RETAIN_KEYS = "$retainKeys";
    private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";
    private static final String SET_ELEMENT_ORDER = "$setElementOrder/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StrategicMergePatch() {
    }

    static ObjectNode apply(ObjectNode target, JsonNode patch, TypeDef root) {
        if (patch == null || !patch.isObject()) {
            String type = patch == null ? "null" : patch.isArray() ? "array" : patch.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT);
            throw PatchException.badRequest("json: cannot unmarshal " + type
                    + " into Go value of type map[string]interface {}",
                    "application/strategic-merge-patch+json body must be a JSON object; got a " + type);
        }
        ObjectNode merged = mergeMap(target.deepCopy(), (ObjectNode) patch, root, null);
        return merged == null ? NODES.objectNode() : merged;
    }

    /**
     * Merges a patch map into original (mutated). {@code struct} types the map's fields; {@code mapValues}, when
     * set, types every value of a map field instead. Returns null when the patch deletes the whole map.
     */
    private static ObjectNode mergeMap(ObjectNode original, ObjectNode patch, TypeDef struct, TypeDef mapValues) {
        JsonNode directive = patch.get(PATCH);
        if (directive != null) {
            String value = directive.isString() ? directive.stringValue() : directive.toString();
            switch (value) {
                case "replace" -> {
                    ObjectNode replacement = patch.deepCopy();
                    replacement.remove(PATCH);
                    return replacement;
                }
                case "delete" -> {
                    return null;
                }
                case "merge" -> {
                    // the default; nothing to do
                }
                default -> throw PatchException.strategicMergeError("unknown patch type: " + value + " in map: "
                        + patch);
            }
        }
        JsonNode retainKeys = patch.get(RETAIN_KEYS);
        if (retainKeys != null) {
            if (!retainKeys.isArray()) {
                throw PatchException.strategicMergeError("invalid patch: $retainKeys must be a list of field names,"
                        + " got " + retainKeys);
            }
            Set<String> keep = new HashSet<>();
            retainKeys.forEach(k -> keep.add(k.asString()));
            new ArrayList<>(original.propertyNames()).stream().filter(name -> !keep.contains(name))
                    .forEach(original::remove);
        }
        Map<String, JsonNode> elementOrders = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String key = member.getKey();
            if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                deleteFromPrimitiveList(original, key.substring(DELETE_FROM_PRIMITIVE_LIST.length()),
                        member.getValue());
            } else if (key.startsWith(SET_ELEMENT_ORDER)) {
                elementOrders.put(key.substring(SET_ELEMENT_ORDER.length()), member.getValue());
            }
        }
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String key = member.getKey();
            if (key.startsWith("$")) {
                continue;
            }
            JsonNode patchValue = member.getValue();
            if (patchValue.isNull()) {
                original.remove(key);
                continue;
            }
            FieldDef field = mapValues != null
                    ? new FieldDef(Shape.OBJECT, mapValues, null, null, null, List.of(), false)
                    : struct == null ? null : struct.field(key);
            JsonNode merged = mergeValue(original.get(key), patchValue, field, elementOrders.get(key));
            if (merged == null) {
                original.remove(key);
            } else {
                original.set(key, merged);
            }
        }
        for (Map.Entry<String, JsonNode> order : elementOrders.entrySet()) {
            // an order for a list the patch does not touch still reorders it
            String key = order.getKey();
            if (!patch.has(key) && original.get(key) instanceof ArrayNode list) {
                FieldDef field = struct == null ? null : struct.field(key);
                if (field != null && field.shape() == Shape.LIST && field.mergesList()) {
                    original.set(key, mergeList(list, NODES.arrayNode(), field, order.getValue()));
                }
            }
        }
        return original;
    }

    private static JsonNode mergeValue(JsonNode originalValue, JsonNode patchValue, FieldDef field,
                                       JsonNode elementOrder) {
        TypeDef childStruct = field != null && field.shape() == Shape.OBJECT ? field.element() : null;
        TypeDef childValues = field != null && field.shape() == Shape.MAP ? field.element() : null;
        boolean absent = originalValue == null || originalValue.isNull();
        if (patchValue.isObject() && (absent || originalValue.isObject())) {
            ObjectNode base = absent ? NODES.objectNode() : (ObjectNode) originalValue;
            return mergeMap(base, (ObjectNode) patchValue, childStruct, childValues);
        }
        if (patchValue.isArray() && (absent || originalValue.isArray())) {
            ArrayNode base = absent ? NODES.arrayNode() : (ArrayNode) originalValue;
            if (field != null && field.shape() == Shape.LIST && field.mergesList()) {
                return mergeList(base, (ArrayNode) patchValue, field, elementOrder);
            }
            if (field == null || field.shape() != Shape.LIST || field.element() == null) {
                return patchValue.deepCopy();
            }
            // a replaced list of structs still drops directives from its items
            ArrayNode replaced = NODES.arrayNode();
            for (JsonNode item : patchValue) {
                replaced.add(item.isObject() ? mergeMap(NODES.objectNode(), (ObjectNode) item, field.element(),
                        null) : item.deepCopy());
            }
            return replaced;
        }
        return patchValue.deepCopy();
    }

    private static JsonNode mergeList(ArrayNode original, ArrayNode patch, FieldDef field, JsonNode elementOrder) {
        if (field.element() == null || field.mergeKey() == null) {
            return mergeScalarList(original, patch, elementOrder);
        }
        String mergeKey = field.mergeKey();
        List<JsonNode> merged = new ArrayList<>();
        original.forEach(item -> merged.add(item));
        List<JsonNode> patchKeys = new ArrayList<>();
        for (JsonNode item : patch) {
            if (!item.isObject()) {
                throw PatchException.strategicMergeError("list element types are not identical: " + original + " "
                        + patch);
            }
            JsonNode directive = item.get(PATCH);
            if (directive != null && "replace".equals(directive.asString())) {
                ArrayNode replacement = NODES.arrayNode();
                for (JsonNode other : patch) {
                    if (other != item) {
                        replacement.add(mergeMap(NODES.objectNode(), (ObjectNode) other, field.element(), null));
                    }
                }
                return replacement;
            }
        }
        for (JsonNode item : patch) {
            JsonNode key = item.get(mergeKey);
            JsonNode directive = item.get(PATCH);
            if (key == null) {
                throw PatchException.strategicMergeError("map: " + item + " does not contain declared merge key: "
                        + mergeKey);
            }
            int found = indexOfKey(merged, mergeKey, key);
            if (directive != null && "delete".equals(directive.asString())) {
                if (found >= 0) {
                    merged.remove(found);
                }
                continue;
            }
            patchKeys.add(key);
            if (found >= 0) {
                ObjectNode result = mergeMap((ObjectNode) merged.get(found), (ObjectNode) item, field.element(), null);
                if (result == null) {
                    merged.remove(found);
                } else {
                    merged.set(found, result);
                }
            } else {
                ObjectNode result = mergeMap(NODES.objectNode(), (ObjectNode) item, field.element(), null);
                if (result != null) {
                    merged.add(result);
                }
            }
        }
        List<JsonNode> order = patchKeys;
        if (elementOrder != null && elementOrder.isArray()) {
            order = new ArrayList<>();
            for (JsonNode entry : elementOrder) {
                if (entry.isObject() && entry.has(mergeKey)) {
                    order.add(entry.get(mergeKey));
                }
            }
        }
        List<JsonNode> originalKeys = new ArrayList<>();
        original.forEach(item -> originalKeys.add(item.get(mergeKey)));
        return ordered(merged, item -> item.get(mergeKey), order, originalKeys);
    }

    private static JsonNode mergeScalarList(ArrayNode original, ArrayNode patch, JsonNode elementOrder) {
        List<JsonNode> merged = new ArrayList<>();
        List<JsonNode> originalValues = new ArrayList<>();
        for (JsonNode item : original) {
            originalValues.add(item);
            if (indexOfValue(merged, item) < 0) {
                merged.add(item);
            }
        }
        List<JsonNode> patchValues = new ArrayList<>();
        for (JsonNode item : patch) {
            if (item.isContainer()) {
                throw PatchException.strategicMergeError("list element types are not identical: " + original + " "
                        + patch);
            }
            patchValues.add(item);
            if (indexOfValue(merged, item) < 0) {
                merged.add(item.deepCopy());
            }
        }
        List<JsonNode> order = patchValues;
        if (elementOrder != null && elementOrder.isArray()) {
            order = new ArrayList<>();
            elementOrder.forEach(order::add);
        }
        return ordered(merged, item -> item, order, originalValues);
    }

    /**
     * Orders a merged list like apimachinery's {@code normalizeElementOrder}: the items named by {@code order}
     * (the patch, or its {@code $setElementOrder}) in that order, merged with the other items (kept in original
     * order) by comparing positions in the original list; an item the original lacks goes before the rest.
     */
    private static ArrayNode ordered(List<JsonNode> merged, java.util.function.Function<JsonNode, JsonNode> keyOf,
                                     List<JsonNode> order, List<JsonNode> originalKeys) {
        List<JsonNode> named = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        for (JsonNode item : merged) {
            if (indexOfValue(order, keyOf.apply(item)) >= 0) {
                named.add(item);
            } else {
                serverOnly.add(item);
            }
        }
        named.sort(java.util.Comparator.comparingInt(item -> indexOfValue(order, keyOf.apply(item))));
        ArrayNode result = NODES.arrayNode();
        int left = 0;
        int right = 0;
        while (left < serverOnly.size() || right < named.size()) {
            if (right >= named.size()) {
                result.add(serverOnly.get(left++));
            } else if (left >= serverOnly.size()) {
                result.add(named.get(right++));
            } else {
                int l = indexOfValue(originalKeys, keyOf.apply(serverOnly.get(left)));
                int r = indexOfValue(originalKeys, keyOf.apply(named.get(right)));
                if (l >= 0 && r >= 0 && l < r) {
                    result.add(serverOnly.get(left++));
                } else {
                    result.add(named.get(right++));
                }
            }
        }
        return result;
    }

    private static void deleteFromPrimitiveList(ObjectNode original, String field, JsonNode values) {
        JsonNode list = original.get(field);
        if (list == null || !list.isArray()) {
            return;
        }
        if (!values.isArray()) {
            throw PatchException.strategicMergeError("invalid patch: " + DELETE_FROM_PRIMITIVE_LIST + field
                    + " must be a list, got " + values);
        }
        ArrayNode kept = NODES.arrayNode();
        for (JsonNode item : list) {
            if (indexOfValue(values, item) < 0) {
                kept.add(item);
            }
        }
        original.set(field, kept);
    }

    private static int indexOfKey(List<JsonNode> items, String mergeKey, JsonNode key) {
        for (int i = 0; i < items.size(); i++) {
            if (JsonValues.equal(items.get(i).get(mergeKey), key)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfValue(Iterable<JsonNode> values, JsonNode value) {
        int i = 0;
        for (JsonNode candidate : values) {
            if (JsonValues.equal(candidate, value)) {
                return i;
            }
            i++;
        }
        return -1;
    }
}
