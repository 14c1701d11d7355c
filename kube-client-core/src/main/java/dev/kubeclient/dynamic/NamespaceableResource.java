package dev.kubeclient.dynamic;

/**
 * A resource at cluster scope that can be narrowed to a namespace (client-go's
 * {@code NamespaceableResourceInterface}): its own verbs address cluster-scoped objects, or all namespaces for
 * {@code list} and {@code watch} of a namespaced resource.
 */
public interface NamespaceableResource extends DynamicResource {

    /**
     * The same resource in one namespace.
     *
     * @throws IllegalArgumentException when the namespace is blank
     */
    DynamicResource namespace(String namespace);
}
