package dev.kubeclient.rest;

import dev.kubeclient.observation.RequestInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The structured parts of a request path (group, version, namespace, resource, name, subresource), built from the
 * request's fluent setters or parsed from an absolute path, and the bounded {@link RequestInfo} derived from them.
 */
record RequestPath(List<String> prefix, String group, String version, String namespace, String resource,
                   String name, List<String> subresource, boolean resourcePath) {

    // The namespace object's own subresources: /api/v1/namespaces/{name}/status is not a namespaced resource.
    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    /** Every path segment, unencoded, in order. */
    List<String> segments() {
        List<String> s = new ArrayList<>(prefix);
        if (namespace != null && !namespace.isEmpty()) {
            s.add("namespaces");
            s.add(namespace);
        }
        if (resource != null) {
            s.add(resource);
        }
        if (name != null) {
            s.add(name);
        }
        s.addAll(subresource);
        return s;
    }

    /** The path with the namespace and name replaced by placeholders, as client-go reports it. */
    String template() {
        if (!resourcePath) {
            return "/" + String.join("/", prefix);
        }
        List<String> s = new ArrayList<>(prefix);
        if (namespace != null && !namespace.isEmpty()) {
            s.add("namespaces");
            s.add("{namespace}");
        }
        if (resource != null) {
            s.add(resource);
        }
        if (name != null) {
            s.add("{name}");
        }
        s.addAll(subresource);
        return "/" + String.join("/", s);
    }

    /** The Kubernetes verb of a request with this path and HTTP method. */
    String verb(String method, boolean watch) {
        if (!resourcePath) {
            return method.toLowerCase(java.util.Locale.ROOT);
        }
        if (watch) {
            return "watch";
        }
        boolean named = name != null;
        return switch (method) {
            case "GET", "HEAD" -> named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    }

    RequestInfo info(String verb, String method, String host) {
        return new RequestInfo(verb, method, group, version, resource, String.join("/", subresource),
                template(), host);
    }

    /**
     * Reads the resource parts out of an absolute path the way the API server's request-info resolver does:
     * {@code /api/v1/...} and {@code /apis/g/v/...} are resource paths, anything else ({@code /version},
     * {@code /openapi/v2}) is kept as is.
     */
    static RequestPath parse(List<String> segments) {
        String group;
        String version;
        int start;
        if (segments.size() >= 2 && segments.get(0).equals("api")) {
            group = "";
            version = segments.get(1);
            start = 2;
        } else if (segments.size() >= 3 && segments.get(0).equals("apis")) {
            group = segments.get(1);
            version = segments.get(2);
            start = 3;
        } else {
            return new RequestPath(List.copyOf(segments), "", "", null, null, null, List.of(), false);
        }
        List<String> prefix = List.copyOf(segments.subList(0, start));
        List<String> rest = segments.subList(start, segments.size());
        if (rest.isEmpty()) {
            // Discovery of one group version (/apis/apps/v1): not a resource request.
            return new RequestPath(prefix, group, version, null, null, null, List.of(), false);
        }
        String namespace = null;
        if (rest.get(0).equals("namespaces") && rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        String resource = rest.get(0);
        String name = rest.size() > 1 ? rest.get(1) : null;
        List<String> sub = rest.size() > 2 ? List.copyOf(rest.subList(2, rest.size())) : List.of();
        return new RequestPath(prefix, group, version, namespace, resource, name, sub, true);
    }

    /** Splits path strings on '/' and drops empty segments, so "/api/v1" and ("api", "v1") mean the same. */
    static List<String> split(String... parts) {
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            Arrays.stream(part.split("/")).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
