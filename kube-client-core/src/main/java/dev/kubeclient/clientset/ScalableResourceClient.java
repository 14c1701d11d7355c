package dev.kubeclient.clientset;

import dev.kubeclient.meta.QueryParams;
import dev.kubeclient.meta.UpdateOptions;

import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.ResourceType;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import tools.jackson.databind.JavaType;

import java.util.Objects;

/**
 * A {@link ResourceClient} for resources with a {@code scale} subresource (Deployments, ReplicaSets, StatefulSets,
 * ReplicationControllers): read and change the replica count without touching the rest of the object.
 */
public final class ScalableResourceClient<T extends HasMetadata, L extends KubernetesResourceList<T>>
        extends ResourceClient<T, L> {

    private final TypedDecoder<Scale> scaleDecoder;

    ScalableResourceClient(KubeRestClient rest, ResourceType<T> type, JavaType listType, String namespace) {
        super(rest, type, listType, namespace, rest.json().mapper());
        this.scaleDecoder = new TypedDecoder<>(rest.json().mapper(), rest.json().mapper().constructType(Scale.class));
    }

    /** The {@code autoscaling/v1} Scale of the object named {@code name}: desired and current replicas. */
    public Scale scale(String name) {
        return scaleDecoder.decode(scope.object(rest.get(), name).subresource("scale"));
    }

    /** Sets the replicas through the {@code scale} subresource (PUT); {@code scale.spec.replicas} is what counts. */
    public Scale updateScale(String name, Scale scale) {
        return updateScale(name, scale, UpdateOptions.DEFAULTS);
    }

    /** Sets the replicas through the {@code scale} subresource (PUT). */
    public Scale updateScale(String name, Scale scale, UpdateOptions options) {
        Objects.requireNonNull(scale, "scale");
        var request = QueryParams.write(scope.object(rest.put(), name).subresource("scale"), options, defaultFieldManager())
                .body(scale);
        return scaleDecoder.decode(request);
    }
}
