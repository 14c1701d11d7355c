package dev.kubeclient.testing.server;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A failed request, answered with a {@code Status} body shaped as the real API server shapes it (kind Status,
 * apiVersion v1, empty metadata, status Failure, message, reason, details, code).
 */
final class ApiError extends RuntimeException {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final int code;
    private final transient ObjectNode status;

    private ApiError(int code, ObjectNode status) {
        super(status.path("message").asString(""), null, false, false);
        this.code = code;
        this.status = status;
    }

    /** A field cause of an Invalid or conflict error. */
    record Cause(String reason, String message, String field) {
    }

    int code() {
        return code;
    }

    ObjectNode status() {
        return status;
    }

    static ObjectNode statusBody(int code, String reason, String message, ObjectNode details) {
        ObjectNode s = NODES.objectNode();
        s.put("kind", "Status");
        s.put("apiVersion", "v1");
        s.set("metadata", NODES.objectNode());
        s.put("status", "Failure");
        if (message != null) {
            s.put("message", message);
        }
        if (reason != null) {
            s.put("reason", reason);
        }
        if (details != null) {
            s.set("details", details);
        }
        s.put("code", code);
        return s;
    }

    static ObjectNode details(String name, String group, String kind, List<Cause> causes) {
        ObjectNode d = NODES.objectNode();
        if (name != null && !name.isEmpty()) {
            d.put("name", name);
        }
        if (group != null && !group.isEmpty()) {
            d.put("group", group);
        }
        if (kind != null && !kind.isEmpty()) {
            d.put("kind", kind);
        }
        if (causes != null && !causes.isEmpty()) {
            ArrayNode array = d.putArray("causes");
            for (Cause c : causes) {
                ObjectNode n = array.addObject();
                if (c.reason() != null) {
                    n.put("reason", c.reason());
                }
                if (c.message() != null) {
                    n.put("message", c.message());
                }
                if (c.field() != null) {
                    n.put("field", c.field());
                }
            }
        }
        return d;
    }

    static ApiError of(int code, String reason, String message, ObjectNode details) {
        return new ApiError(code, statusBody(code, reason, message, details));
    }

    static ApiError notFound(ResourceDef def, String name) {
        return of(404, "NotFound", qualified(def) + " \"" + name + "\" not found",
                details(name, def.group(), def.plural(), null));
    }

    static ApiError namespaceNotFound(String namespace) {
        return of(404, "NotFound", "namespaces \"" + namespace + "\" not found",
                details(namespace, "", "namespaces", null));
    }

    static ApiError alreadyExists(ResourceDef def, String name) {
        return of(409, "AlreadyExists", qualified(def) + " \"" + name + "\" already exists",
                details(name, def.group(), def.plural(), null));
    }

    static ApiError conflict(ResourceDef def, String name, String why) {
        return of(409, "Conflict", "Operation cannot be fulfilled on " + qualified(def) + " \"" + name + "\": " + why,
                details(name, def.group(), def.plural(), null));
    }

    static ApiError modified(ResourceDef def, String name) {
        return conflict(def, name,
                "the object has been modified; please apply your changes to the latest version and try again");
    }

    static ApiError invalid(String group, String kind, String name, List<Cause> causes) {
        StringBuilder message = new StringBuilder();
        message.append(group.isEmpty() ? kind : kind + "." + group).append(" \"").append(name).append("\" is invalid: ");
        if (causes.size() == 1) {
            message.append(causes.get(0).field()).append(": ").append(causes.get(0).message());
        } else {
            message.append('[');
            for (int i = 0; i < causes.size(); i++) {
                message.append(i == 0 ? "" : ", ").append(causes.get(i).field()).append(": ")
                        .append(causes.get(i).message());
            }
            message.append(']');
        }
        return of(422, "Invalid", message.toString(), details(name, group, kind, causes));
    }

    static ApiError badRequest(String message) {
        return of(400, "BadRequest", message, null);
    }

    static ApiError methodNotAllowed(String message) {
        return of(405, "MethodNotAllowed", message, null);
    }

    static ApiError expired(String message) {
        return of(410, "Expired", message, null);
    }

    static ApiError forbidden(String message, String name, String group, String kind) {
        return of(403, "Forbidden", message, details(name, group, kind, null));
    }

    static ApiError unsupportedMediaType(String contentType) {
        return of(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media "
                + "types include: application/json-patch+json, application/merge-patch+json, "
                + "application/apply-patch+yaml, application/strategic-merge-patch+json", null);
    }

    /** {@code configmaps} or {@code deployments.apps}: how messages name a resource. */
    static String qualified(ResourceDef def) {
        return def.group().isEmpty() ? def.plural() : def.plural() + "." + def.group();
    }
}
