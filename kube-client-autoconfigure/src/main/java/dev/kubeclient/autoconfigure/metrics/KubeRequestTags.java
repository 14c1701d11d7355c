package dev.kubeclient.autoconfigure.metrics;

import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.observation.RequestResult;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

/**
 * The tags of the {@code kube.client.requests} timer, in one place so the listener's timer and the Observation's
 * timer carry the same ones. Every value is bounded: the verb, the API group, the resource and subresource, the
 * status code, the outcome, the server's {@code host:port} and the error's class name; never an object name, a
 * namespace or a URL. The URL template is no tag: for discovery it holds the group name ({@code /apis/{group}}), which
 * CRDs make open-ended; it goes to traces only, as a high-cardinality key.
 */
public final class KubeRequestTags {

    /** The Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection. */
    public static final String VERB = "verb";
    /** The API group, {@code "core"} for the legacy group and {@code "none"} for non-resource paths. */
    public static final String GROUP = "group";
    /** The resource plural, or {@code "none"} for non-resource paths such as {@code /version}. */
    public static final String RESOURCE = "resource";
    /** The subresource (status, scale, log...), or {@code "none"}. */
    public static final String SUBRESOURCE = "subresource";
    /** The final HTTP status code, or {@code "none"} when no response arrived. */
    public static final String STATUS = "status";
    /** SUCCESS, CLIENT_ERROR, SERVER_ERROR... as Spring Boot's HTTP client meters; UNKNOWN without a response. */
    public static final String OUTCOME = "outcome";
    /** The API server's {@code host:port}. */
    public static final String HOST = "host";
    /** The simple class name of the failure when no response arrived, otherwise {@code "none"}. */
    public static final String ERROR = "error";

    private static final String NONE = "none";

    private KubeRequestTags() {
    }

    /** What the request is about: verb, group, resource, subresource and host. */
    public static Tags request(RequestInfo request) {
        return Tags.of(Tag.of(VERB, request.verb()), Tag.of(GROUP, group(request)),
                Tag.of(RESOURCE, orNone(request.resource())), Tag.of(SUBRESOURCE, subresource(request)),
                Tag.of(HOST, orNone(request.host())));
    }

    /**
     * The subresource's first segment: a proxy request ({@code pods/{name}/proxy/any/path}) is {@code proxy}, so
     * the path behind it never becomes a tag value.
     */
    public static String subresource(RequestInfo request) {
        String subresource = request.subresource();
        int slash = subresource == null ? -1 : subresource.indexOf('/');
        return orNone(slash < 0 ? subresource : subresource.substring(0, slash));
    }

    /**
     * A bounded name for a path outside the resource API, for span names: discovery paths with their group and
     * version as placeholders ({@code /apis/{group}/{version}}: CRD groups are open-ended), anything else cut to its
     * first two segments ({@code /openapi/v3/{path}}). Resource paths are named by their resource instead.
     */
    public static String nonResourcePath(RequestInfo request) {
        String[] segments = request.urlTemplate().replaceFirst("^/+", "").split("/");
        if (segments[0].equals("apis") && segments.length == 3) {
            return "/apis/{group}/{version}";
        }
        if (segments[0].equals("apis") && segments.length == 2) {
            return "/apis/{group}";
        }
        if (segments[0].equals("api") && segments.length == 2) {
            return "/api/{version}";
        }
        if (segments.length <= 2) {
            return "/" + String.join("/", segments);
        }
        return "/" + segments[0] + "/" + segments[1] + "/{path}";
    }

    /** The request's tags and how it ended: status, outcome and error. */
    public static Tags finished(RequestInfo request, RequestResult result) {
        return request(request).and(Tag.of(STATUS, status(result)), Tag.of(OUTCOME, outcome(result)),
                Tag.of(ERROR, error(result)));
    }

    /** The status code as text, {@code "none"} without a response. */
    public static String status(RequestResult result) {
        return result == null || result.statusCode() == 0 ? NONE : Integer.toString(result.statusCode());
    }

    /** Spring Boot's outcome names for a status code; UNKNOWN when no response arrived. */
    public static String outcome(RequestResult result) {
        int code = result == null ? 0 : result.statusCode();
        if (code >= 100 && code < 200) {
            return "INFORMATIONAL";
        }
        if (code >= 200 && code < 300) {
            return "SUCCESS";
        }
        if (code >= 300 && code < 400) {
            return "REDIRECTION";
        }
        if (code >= 400 && code < 500) {
            return "CLIENT_ERROR";
        }
        if (code >= 500 && code < 600) {
            return "SERVER_ERROR";
        }
        return "UNKNOWN";
    }

    /** The failure's class name, {@code "none"} when a response arrived. */
    public static String error(RequestResult result) {
        return result == null || result.error() == null ? NONE : result.error();
    }

    /** The API group: {@code "core"} for the legacy {@code /api} group, {@code "none"} outside the resource API. */
    public static String group(RequestInfo request) {
        if (!request.group().isEmpty()) {
            return request.group();
        }
        return request.resource().isEmpty() ? NONE : "core";
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }
}
