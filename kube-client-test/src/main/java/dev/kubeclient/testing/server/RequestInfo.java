package dev.kubeclient.testing.server;

import java.util.Set;

/**
 * A resource request's parts, parsed from its path the way the API server's request-info resolver does:
 * {@code /api/v1/namespaces/{ns}/{resource}/{name}/{subresource}} and {@code /apis/{group}/{version}/...}.
 *
 * @param group       API group ({@code ""} for core)
 * @param version     API version
 * @param namespace   the namespace in the path, or {@code null}
 * @param resource    the resource (plural) name
 * @param name        the object name, or {@code null} for collection requests
 * @param subresource the subresource, or {@code null}
 * @param verb        get, list, watch, create, update, patch, delete or deletecollection
 */
record RequestInfo(String group, String version, String namespace, String resource, String name, String subresource,
                   String verb) {

    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    /** Parses a resource path; {@code null} when the path is not a resource path. */
    static RequestInfo parse(String method, String path, boolean watchParam) {
        String[] parts = trim(path).split("/");
        int i;
        String group;
        String version;
        if (parts.length >= 3 && parts[0].equals("api")) {
            group = "";
            version = parts[1];
            i = 2;
        } else if (parts.length >= 4 && parts[0].equals("apis")) {
            group = parts[1];
            version = parts[2];
            i = 3;
        } else {
            return null;
        }
        String[] rest = java.util.Arrays.copyOfRange(parts, i, parts.length);
        boolean watchPath = false;
        if (rest.length > 0 && rest[0].equals("watch")) {
            watchPath = true;
            rest = java.util.Arrays.copyOfRange(rest, 1, rest.length);
        }
        if (rest.length == 0 || rest[0].isEmpty()) {
            return null;
        }
        String namespace = null;
        if (rest[0].equals("namespaces") && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.contains(rest[2])) {
            namespace = rest[1];
            rest = java.util.Arrays.copyOfRange(rest, 2, rest.length);
        }
        String resource = rest[0];
        String name = rest.length > 1 ? rest[1] : null;
        String sub = rest.length > 2 ? rest[2] : null;
        if (rest.length > 3) {
            return null;
        }
        if (resource.equals("namespaces") && namespace == null && name != null) {
            namespace = null;
        }
        String verb = switch (method) {
            case "GET", "HEAD" -> name == null ? (watchParam || watchPath ? "watch" : "list")
                    : (watchParam || watchPath ? "watch" : "get");
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name == null ? "deletecollection" : "delete";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
        return new RequestInfo(group, version, namespace, resource, name, sub, verb);
    }

    private static String trim(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** {@code pods} or {@code pods/status}: the resource as authorization and messages name it. */
    String resourceWithSub() {
        return subresource == null ? resource : resource + "/" + subresource;
    }
}
