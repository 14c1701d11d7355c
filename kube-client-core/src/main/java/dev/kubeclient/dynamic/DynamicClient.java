package dev.kubeclient.dynamic;

import dev.kubeclient.scheme.GroupVersionResource;
import dev.kubeclient.rest.KubeRestClient;

import java.util.Objects;

/**
 * Reads and writes any resource by {@link GroupVersionResource}, with {@link Unstructured} objects: client-go's
 * {@code dynamic.Interface}. Built on a shared {@link KubeRestClient}, so rate limiting, retries, auth and the
 * listener are those of the other clients.
 *
 * <pre>{@code
 * DynamicClient dynamic = DynamicClient.create(rest);
 * Unstructured cm = dynamic.resource(GroupVersionResource.parse("v1/configmaps")).namespace("prod").get("settings");
 * }</pre>
 * Pair it with a {@link dev.kubeclient.discovery.RestMapper} to go from a kind or a kubectl name to the resource.
 * Thread-safe and cheap; it holds nothing but the REST client.
 */
public final class DynamicClient {

    private final KubeRestClient rest;

    private DynamicClient(KubeRestClient rest) {
        this.rest = rest;
    }

    /** A dynamic client sending through {@code rest} (which the caller keeps owning and closes). */
    public static DynamicClient create(KubeRestClient rest) {
        return new DynamicClient(Objects.requireNonNull(rest, "rest client"));
    }

    /** The verbs on a resource, at cluster scope until narrowed with {@link NamespaceableResource#namespace}. */
    public NamespaceableResource resource(GroupVersionResource resource) {
        return new DynamicResourceClient(rest, Objects.requireNonNull(resource, "resource"), null);
    }

    @Override
    public String toString() {
        return "DynamicClient[" + rest.config().server() + "]";
    }
}
