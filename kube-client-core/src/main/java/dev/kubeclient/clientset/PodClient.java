package dev.kubeclient.clientset;

import dev.kubeclient.meta.LogOptions;

import dev.kubeclient.meta.DeleteOptions;
import dev.kubeclient.meta.QueryParams;

import dev.kubeclient.errors.BadRequestException;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.ResourceType;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import tools.jackson.databind.JavaType;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A {@link ResourceClient} for Pods with the {@code log} and {@code eviction} subresources. */
public final class PodClient extends ResourceClient<Pod, PodList> {

    PodClient(KubeRestClient rest, ResourceType<Pod> type, JavaType listType, String namespace) {
        super(rest, type, listType, namespace, rest.json().mapper());
    }

    /**
     * The log of a pod's container as a stream; with {@link LogOptions#follow()} it stays open and delivers new
     * lines as they are written. Close it to end the request; reading honours interruption through the transport.
     */
    public InputStream log(String name, LogOptions options) {
        Objects.requireNonNull(options, "options");
        return QueryParams.log(scope.object(rest.get(), name).subresource("log"), options).stream();
    }

    /** The whole log (not followed) as text; for short logs, see {@link #log(String, LogOptions)} otherwise. */
    public String logText(String name, LogOptions options) {
        if (options.follow()) {
            throw new IllegalArgumentException("logText reads to the end of the log; with follow=true use log(...) and read the stream");
        }
        return new String(QueryParams.log(scope.object(rest.get(), name).subresource("log"), options).bytes(),
                StandardCharsets.UTF_8);
    }

    /**
     * Evicts the pod (POST an Eviction to {@code pods/{name}/eviction}), which unlike a delete respects
     * PodDisruptionBudgets: a 429 answer means a budget forbids it now. Sends {@code policy/v1}; a server older than
     * 1.22 refuses that with 400, and then, as kubectl drain does, the version the server's discovery names for
     * {@code pods/eviction} ({@code policy/v1beta1}) is used instead.
     */
    public void evict(String name, DeleteOptions options) {
        Objects.requireNonNull(options, "options");
        ObjectMeta metadata = new ObjectMetaBuilder().withName(name).withNamespace(namespace()).build();
        var deleteOptions = options.isEmpty() ? null : deleteOptions(options);
        Eviction eviction = new Eviction();
        eviction.setMetadata(metadata);
        eviction.setDeleteOptions(deleteOptions);
        try {
            scope.object(rest.post(), name).subresource("eviction").body(eviction).execute().close();
        } catch (BadRequestException refused) {
            if (!"v1beta1".equals(servedEvictionVersion())) {
                throw refused;
            }
            var legacy = new io.fabric8.kubernetes.api.model.policy.v1beta1.Eviction();
            legacy.setMetadata(metadata);
            legacy.setDeleteOptions(deleteOptions);
            scope.object(rest.post(), name).subresource("eviction").body(legacy).execute().close();
        }
    }

    /** The version of {@code policy} Eviction the server takes on {@code pods/eviction}, from core/v1 discovery. */
    private String servedEvictionVersion() {
        return rest.get().absPath("/api/v1").as(APIResourceList.class).getResources().stream()
                .filter(r -> "pods/eviction".equals(r.getName()))
                .map(r -> r.getVersion())
                .findFirst().orElse(null);
    }

    private static io.fabric8.kubernetes.api.model.DeleteOptions deleteOptions(DeleteOptions options) {
        var body = new io.fabric8.kubernetes.api.model.DeleteOptions();
        body.setApiVersion("v1");
        body.setKind("DeleteOptions");
        body.setGracePeriodSeconds(options.gracePeriodSeconds());
        if (options.propagationPolicy() != null) {
            body.setPropagationPolicy(options.propagationPolicy().wireValue());
        }
        if (options.preconditionUid() != null || options.preconditionResourceVersion() != null) {
            body.setPreconditions(new io.fabric8.kubernetes.api.model.Preconditions(
                    options.preconditionResourceVersion(), options.preconditionUid()));
        }
        if (options.dryRun()) {
            body.setDryRun(java.util.List.of(QueryParams.DRY_RUN_ALL));
        }
        return body;
    }
}
