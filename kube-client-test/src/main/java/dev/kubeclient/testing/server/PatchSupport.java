package dev.kubeclient.testing.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server's access to the patch engines and server-side apply of {@code dev.kubeclient.testing.server.patch}
 * ({@code Patches.apply}, {@code ServerSideApply.apply} and {@code recordUpdate}).
 *
 * <p>That package is built on its own branch; until it is merged into this module it is looked up by name, and
 * without it the server inlines JSON merge patch (RFC 7386), answers 415 to the other patch types and to apply,
 * and keeps no managedFields. Once merged, these lookups should become direct calls.
 */
final class PatchSupport {

    static final String MERGE = "application/merge-patch+json";
    static final String JSON_PATCH = "application/json-patch+json";
    static final String STRATEGIC = "application/strategic-merge-patch+json";
    static final String APPLY = "application/apply-patch+yaml";

    private static final String PACKAGE = "dev.kubeclient.testing.server.patch.";

    private final Method patchesApply;
    private final Method ssaApply;
    private final Method ssaRecordUpdate;

    PatchSupport() {
        this.patchesApply = find("Patches", "apply", String.class, ObjectNode.class, JsonNode.class, String.class,
                String.class);
        this.ssaApply = find("ServerSideApply", "apply", ObjectNode.class, ObjectNode.class, String.class,
                boolean.class, String.class, String.class, Instant.class);
        this.ssaRecordUpdate = find("ServerSideApply", "recordUpdate", ObjectNode.class, ObjectNode.class,
                String.class, String.class, Instant.class);
    }

    private static Method find(String type, String name, Class<?>... parameters) {
        try {
            return Class.forName(PACKAGE + type, true, PatchSupport.class.getClassLoader()).getMethod(name, parameters);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Whether server-side apply is available. */
    boolean applyAvailable() {
        return ssaApply != null;
    }

    /**
     * Applies a merge, JSON or strategic-merge patch to a copy of {@code target}.
     *
     * @throws ApiError 415 for a patch type this build cannot apply; the engine's status for a bad patch
     */
    ObjectNode patch(String contentType, ObjectNode target, JsonNode patch, String apiVersion, String kind) {
        if (patchesApply != null) {
            return (ObjectNode) invoke(patchesApply, contentType, target, patch, apiVersion, kind);
        }
        if (MERGE.equals(contentType)) {
            if (!patch.isObject()) {
                throw ApiError.badRequest("json: cannot unmarshal " + patch.getNodeType().name().toLowerCase()
                        + " into Go value of type map[string]interface {}");
            }
            return (ObjectNode) mergePatch(target.deepCopy(), patch);
        }
        throw ApiError.unsupportedMediaType(contentType);
    }

    /** Server-side apply of {@code applied} over {@code live} (which may be {@code null}). */
    ObjectNode apply(ObjectNode live, ObjectNode applied, String fieldManager, boolean force, String apiVersion,
                     String kind, Instant now) {
        if (ssaApply == null) {
            throw ApiError.unsupportedMediaType(APPLY);
        }
        return (ObjectNode) invoke(ssaApply, live, applied, fieldManager, force, apiVersion, kind, now);
    }

    /** Records an Update operation of {@code fieldManager} in {@code newObj}'s managedFields (no-op without SSA). */
    ObjectNode recordUpdate(ObjectNode oldObj, ObjectNode newObj, String fieldManager, String apiVersion, Instant now) {
        if (ssaRecordUpdate == null) {
            return newObj;
        }
        return (ObjectNode) invoke(ssaRecordUpdate, oldObj, newObj, fieldManager, apiVersion, now);
    }

    private static Object invoke(Method method, Object... args) {
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw translate(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    /**
     * Turns the engine's {@code ApplyConflictException} (its {@code conflicts()}: manager, field, causeMessage) and
     * {@code PatchException} (httpStatus, reason, statusMessage, causes of type/message/field) into the Status the
     * server answers.
     */
    private static RuntimeException translate(Throwable failure) {
        String type = failure.getClass().getSimpleName();
        if (type.equals("ApplyConflictException")) {
            List<ApiError.Cause> causes = new ArrayList<>();
            if (property(failure, "conflicts") instanceof List<?> conflicts) {
                for (Object c : conflicts) {
                    causes.add(new ApiError.Cause("FieldManagerConflict", string(property(c, "causeMessage")),
                            string(property(c, "field"))));
                }
            }
            return ApiError.of(409, "Conflict", failure.getMessage(), ApiError.details(null, null, null, causes));
        }
        if (type.equals("PatchException")) {
            int code = property(failure, "httpStatus") instanceof Integer i ? i : 422;
            String reason = string(property(failure, "reason"));
            String message = property(failure, "statusMessage") instanceof String s ? s : failure.getMessage();
            List<ApiError.Cause> causes = new ArrayList<>();
            if (property(failure, "causes") instanceof List<?> list) {
                for (Object c : list) {
                    causes.add(new ApiError.Cause(string(property(c, "type")), string(property(c, "message")),
                            string(property(c, "field"))));
                }
            }
            return ApiError.of(code, reason == null || reason.isEmpty() ? null : reason, message,
                    ApiError.details(null, null, null, causes));
        }
        if (failure instanceof RuntimeException r) {
            return r;
        }
        return new IllegalStateException(failure);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static Object property(Object target, String name) {
        try {
            Method accessor = target.getClass().getMethod(name);
            accessor.setAccessible(true);
            return accessor.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** RFC 7386 JSON merge patch: objects merge recursively, {@code null} removes, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target
                : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }
}
