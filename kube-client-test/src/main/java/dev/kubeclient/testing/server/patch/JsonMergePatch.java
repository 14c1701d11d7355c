package dev.kubeclient.testing.server.patch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** RFC 7396 JSON merge patch: null deletes a member, objects merge recursively, anything else replaces. */
final class JsonMergePatch {

    private JsonMergePatch() {
    }

    static ObjectNode apply(ObjectNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            String shown = patch == null ? "null" : patch.toString();
            String message = "couldn't get version/kind; json parse error: a merge patch must be a JSON object, not "
                    + shown;
            throw new PatchException(422, "Invalid", " \"\" is invalid: patch: Invalid value: \"" + shown + "\": "
                    + message, "application/merge-patch+json body must be a JSON object; got " + shown,
                    List.of(new PatchException.Cause("FieldValueInvalid", "Invalid value: \"" + shown + "\": "
                            + message, "patch")));
        }
        return (ObjectNode) merge(target.deepCopy(), patch);
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? (ObjectNode) target : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
