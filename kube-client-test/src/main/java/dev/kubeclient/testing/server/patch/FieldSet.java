package dev.kubeclient.testing.server.patch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A set of field paths as {@code managedFields[].fieldsV1} holds them. A path is a list of elements:
 * {@code f:<field>}, {@code k:<json object of key fields>} for an item of an associative list, {@code v:<json>} for
 * an item of a set, {@code i:<index>}. Immutable.
 */
final class FieldSet {

    /** Orders elements as the server serializes them: fields, then keys, then values, then indexes. */
    static final Comparator<String> ELEMENT_ORDER = Comparator.comparingInt(FieldSet::rank)
            .thenComparing(Comparator.naturalOrder());

    private final Set<List<String>> members;

    FieldSet(Set<List<String>> members) {
        this.members = Collections.unmodifiableSet(new LinkedHashSet<>(members));
    }

    static FieldSet empty() {
        return new FieldSet(Set.of());
    }

    Set<List<String>> members() {
        return members;
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    boolean contains(List<String> path) {
        return members.contains(path);
    }

    /** Every path that has a member below it (the proper prefixes of the members), for fast lookups. */
    Set<List<String>> ancestors() {
        Set<List<String>> ancestors = new HashSet<>();
        for (List<String> member : members) {
            for (int length = 0; length < member.size(); length++) {
                ancestors.add(member.subList(0, length));
            }
        }
        return ancestors;
    }

    FieldSet union(FieldSet other) {
        Set<List<String>> all = new LinkedHashSet<>(members);
        all.addAll(other.members);
        return new FieldSet(all);
    }

    FieldSet difference(FieldSet other) {
        Set<List<String>> rest = new LinkedHashSet<>(members);
        rest.removeAll(other.members);
        return new FieldSet(rest);
    }

    /** This set without the given paths and everything below them. */
    FieldSet withoutSubtrees(FieldSet roots) {
        Set<List<String>> rest = new LinkedHashSet<>();
        for (List<String> member : members) {
            boolean under = false;
            for (int length = 0; length <= member.size() && !under; length++) {
                under = roots.members.contains(member.subList(0, length));
            }
            if (!under) {
                rest.add(member);
            }
        }
        return new FieldSet(rest);
    }

    FieldSet intersection(FieldSet other) {
        Set<List<String>> both = new LinkedHashSet<>(members);
        both.retainAll(other.members);
        return new FieldSet(both);
    }

    /** The paths in human form, as conflict messages print them: {@code .spec.containers[name="app"].image}. */
    static String describe(List<String> path) {
        StringBuilder text = new StringBuilder();
        for (String element : path) {
            String body = element.substring(2);
            switch (element.charAt(0)) {
                case 'f' -> text.append('.').append(body);
                case 'k' -> {
                    JsonNode key = Json.parse(body);
                    List<String> parts = new ArrayList<>();
                    for (Map.Entry<String, JsonNode> field : key.properties()) {
                        parts.add(field.getKey() + "=" + field.getValue());
                    }
                    text.append('[').append(String.join(",", parts)).append(']');
                }
                case 'v' -> text.append("[=").append(body).append(']');
                default -> text.append('[').append(body).append(']');
            }
        }
        return text.toString();
    }

    /** Reads a {@code fieldsV1} object. */
    static FieldSet fromFieldsV1(JsonNode fieldsV1) {
        Set<List<String>> members = new LinkedHashSet<>();
        if (fieldsV1 != null && fieldsV1.isObject()) {
            read(fieldsV1, new ArrayList<>(), members);
        }
        return new FieldSet(members);
    }

    private static void read(JsonNode node, List<String> path, Set<List<String>> members) {
        if (node.isEmpty() && !path.isEmpty()) {
            members.add(List.copyOf(path));
            return;
        }
        for (Map.Entry<String, JsonNode> child : node.properties()) {
            if (".".equals(child.getKey())) {
                members.add(List.copyOf(path));
            } else {
                path.add(child.getKey());
                read(child.getValue(), path, members);
                path.remove(path.size() - 1);
            }
        }
    }

    /** Writes the set as a {@code fieldsV1} object, members sorted as the real server sorts them. */
    ObjectNode toFieldsV1() {
        Node root = new Node();
        for (List<String> member : members) {
            Node node = root;
            for (String element : member) {
                node = node.children.computeIfAbsent(element, e -> new Node());
            }
            node.member = true;
        }
        return root.write();
    }

    private static int rank(String element) {
        if (".".equals(element)) {
            return 0;
        }
        return switch (element.charAt(0)) {
            case 'f' -> 1;
            case 'k' -> 2;
            case 'v' -> 3;
            default -> 4;
        };
    }

    private static final class Node {
        boolean member;
        final Map<String, Node> children = new TreeMap<>(ELEMENT_ORDER);

        ObjectNode write() {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            if (member && !children.isEmpty()) {
                out.putObject(".");
            }
            children.forEach((element, child) -> out.set(element, child.write()));
            return out;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSet set && set.members.equals(members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return toFieldsV1().toString();
    }
}
