package dev.kubeclient.clientset;

import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.ResourceType;
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
        super(rest, type, listType, namespace);
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
     * Evicts the pod (POST {@code policy/v1} Eviction to {@code pods/{name}/eviction}), which unlike a delete
     * respects PodDisruptionBudgets: a 429 answer means a budget forbids it now.
     */
    public void evict(String name, DeleteOptions options) {
        Objects.requireNonNull(options, "options");
        Eviction eviction = new Eviction();
        eviction.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace()).build());
        if (!options.isEmpty()) {
            eviction.setDeleteOptions(deleteOptions(options));
        }
        scope.object(rest.post(), name).subresource("eviction").body(eviction).execute().close();
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
