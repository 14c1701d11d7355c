package dev.kubeclient.clientset;

import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.ObjectDecoder;
import dev.kubeclient.scheme.ResourceType;
import dev.kubeclient.scheme.Scheme;
import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import tools.jackson.databind.JavaType;

import java.util.Objects;

/**
 * Builds typed clients from a {@link Scheme} over one {@link KubeRestClient}. The generated group-version clients
 * call it for built-ins; {@link #resources(Class)} serves any annotated class, built-in or custom. Thread-safe.
 */
public final class TypedClients {

    private final KubeRestClient rest;
    private final Scheme scheme;
    private final ObjectDecoder decoder;

    /** Clients over {@code rest} resolving classes through {@code scheme}. */
    public TypedClients(KubeRestClient rest, Scheme scheme) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.decoder = new ObjectDecoder(scheme, rest.json().mapper());
    }

    /** The REST client every typed client sends through. */
    public KubeRestClient rest() {
        return rest;
    }

    /** The scheme. */
    public Scheme scheme() {
        return scheme;
    }

    /** Decodes any object into the class its apiVersion/kind maps to in the scheme. */
    public ObjectDecoder decoder() {
        return decoder;
    }

    /** A client with a typed list class; {@code namespace} is {@code null} for cluster-scoped resources. */
    public <T extends HasMetadata, L extends KubernetesResourceList<T>> ResourceClient<T, L> resourceClient(
            Class<T> type, Class<L> listType, String namespace) {
        return new ResourceClient<>(rest, scheme.resourceType(type), constructType(listType), namespace);
    }

    /** A client for a resource with a scale subresource. */
    public <T extends HasMetadata, L extends KubernetesResourceList<T>> ScalableResourceClient<T, L> scalableClient(
            Class<T> type, Class<L> listType, String namespace) {
        return new ScalableResourceClient<>(rest, scheme.resourceType(type), constructType(listType), namespace);
    }

    /** The Pod client of a namespace ({@code ""}: all namespaces, for reads). */
    public PodClient podClient(String namespace) {
        return new PodClient(rest, scheme.resourceType(Pod.class), constructType(PodList.class), namespace);
    }

    /** A create-only client (review kinds). */
    public <T extends HasMetadata> CreateOnlyClient<T> createOnlyClient(Class<T> type, String namespace) {
        return new CreateOnlyClient<>(rest, scheme.resourceType(type), namespace);
    }

    /**
     * A client for any resource class, read from the scheme or, for a class it does not know yet, from its
     * annotations; lists come back as {@link DefaultKubernetesResourceList}. A namespaced class gets a client over all
     * namespaces (for list and watch); use {@link #resources(Class, String)} to write.
     *
     * @throws IllegalArgumentException if the class lacks {@code @Group}/{@code @Version}
     */
    public <T extends HasMetadata> ResourceClient<T, DefaultKubernetesResourceList<T>> resources(Class<T> type) {
        ResourceType<T> resourceType = scheme.resourceType(type);
        return resources(type, resourceType.namespaced() ? "" : null);
    }

    /**
     * A client for a namespaced resource class in {@code namespace}.
     *
     * @throws IllegalArgumentException if the class lacks annotations, or is cluster-scoped and a namespace is given
     */
    public <T extends HasMetadata> ResourceClient<T, DefaultKubernetesResourceList<T>> resources(Class<T> type, String namespace) {
        ResourceType<T> resourceType = scheme.resourceType(type);
        JavaType listType = rest.json().mapper().getTypeFactory()
                .constructParametricType(DefaultKubernetesResourceList.class, type);
        return new ResourceClient<>(rest, resourceType, listType, namespace);
    }

    private JavaType constructType(Class<?> type) {
        return rest.json().mapper().constructType(type);
    }
}
