package dev.kubeclient.testing.server.patch;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;
import java.util.Locale;

/**
 * The three patch types of {@code PATCH} requests, applied as kube-apiserver applies them (server-side apply is
 * {@link ServerSideApply}).
 *
 * <ul>
 *   <li>{@value #MERGE_PATCH}: RFC 7396 JSON merge patch.</li>
 *   <li>{@value #JSON_PATCH}: RFC 6902 JSON patch; a failed {@code test} or a missing path is 422 Invalid.</li>
 *   <li>{@value #STRATEGIC_MERGE_PATCH}: strategic merge by the built-in types' merge keys (see
 *       {@link BuiltInSchema}); for a custom resource it is refused with 415, as the real server does.</li>
 * </ul>
 */
public final class Patches {

    /** RFC 7396 JSON merge patch. */
    public static final String MERGE_PATCH = "application/merge-patch+json";
    /** RFC 6902 JSON patch. */
    public static final String JSON_PATCH = "application/json-patch+json";
    /** Kubernetes strategic merge patch. */
    public static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    /** Server-side apply; not a patch type of this class, see {@link ServerSideApply}. */
    public static final String APPLY_PATCH = "application/apply-patch+yaml";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Patches() {
    }

    /**
     * Applies a patch to a copy of {@code target} with the built-in schema.
     *
     * @param contentType the request's Content-Type (parameters such as {@code ;charset=utf-8} are ignored)
     * @param target      the stored object; not modified
     * @param patch       the parsed request body
     * @param apiVersion  the object's apiVersion, selecting the strategic merge keys
     * @param kind        the object's kind
     * @return the patched object
     * @throws PatchException for an unsupported content type (415), a malformed patch (400/422), a JSON patch
     *                        whose {@code test} fails or whose path is missing (422), a strategic merge patch of a
     *                        custom resource (415) or with a bad directive (500)
     */
    public static ObjectNode apply(String contentType, ObjectNode target, JsonNode patch, String apiVersion,
                                   String kind) {
        return apply(contentType, target, patch, apiVersion, kind, BuiltInSchema.kubernetes());
    }

    /** As {@link #apply(String, ObjectNode, JsonNode, String, String)}, with the given schema. */
    public static ObjectNode apply(String contentType, ObjectNode target, JsonNode patch, String apiVersion,
                                   String kind, BuiltInSchema schema) {
        ObjectNode patched = switch (mediaType(contentType)) {
            case MERGE_PATCH -> JsonMergePatch.apply(target, patch);
            case JSON_PATCH -> JsonPatch.apply(target, patch);
            case STRATEGIC_MERGE_PATCH -> {
                if (!schema.isBuiltIn(apiVersion, kind)) {
                    throw unsupported(apiVersion + " " + kind + " is not a built-in type: the server refuses "
                            + "strategic merge patch for custom resources; send a JSON merge patch, a JSON patch "
                            + "or an apply patch");
                }
                yield StrategicMergePatch.apply(target, patch, schema.root(apiVersion, kind).orElse(null));
            }
            default -> throw new PatchException(415, "UnsupportedMediaType", "415: Unsupported Media Type",
                    "unsupported patch content type '" + contentType + "'; use " + JSON_PATCH + ", " + MERGE_PATCH
                            + ", " + STRATEGIC_MERGE_PATCH + " or " + APPLY_PATCH, List.of());
        };
        normalize(patched, apiVersion, kind, schema);
        return patched;
    }

    /**
     * Drops the empty maps and lists of a built-in object in place, as the real server's decoding into its Go types
     * does ({@code omitempty}): {@code data: {}} or {@code finalizers: []} disappear, {@code resources: {}} and
     * required fields stay. Custom resources are left as they are. {@link #apply} and {@link ServerSideApply} do this
     * already; a server calls it for creates and updates.
     */
    public static void normalize(ObjectNode object, String apiVersion, String kind) {
        normalize(object, apiVersion, kind, BuiltInSchema.kubernetes());
    }

    private static void normalize(ObjectNode object, String apiVersion, String kind, BuiltInSchema schema) {
        schema.root(apiVersion, kind).ifPresent(root -> TypedTree.dropEmpty(object, TypedTree.Type.root(root)));
    }

    /**
     * Parses a {@code PATCH} body of the given content type, failing as the real server does on a malformed one:
     * a merge patch with 500 "Invalid JSON Patch", a JSON patch or strategic merge patch with 400 BadRequest, an
     * apply patch (YAML or JSON) with 400 BadRequest "error decoding YAML: ...", also when it is not an object.
     *
     * @throws PatchException for a malformed body or an unsupported content type (415)
     */
    public static JsonNode parseBody(String contentType, byte[] body) {
        String mediaType = mediaType(contentType);
        try {
            return switch (mediaType) {
                case MERGE_PATCH, JSON_PATCH, STRATEGIC_MERGE_PATCH -> JSON.readTree(body);
                case APPLY_PATCH -> {
                    JsonNode applied = YAML.readTree(body);
                    if (applied == null || !applied.isObject()) {
                        String type = applied == null || applied.isMissingNode() ? "null"
                                : applied.getNodeType().name().toLowerCase(Locale.ROOT);
                        throw PatchException.badRequest("error decoding YAML: error unmarshaling JSON: while "
                                + "decoding JSON: json: cannot unmarshal " + type + " into Go value of type "
                                + "map[string]interface {}", "an apply patch must be one YAML or JSON object; got "
                                + type);
                    }
                    yield applied;
                }
                default -> throw new PatchException(415, "UnsupportedMediaType", "415: Unsupported Media Type",
                        "unsupported patch content type '" + contentType + "'", List.of());
            };
        } catch (JacksonException e) {
            String problem = e.getOriginalMessage();
            throw switch (mediaType) {
                case MERGE_PATCH -> new PatchException(500, "", "Invalid JSON Patch",
                        "the merge patch is not valid JSON: " + problem, List.of());
                case APPLY_PATCH -> PatchException.badRequest("error decoding YAML: " + problem,
                        "the apply patch is not valid YAML: " + problem);
                default -> PatchException.badRequest(problem, "the " + mediaType + " body is not valid JSON: "
                        + problem);
            };
        }
    }

    /** Whether the server accepts strategic merge patch for this type (built-in types only). */
    public static boolean supportsStrategicMerge(String apiVersion, String kind) {
        return BuiltInSchema.kubernetes().isBuiltIn(apiVersion, kind);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static PatchException unsupported(String detail) {
        // the real server lists what it accepts for custom resources (no strategic merge)
        return new PatchException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                + "accepted media types include: " + JSON_PATCH + ", " + MERGE_PATCH + ", " + APPLY_PATCH, detail,
                List.of());
    }
}
