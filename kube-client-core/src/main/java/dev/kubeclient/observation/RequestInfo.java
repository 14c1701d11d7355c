package dev.kubeclient.observation;

import java.util.Objects;

/**
 * What a request is about, in bounded terms fit for metric tags: the Kubernetes verb, the resource and a URL
 * template in which namespaces and names are placeholders ({@code /api/v1/namespaces/{namespace}/pods/{name}}),
 * as client-go reports it. Never carries an object name, a namespace or a query string.
 *
 * @param verb the Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection, or the
 *             lower-case HTTP method for non-resource paths
 * @param method the HTTP method
 * @param group the API group, {@code ""} for core and for non-resource paths
 * @param version the API version, {@code ""} for non-resource paths
 * @param resource the resource plural, {@code ""} for non-resource paths
 * @param subresource the subresource (status, scale, log...), {@code ""} if none
 * @param urlTemplate the path with namespace and name replaced by placeholders
 * @param host the server's {@code host:port}
 */
public record RequestInfo(String verb, String method, String group, String version, String resource,
                          String subresource, String urlTemplate, String host) {

    public RequestInfo {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(method, "method");
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        resource = resource == null ? "" : resource;
        subresource = subresource == null ? "" : subresource;
        Objects.requireNonNull(urlTemplate, "urlTemplate");
        host = host == null ? "" : host;
    }
}
