package dev.kubeclient.clientset;

import dev.kubeclient.meta.CreateOptions;
import dev.kubeclient.meta.QueryParams;

import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.ResourceType;
import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.JavaType;

import java.util.Objects;

/**
 * The client of a create-only kind: the review resources (TokenReview, SubjectAccessReview,
 * SelfSubjectAccessReview, ...) and Binding. The server answers a create with the object, its status filled in.
 *
 * @param <T> the review type
 */
public final class CreateOnlyClient<T extends HasMetadata> {

    private final KubeRestClient rest;
    private final ResourceScope scope;
    private final TypedDecoder<T> decoder;

    CreateOnlyClient(KubeRestClient rest, ResourceType<T> type, String namespace) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.scope = ResourceScope.of(type, namespace);
        JavaType javaType = rest.json().mapper().constructType(type.type());
        this.decoder = new TypedDecoder<>(rest.json().mapper(), javaType);
    }

    /** Sends {@code review} and returns the server's answer (for reviews: with {@code status} filled in). */
    public T create(T review) {
        return create(review, CreateOptions.DEFAULTS);
    }

    /** Sends {@code review} and returns the server's answer. */
    public T create(T review, CreateOptions options) {
        Objects.requireNonNull(review, "review");
        scope.checkNamespaceOf(review);
        var request = QueryParams.write(scope.create(rest.post()), options, rest.config().fieldManager()).body(review);
        return decoder.decode(request);
    }

    @Override
    public String toString() {
        return "CreateOnlyClient[" + scope + "]";
    }
}
