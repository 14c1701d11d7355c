package dev.kubeclient.testing.server;

import dev.kubeclient.testing.server.patch.ApplyConflictException;
import dev.kubeclient.testing.server.patch.PatchException;
import dev.kubeclient.testing.server.patch.Patches;
import dev.kubeclient.testing.server.patch.ServerSideApply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * The server's access to the patch engines and server-side apply of {@code dev.kubeclient.testing.server.patch},
 * turning their failures into the {@code Status} answers the real API server gives.
 */
final class PatchSupport {

    static final String MERGE = "application/merge-patch+json";
    static final String JSON_PATCH = "application/json-patch+json";
    static final String STRATEGIC = "application/strategic-merge-patch+json";
    static final String APPLY = "application/apply-patch+yaml";

    /**
     * Applies a merge, JSON or strategic-merge patch to a copy of {@code target}.
     *
     * @throws ApiError the engine's status for a bad patch, 415 for an unknown patch type or a strategic merge of a
     *                  custom resource
     */
    ObjectNode patch(String contentType, ObjectNode target, JsonNode patch, String apiVersion, String kind) {
        try {
            return Patches.apply(contentType, target, patch, apiVersion, kind);
        } catch (PatchException e) {
            throw translate(e);
        }
    }

    /** Server-side apply of {@code applied} over {@code live} (which may be {@code null}). */
    ObjectNode apply(ObjectNode live, ObjectNode applied, String fieldManager, boolean force, String apiVersion,
                     String kind, Instant now) {
        try {
            return ServerSideApply.apply(live, applied, fieldManager, force, apiVersion, kind, now);
        } catch (ApplyConflictException e) {
            throw translate(e);
        } catch (PatchException e) {
            throw translate(e);
        }
    }

    /** Records an Update operation of {@code fieldManager} in {@code newObj}'s managedFields. */
    ObjectNode recordUpdate(ObjectNode oldObj, ObjectNode newObj, String fieldManager, String apiVersion, Instant now) {
        return ServerSideApply.recordUpdate(oldObj, newObj, fieldManager, apiVersion, now);
    }

    /** A 409 naming each manager and field, as the real server words an apply conflict. */
    private static ApiError translate(ApplyConflictException failure) {
        List<ApiError.Cause> causes = failure.conflicts().stream()
                .map(c -> new ApiError.Cause("FieldManagerConflict", c.causeMessage(), c.field()))
                .toList();
        return ApiError.of(409, "Conflict", failure.getMessage(), ApiError.details(null, null, null, causes));
    }

    /** The engine's status code, reason, the real server's message and its causes. */
    private static ApiError translate(PatchException failure) {
        List<ApiError.Cause> causes = failure.causes().stream()
                .map(c -> new ApiError.Cause(c.type(), c.message(), c.field()))
                .toList();
        String reason = failure.reason();
        String message = failure.statusMessage() != null ? failure.statusMessage() : failure.getMessage();
        return ApiError.of(failure.httpStatus(), reason == null || reason.isEmpty() ? null : reason, message,
                ApiError.details(null, null, null, causes));
    }
}
