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
            "resources", "strategy", "updateStrategy", "jobTemplate", "loadBalancer");

    private TypedTree() {
    }

    /** The type of one node. */
    record Type(Category category, TypeDef struct, FieldDef field, String name) {

        static Type root(TypeDef root) {
            return new Type(Category.STRUCT, root, null, "");
        }

        /**
         * A custom resource as the real server sees one without a schema for it: metadata typed as ObjectMeta, the
         * rest deduced (here {@code struct} holds the ObjectMeta type, for the root only).
         */
        static Type schemaless(TypeDef objectMeta) {
            return new Type(Category.DEDUCED, objectMeta, null, "");
        }

        static final Type SCALAR = new Type(Category.SCALAR, null, null, "");

        Type child(String name) {
            return switch (category) {
                case DEDUCED -> "metadata".equals(name) && struct != null
                        ? new Type(Category.STRUCT, struct, null, name) : new Type(Category.DEDUCED, null, null, name);
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
            return value == null || !value.isContainer() || value.isEmpty() || atomicType(value);
        }

        /** Whether a container value of this type is one leaf whatever its content. */
        boolean atomicType(JsonNode value) {
            if (value == null || !value.isContainer()) {
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

        /** A struct the Go type holds by value (or requires): absent and empty mean the same. */
        boolean valueStruct() {
            return category == Category.STRUCT && (VALUE_STRUCT_FIELDS.contains(name)
                    || (field != null && field.required()));
        }

        boolean isSet() {
            return category == Category.LIST && "set".equals(field.applyListType());
        }

        /** Whether a newly added node of this type becomes a member itself ("." in fieldsV1). */
        boolean memberWhenAdded() {
            return switch (category) {
                case MAP, LIST -> !field.required();
                case DEDUCED -> true;
                case STRUCT -> field != null && !valueStruct();
                default -> false;
            };
        }
    }

    enum Category { STRUCT, MAP, LIST, SCALAR, DEDUCED }

    /** The path element naming a list item: {@code k:{...}} for associative lists, {@code v:...} for sets. */
    static String itemElement(Type list, JsonNode item, int index) {
        if (list.isSet()) {
            return "v:" + item.toString();
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
        return "k:" + key.toString();
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
        boolean deduced = type.category() == Category.DEDUCED;
        if (!markContainers && !deduced && value.isContainer() && value.isEmpty()) {
            // an apply configuration's empty map or list of a typed field claims nothing
            return;
        }
        if (!path.isEmpty() && type.atomic(value)) {
            out.add(List.copyOf(path));
            return;
        }
        // schemaless maps are members of an apply's set too ("." in fieldsV1); typed ones only when added
        if ((markContainers || deduced) && !path.isEmpty() && type.memberWhenAdded()) {
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
        if (type.valueStruct()) {
            oldValue = oldValue == null || oldValue.isNull() ? NODES.objectNode() : oldValue;
            newValue = newValue == null || newValue.isNull() ? NODES.objectNode() : newValue;
        }
        boolean oldAbsent = oldValue == null || oldValue.isNull();
        boolean newAbsent = newValue == null || newValue.isNull();
        if (oldAbsent && newAbsent) {
            return;
        }
        if (newAbsent) {
            removed.add(List.copyOf(path));
            return;
        }
        boolean root = path.isEmpty();
        boolean oldEmpty = oldAbsent || (oldValue.isContainer() && oldValue.isEmpty());
        boolean newEmpty = newValue.isContainer() && newValue.isEmpty();
        if (!root && oldEmpty && newEmpty) {
            // empty or absent on both sides: a leaf, so {} and absent stay distinguishable
            if (oldAbsent) {
                added.add(List.copyOf(path));
            }
            return;
        }
        if (oldAbsent) {
            if (!root && type.atomic(newValue)) {
                added.add(List.copyOf(path));
            } else {
                collect(newValue, type, path, added, true);
            }
            return;
        }
        // the object itself is never a leaf; emptiness alone does not make a granular node a leaf here
        boolean oldAtomic = !root && (!oldValue.isContainer() || (!oldEmpty && type.atomicType(oldValue)));
        boolean newAtomic = !root && (!newValue.isContainer() || (!newEmpty && type.atomicType(newValue)));
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
        if (live == null || live.isNull() || !applied.isContainer() || !live.isContainer()
                || live.isObject() != applied.isObject() || type.atomicType(applied)) {
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
        Set<List<String>> keptAncestors = keep.ancestors();
        for (List<String> path : paths.members()) {
            if (!path.isEmpty() && !keep.contains(path) && !keptAncestors.contains(path)) {
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

    /**
     * Expands, in a manager's set, each member that has nothing claimed below it but names a granular, non-empty
     * node of the live object, into that node's whole content (the node, its fields and items). The real server
     * does this before every write (structured-merge-diff reconciles sets with the schema), which is visible when
     * a manager is left owning only a list or map node: its next write gives it all the node's current items.
     */
    static FieldSet reconcile(FieldSet set, JsonNode live, Type rootType) {
        Set<List<String>> expanded = new LinkedHashSet<>(set.members());
        Set<List<String>> ancestors = set.ancestors();
        boolean changed = false;
        for (List<String> member : set.members()) {
            if (member.isEmpty() || ancestors.contains(member)) {
                continue;
            }
            Located located = locate(live, rootType, member);
            if (located == null || located.value() == null || !located.value().isContainer()
                    || located.value().isEmpty() || located.type().atomic(located.value())) {
                continue;
            }
            List<String> path = new ArrayList<>(member);
            collect(located.value(), located.type(), path, expanded, false);
            changed = true;
        }
        return changed ? new FieldSet(expanded) : set;
    }

    private record Located(JsonNode value, Type type) {
    }

    private static Located locate(JsonNode root, Type rootType, List<String> path) {
        JsonNode node = root;
        Type type = rootType;
        for (String element : path) {
            if (node == null) {
                return null;
            }
            if (element.startsWith("f:") && node.isObject()) {
                String name = element.substring(2);
                node = node.get(name);
                type = type.child(name);
            } else if (node.isArray()) {
                JsonNode found = null;
                int index = 0;
                for (JsonNode item : node) {
                    if (element.equals(itemElement(type, item, index++))) {
                        found = item;
                        break;
                    }
                }
                node = found;
                type = type.item();
            } else {
                return null;
            }
        }
        return new Located(node, type);
    }

    /**
     * Drops the empty maps and lists of a built-in object, as the real server's round trip through its Go types
     * does ({@code omitempty}); fields the schema marks required, and structs, are kept. Schemaless objects are
     * left as they are.
     */
    static void dropEmpty(JsonNode node, Type type) {
        if (type.category() == Category.DEDUCED || type.category() == Category.SCALAR || node == null) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode child = object.get(name);
                Type childType = type.child(name);
                dropEmpty(child, childType);
                boolean emptyCollection = child.isContainer() && child.isEmpty()
                        && (childType.category() == Category.MAP || childType.category() == Category.LIST);
                if (emptyCollection && !childType.field().required()) {
                    object.remove(name);
                }
            }
        } else if (node.isArray() && type.category() == Category.LIST) {
            for (JsonNode item : node) {
                dropEmpty(item, type.item());
            }
        }
    }

    /** Names of path elements a set may not claim (bookkeeping the server owns). */
    static FieldSet withoutServerFields(FieldSet set) {
        Set<List<String>> kept = new LinkedHashSet<>();
        Set<String> topLevel = new HashSet<>(List.of("f:apiVersion", "f:kind"));
        Set<String> meta = new HashSet<>(List.of("f:name", "f:namespace", "f:uid", "f:resourceVersion",
                "f:generation", "f:creationTimestamp", "f:selfLink", "f:managedFields", "f:clusterName"));
        for (List<String> member : set.members()) {
            if (member.isEmpty() || topLevel.contains(member.get(0))) {
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
