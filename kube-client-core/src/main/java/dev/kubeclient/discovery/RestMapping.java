package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersionKind;
import dev.kubeclient.scheme.GroupVersionResource;

/**
 * Where a kind is served: its resource, its kind and whether it is namespaced (client-go's {@code RESTMapping}).
 *
 * @param resource the group-version-resource to call
 * @param kind     the group-version-kind of its objects
 * @param scope    namespaced or cluster-scoped
 */
public record RestMapping(GroupVersionResource resource, GroupVersionKind kind, Scope scope) {

    /** Requires every part. */
    public RestMapping {
        if (resource == null || kind == null || scope == null) {
            throw new IllegalArgumentException("resource, kind and scope are all required");
        }
    }

    /** Whether objects of this resource live in a namespace. */
    public boolean namespaced() {
        return scope == Scope.NAMESPACED;
    }
}
