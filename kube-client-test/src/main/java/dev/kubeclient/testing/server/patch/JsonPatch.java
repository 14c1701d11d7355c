package dev.kubeclient.testing.server.patch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON patch with RFC 6901 pointers ({@code ~0}, {@code ~1}, {@code -} to append), as the v1.20 server
 * applies it: operations run in order on one document, and any failure (a failed {@code test}, a missing path, an
 * unknown op) rejects the whole patch with 422 Invalid. One leniency of the real server is kept: {@code replace} of
 * a missing object member adds it.
 */
final class JsonPatch {

    private JsonPatch() {
    }

    static ObjectNode apply(ObjectNode target, JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            String type = patch == null ? "null" : patch.isObject() ? "object" : patch.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT);
            throw PatchException.badRequest("json: cannot unmarshal " + type + " into Go value of type jsonpatch.Patch",
                    "application/json-patch+json body must be a JSON array of operations; got a " + type);
        }
        JsonNode document = target.deepCopy();
        int index = 0;
        for (JsonNode operation : patch) {
            document = applyOne(document, operation, index++);
        }
        if (!document.isObject()) {
            throw PatchException.invalidJsonPatch("the patched document is not a JSON object: " + document);
        }
        return (ObjectNode) document;
    }

    private static JsonNode applyOne(JsonNode document, JsonNode operation, int index) {
        if (!operation.isObject()) {
            throw PatchException.invalidJsonPatch("operation " + index + " is not a JSON object: " + operation);
        }
        String op = text(operation, "op", index);
        String path = text(operation, "path", index);
        return switch (op) {
            case "add" -> add(document, path, value(operation, index), index);
            case "remove" -> {
                remove(document, path, index);
                yield document;
            }
            case "replace" -> replace(document, path, value(operation, index), index);
            case "move" -> {
                String from = text(operation, "from", index);
                JsonNode moved = get(document, from, index);
                remove(document, from, index);
                yield add(document, path, moved, index);
            }
            case "copy" -> {
                String from = text(operation, "from", index);
                yield add(document, path, get(document, from, index).deepCopy(), index);
            }
            case "test" -> {
                JsonNode expected = operation.get("value");
                JsonNode actual = find(document, path);
                boolean same = actual == null ? expected == null || expected.isNull() : JsonValues.equal(actual,
                        expected);
                if (!same) {
                    throw PatchException.invalidJsonPatch("test operation " + index + " failed: " + path + " is "
                            + (actual == null ? "missing" : actual.toString()) + ", not " + expected);
                }
                yield document;
            }
            default -> throw PatchException.invalidJsonPatch("operation " + index + " has unknown op '" + op
                    + "'; use add, remove, replace, move, copy or test");
        };
    }

    private static JsonNode add(JsonNode document, String path, JsonNode value, int index) {
        List<String> tokens = pointer(path, index);
        if (tokens.isEmpty()) {
            return value;
        }
        JsonNode parent = parent(document, tokens, path, index);
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            int position = "-".equals(last) ? array.size() : arrayIndex(last, array.size(), path, index);
            array.insert(position, value);
        } else {
            throw missing(path, index);
        }
        return document;
    }

    private static JsonNode replace(JsonNode document, String path, JsonNode value, int index) {
        List<String> tokens = pointer(path, index);
        if (tokens.isEmpty()) {
            return value;
        }
        JsonNode parent = parent(document, tokens, path, index);
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(arrayIndex(last, array.size() - 1, path, index), value);
        } else {
            throw missing(path, index);
        }
        return document;
    }

    private static void remove(JsonNode document, String path, int index) {
        List<String> tokens = pointer(path, index);
        if (tokens.isEmpty()) {
            throw PatchException.invalidJsonPatch("operation " + index + " removes the whole document");
        }
        JsonNode parent = parent(document, tokens, path, index);
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(arrayIndex(last, array.size() - 1, path, index));
        } else {
            throw missing(path, index);
        }
    }

    private static JsonNode get(JsonNode document, String path, int index) {
        JsonNode found = find(document, path);
        if (found == null) {
            throw missing(path, index);
        }
        return found;
    }

    /** The node at a pointer, or null when any step is missing. */
    private static JsonNode find(JsonNode document, String path) {
        List<String> tokens;
        try {
            tokens = pointer(path, -1);
        } catch (PatchException e) {
            return null;
        }
        JsonNode node = document;
        for (String token : tokens) {
            node = child(node, token);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static JsonNode parent(JsonNode document, List<String> tokens, String path, int index) {
        JsonNode node = document;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            node = child(node, token);
            if (node == null) {
                throw missing(path, index);
            }
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String token) {
        if (node.isObject()) {
            return node.get(token);
        }
        if (node.isArray() && token.matches("0|[1-9][0-9]*") && token.length() < 10) {
            return node.get(Integer.parseInt(token));
        }
        return null;
    }

    private static int arrayIndex(String token, int max, String path, int index) {
        if (!token.matches("0|[1-9][0-9]*") || token.length() >= 10 || Integer.parseInt(token) > max) {
            throw PatchException.invalidJsonPatch("operation " + index + ": array index '" + token + "' in " + path
                    + " is out of range (0.." + max + ")");
        }
        return Integer.parseInt(token);
    }

    /** Splits an RFC 6901 pointer into unescaped tokens. */
    private static List<String> pointer(String path, int index) {
        List<String> tokens = new ArrayList<>();
        if (path.isEmpty()) {
            return tokens;
        }
        if (!path.startsWith("/")) {
            throw PatchException.invalidJsonPatch("operation " + index + ": path '" + path
                    + "' is not a JSON pointer; it must start with '/'");
        }
        for (String raw : path.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static String text(JsonNode operation, String member, int index) {
        JsonNode value = operation.get(member);
        if (value == null || !value.isString()) {
            throw PatchException.invalidJsonPatch("operation " + index + " lacks a string '" + member + "': "
                    + operation);
        }
        return value.stringValue();
    }

    private static JsonNode value(JsonNode operation, int index) {
        JsonNode value = operation.get("value");
        if (value == null) {
            throw PatchException.invalidJsonPatch("operation " + index + " lacks 'value': " + operation);
        }
        return value.deepCopy();
    }

    private static PatchException missing(String path, int index) {
        return PatchException.invalidJsonPatch("operation " + index + ": path " + path
                + " does not exist in the object");
    }
}
