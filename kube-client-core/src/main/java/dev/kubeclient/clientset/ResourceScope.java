package dev.kubeclient.clientset;

import dev.kubeclient.rest.KubeRequest;
import dev.kubeclient.scheme.ResourceType;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Where a typed client's requests go: one resource, in one namespace, in all namespaces, or cluster-wide. Builds
 * the path part of each request and checks that a call names what it needs before anything is sent.
 */
record ResourceScope(ResourceType<?> type, String namespace) {

    static ResourceScope of(ResourceType<?> type, String namespace) {
        if (type.namespaced()) {
            if (namespace == null) {
                throw new IllegalArgumentException(type.resource() + " (" + type.kind() + ") is namespaced: name a namespace, "
                        + "or \"\" to list and watch across all namespaces");
            }
            return new ResourceScope(type, namespace);
        }
        if (namespace != null && !namespace.isEmpty()) {
            throw new IllegalArgumentException(type.resource() + " (" + type.kind() + ") is cluster-scoped; it cannot be "
                    + "addressed in namespace '" + namespace + "'");
        }
        return new ResourceScope(type, null);
    }

    /** The collection: {@code /apis/g/v[/namespaces/ns]/resource}; all namespaces when none is set. */
    KubeRequest collection(KubeRequest request) {
        return request.group(type.kind().group()).version(type.kind().version())
                .namespace(namespace).resource(type.resource());
    }

    /** One object; needs a namespace for namespaced resources. */
    KubeRequest object(KubeRequest request, String name) {
        requireName(name);
        requireNamespace("address " + type.resource() + "/" + name);
        return collection(request).name(name);
    }

    /** The collection for a create; needs a namespace for namespaced resources. */
    KubeRequest create(KubeRequest request) {
        requireNamespace("create " + type.resource());
        return collection(request);
    }

    /**
     * The object's name, after checking that its namespace (if set) agrees with this scope's, as the API server would
     * reject a mismatch.
     */
    String nameOf(HasMetadata object, String verb) {
        ObjectMeta meta = object.getMetadata();
        String name = meta == null ? null : meta.getName();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("cannot " + verb + " a " + type.kind().kind() + " without metadata.name");
        }
        checkNamespaceOf(object);
        return name;
    }

    void checkNamespaceOf(HasMetadata object) {
        ObjectMeta meta = object.getMetadata();
        String objectNamespace = meta == null ? null : meta.getNamespace();
        if (objectNamespace != null && !objectNamespace.isEmpty() && namespace != null && !namespace.isEmpty()
                && !objectNamespace.equals(namespace)) {
            throw new IllegalArgumentException("the object's metadata.namespace '" + objectNamespace
                    + "' does not match the client's namespace '" + namespace + "'");
        }
    }

    private void requireNamespace(String what) {
        if (type.namespaced() && (namespace == null || namespace.isEmpty())) {
            throw new IllegalArgumentException("cannot " + what + " across all namespaces: " + type.resource()
                    + " is namespaced, so use a client for one namespace");
        }
    }

    private void requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("the name of a " + type.kind().kind() + " must not be empty");
        }
    }

    @Override
    public String toString() {
        return type.groupVersionResource() + (namespace == null ? "" : namespace.isEmpty() ? " in all namespaces" : " in " + namespace);
    }
}
