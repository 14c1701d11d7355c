package dev.kubeclient.testing.server.patch;

import dev.kubeclient.testing.server.patch.BuiltInSchema.FieldDef;
import dev.kubeclient.testing.server.patch.BuiltInSchema.TypeDef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Server-side apply's view of an object: which nodes are granular (structs, maps, associative lists and sets,
 * whose parts are owned separately) and which are atomic (scalars, atomic lists and structs, replaced whole), and
 * how list items are named in field paths. Built-in kinds use {@link BuiltInSchema}; other kinds are "deduced" as
 * the real server does for a schemaless object: every object is a granular map, every list is atomic.
 */
final class TypedTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Struct fields the Go types hold by value: they always exist, so adding content to them never makes the
     * struct itself a member of an Update set (pointer structs and maps do).
     */
    private static final Set<String> VALUE_STRUCT_FIELDS = Set.of("metadata", "spec", "status", "template",
            "resources");

    private TypedTree() {
    }

    /** The type of one node. */
    record Type(Category category, TypeDef struct, FieldDef field, String name) {

        static Type root(TypeDef root) {
            return root == null ? new Type(Category.DEDUCED, null, null, "") : new Type(Category.STRUCT, root, null, "");
        }

        static final Type SCALAR = new Type(Category.SCALAR, null, null, "");

        Type child(String name) {
            return switch (category) {
                case DEDUCED -> new Type(Category.DEDUCED, null, null, name);
                case MAP -> field.element() == null ? SCALAR : new Type(Category.STRUCT, field.element(), null, name);
                case STRUCT -> {
                    FieldDef def = struct.field(name);
                    if (def == null) {
                        yield SCALAR;
                    }
                    yield switch (def.shape()) {
                        case OBJECT -> def.element() == null ? SCALAR
                                : new Type(Category.STRUCT, def.element(), def, name);
                        case LIST -> new Type(Category.LIST, null, def, name);
                        case MAP -> new Type(Category.MAP, null, def, name);
                        case SCALAR -> SCALAR;
                    };
                }
                default -> SCALAR;
            };
        }

        Type item() {
            if (category == Category.LIST && field.element() != null) {
                return new Type(Category.STRUCT, field.element(), null, "");
            }
            return category == Category.DEDUCED ? this : SCALAR;
        }

        /** Whether a value of this type is one leaf of ownership. */
        boolean atomic(JsonNode value) {
            if (value == null || !value.isContainer() || value.isEmpty()) {
                return true;
            }
            return switch (category) {
                case SCALAR -> true;
                case STRUCT -> struct.atomic() || !value.isObject();
                case MAP -> !value.isObject();
                case DEDUCED -> !value.isObject();
                case LIST -> !value.isArray() || "atomic".equals(field.applyListType())
                        || ("map".equals(field.applyListType()) && field.applyKeys().isEmpty());
            };
        }

        boolean isSet() {
            return category == Category.LIST && "set".equals(field.applyListType());
        }

        /** Whether a newly added node of this type becomes a member itself ("." in fieldsV1). */
        boolean memberWhenAdded() {
            return switch (category) {
                case MAP, LIST, DEDUCED -> true;
                case STRUCT -> field != null && !VALUE_STRUCT_FIELDS.contains(name);
                default -> false;
            };
        }
    }

    enum Category { STRUCT, MAP, LIST, SCALAR, DEDUCED }

    /** The path element naming a list item: {@code k:{...}} for associative lists, {@code v:...} for sets. */
    static String itemElement(Type list, JsonNode item, int index) {
        if (list.isSet()) {
            return "v:" + Json.write(item);
        }
        List<String> keys = list.field().applyKeys();
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        for (String key : keys) {
            JsonNode value = item.get(key);
            if (value == null && "protocol".equals(key)) {
                // the real server defaults a port's protocol to TCP before it computes the key
                value = NODES.stringNode("TCP");
            }
            if (value != null) {
                sorted.put(key, value);
            }
        }
        if (sorted.isEmpty()) {
            return "i:" + index;
        }
        ObjectNode key = NODES.objectNode();
        sorted.forEach(key::set);
        return "k:" + Json.write(key);
    }

    /** Every leaf and list item of a value: the set an apply of it claims. */
    static FieldSet toFieldSet(JsonNode value, Type type) {
        Set<List<String>> members = new LinkedHashSet<>();
        collect(value, type, new ArrayList<>(), members, false);
        return new FieldSet(members);
    }

    private static void collect(JsonNode value, Type type, List<String> path, Set<List<String>> out,
                                boolean markContainers) {
        if (value == null || value.isNull()) {
            return;
        }
        if (type.atomic(value)) {
            if (!path.isEmpty()) {
                out.add(List.copyOf(path));
            }
            return;
        }
        if (markContainers && !path.isEmpty() && type.memberWhenAdded()) {
            out.add(List.copyOf(path));
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                path.add("f:" + member.getKey());
                collect(member.getValue(), type.child(member.getKey()), path, out, markContainers);
                path.remove(path.size() - 1);
            }
        } else {
            int index = 0;
            for (JsonNode item : value) {
                path.add(itemElement(type, item, index++));
                out.add(List.copyOf(path));
                if (!type.isSet()) {
                    collectItem(item, type.item(), path, out, markContainers);
                }
                path.remove(path.size() - 1);
            }
        }
    }

    private static void collectItem(JsonNode item, Type type, List<String> path, Set<List<String>> out,
                                    boolean markContainers) {
        if (item.isObject()) {
            for (Map.Entry<String, JsonNode> member : item.properties()) {
                path.add("f:" + member.getKey());
                collect(member.getValue(), type.child(member.getKey()), path, out, markContainers);
                path.remove(path.size() - 1);
            }
        }
    }

    /** What changed between two versions of an object. */
    record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {
    }

    /** Compares two objects as apply's Update bookkeeping does. */
    static Comparison compare(JsonNode oldValue, JsonNode newValue, Type type) {
        Set<List<String>> added = new LinkedHashSet<>();
        Set<List<String>> modified = new LinkedHashSet<>();
        Set<List<String>> removed = new LinkedHashSet<>();
        compare(oldValue, newValue, type, new ArrayList<>(), added, modified, removed);
        return new Comparison(new FieldSet(added), new FieldSet(modified), new FieldSet(removed));
    }

    private static void compare(JsonNode oldValue, JsonNode newValue, Type type, List<String> path,
                                Set<List<String>> added, Set<List<String>> modified, Set<List<String>> removed) {
        boolean oldAbsent = oldValue == null || oldValue.isNull();
        boolean newAbsent = newValue == null || newValue.isNull();
        if (oldAbsent && newAbsent) {
            return;
        }
        if (newAbsent) {
            removed.add(List.copyOf(path));
            return;
        }
        if (oldAbsent) {
            if (type.atomic(newValue)) {
                added.add(List.copyOf(path));
            } else {
                collect(newValue, type, path, added, true);
            }
            return;
        }
        boolean oldAtomic = type.atomic(oldValue);
        boolean newAtomic = type.atomic(newValue);
        if (oldAtomic || newAtomic || oldValue.isObject() != newValue.isObject()) {
            if (!JsonValues.equal(oldValue, newValue)) {
                if (oldAtomic && newAtomic) {
                    modified.add(List.copyOf(path));
                } else {
                    // a leaf became a container or the other way: the whole node changed
                    modified.add(List.copyOf(path));
                    if (!newAtomic) {
                        collect(newValue, type, path, added, false);
                    }
                }
            }
            return;
        }
        if (newValue.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            oldValue.propertyNames().forEach(names::add);
            newValue.propertyNames().forEach(names::add);
            for (String name : names) {
                path.add("f:" + name);
                compare(oldValue.get(name), newValue.get(name), type.child(name), path, added, modified, removed);
                path.remove(path.size() - 1);
            }
            return;
        }
        Map<String, JsonNode> oldItems = items(oldValue, type);
        Map<String, JsonNode> newItems = items(newValue, type);
        for (Map.Entry<String, JsonNode> entry : newItems.entrySet()) {
            path.add(entry.getKey());
            JsonNode before = oldItems.get(entry.getKey());
            if (before == null) {
                added.add(List.copyOf(path));
                if (!type.isSet()) {
                    collectItem(entry.getValue(), type.item(), path, added, true);
                }
            } else if (!type.isSet()) {
                compareItem(before, entry.getValue(), type.item(), path, added, modified, removed);
            }
            path.remove(path.size() - 1);
        }
        for (String element : oldItems.keySet()) {
            if (!newItems.containsKey(element)) {
                path.add(element);
                removed.add(List.copyOf(path));
                path.remove(path.size() - 1);
            }
        }
    }

    private static void compareItem(JsonNode before, JsonNode after, Type type, List<String> path,
                                    Set<List<String>> added, Set<List<String>> modified, Set<List<String>> removed) {
        if (!before.isObject() || !after.isObject()) {
            if (!JsonValues.equal(before, after)) {
                modified.add(List.copyOf(path));
            }
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        before.propertyNames().forEach(names::add);
        after.propertyNames().forEach(names::add);
        for (String name : names) {
            path.add("f:" + name);
            compare(before.get(name), after.get(name), type.child(name), path, added, modified, removed);
            path.remove(path.size() - 1);
        }
    }

    private static Map<String, JsonNode> items(JsonNode list, Type type) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode item : list) {
            items.putIfAbsent(itemElement(type, item, index++), item);
        }
        return items;
    }

    /**
     * Merges an apply configuration into the live object: granular nodes merge (live list items keep their order,
     * new ones are appended in the applied order), atomic nodes are replaced.
     */
    static JsonNode merge(JsonNode live, JsonNode applied, Type type) {
        if (applied == null || applied.isNull()) {
            return live;
        }
        if (live == null || live.isNull() || type.atomic(applied) || type.atomic(live)
                || live.isObject() != applied.isObject()) {
            return applied.deepCopy();
        }
        if (applied.isObject()) {
            ObjectNode result = ((ObjectNode) live).deepCopy();
            for (Map.Entry<String, JsonNode> member : applied.properties()) {
                JsonNode merged = merge(result.get(member.getKey()), member.getValue(), type.child(member.getKey()));
                if (merged != null) {
                    result.set(member.getKey(), merged);
                }
            }
            return result;
        }
        Map<String, JsonNode> liveItems = items(live, type);
        Map<String, JsonNode> appliedItems = items(applied, type);
        ArrayNode result = NODES.arrayNode();
        for (Map.Entry<String, JsonNode> entry : liveItems.entrySet()) {
            JsonNode update = appliedItems.get(entry.getKey());
            result.add(update == null ? entry.getValue().deepCopy()
                    : type.isSet() ? entry.getValue().deepCopy() : merge(entry.getValue(), update, type.item()));
        }
        for (Map.Entry<String, JsonNode> entry : appliedItems.entrySet()) {
            if (!liveItems.containsKey(entry.getKey())) {
                result.add(entry.getValue().deepCopy());
            }
        }
        return result;
    }

    /**
     * Removes the given member paths from an object (fields from structs and maps, items from lists), keeping any
     * node that {@code keep} still claims something under; maps and lists that the removal empties are dropped.
     */
    static void remove(ObjectNode object, FieldSet paths, FieldSet keep, Type type) {
        for (List<String> path : paths.members()) {
            if (!path.isEmpty() && !keep.containsPrefix(path)) {
                removePath(object, type, path, 0);
            }
        }
    }

    private static boolean removePath(JsonNode node, Type type, List<String> path, int depth) {
        String element = path.get(depth);
        boolean last = depth == path.size() - 1;
        if (node instanceof ObjectNode object && element.startsWith("f:")) {
            String name = element.substring(2);
            JsonNode child = object.get(name);
            if (child == null) {
                return false;
            }
            if (last) {
                object.remove(name);
                return true;
            }
            boolean removed = removePath(child, type.child(name), path, depth + 1);
            if (removed && child.isContainer() && child.isEmpty()) {
                object.remove(name);
            }
            return removed;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (element.equals(itemElement(type, array.get(i), i))) {
                    if (last) {
                        array.remove(i);
                        return true;
                    }
                    return removePath(array.get(i), type.item(), path, depth + 1);
                }
            }
        }
        return false;
    }

    /** Names of path elements a set may not claim (bookkeeping the server owns). */
    static FieldSet withoutServerFields(FieldSet set) {
        Set<List<String>> kept = new LinkedHashSet<>();
        Set<String> topLevel = new HashSet<>(List.of("f:apiVersion", "f:kind"));
        Set<String> meta = new HashSet<>(List.of("f:name", "f:namespace", "f:uid", "f:resourceVersion",
                "f:generation", "f:creationTimestamp", "f:selfLink", "f:managedFields", "f:clusterName"));
        for (List<String> member : set.members()) {
            if (topLevel.contains(member.get(0))) {
                continue;
            }
            if (member.get(0).equals("f:metadata") && member.size() > 1 && meta.contains(member.get(1))) {
                continue;
            }
            kept.add(member);
        }
        return new FieldSet(kept);
    }
}
