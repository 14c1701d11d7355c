package dev.kubeclient.meta;

import dev.kubeclient.rest.KubeRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts options records onto a request as query parameters and bodies, the way client-go's parameter codec does.
 * Shared by the typed and the dynamic clients so both look the same on the wire.
 */
public final class QueryParams {

    /** The only value {@code dryRun} takes. */
    public static final String DRY_RUN_ALL = "All";

    private QueryParams() {
    }

    /** Adds a get's {@code resourceVersion} to {@code request}; returns the same request. */
    public static KubeRequest get(KubeRequest request, GetOptions options) {
        return request.param("resourceVersion", options.resourceVersion());
    }

    /**
     * Adds a list's selectors, paging ({@code limit}, {@code continue}) and {@code resourceVersion} /
     * {@code resourceVersionMatch} to {@code request}; returns the same request.
     */
    public static KubeRequest list(KubeRequest request, ListOptions options) {
        request.param("labelSelector", options.labelSelector())
                .param("fieldSelector", options.fieldSelector())
                .param("limit", options.limit() == null ? null : options.limit().toString())
                .param("continue", options.continueToken())
                .param("resourceVersion", options.resourceVersion())
                .param("resourceVersionMatch", options.resourceVersionMatch() == null ? null : options.resourceVersionMatch().wireValue())
                .param("timeoutSeconds", options.timeoutSeconds() == null ? null : options.timeoutSeconds().toString());
        if (options.allowWatchBookmarks()) {
            request.param("allowWatchBookmarks", "true");
        }
        return request;
    }

    /** dryRun, fieldManager (the options' or else {@code defaultManager}) and fieldValidation. */
    /**
     * Adds a write's {@code dryRun}, {@code fieldValidation} and {@code fieldManager} to {@code request}, using
     * {@code defaultManager} (the config's field manager, may be null) when the options name none; returns the same
     * request.
     */
    public static KubeRequest write(KubeRequest request, WriteOptions options, String defaultManager) {
        if (options.dryRun()) {
            request.param("dryRun", DRY_RUN_ALL);
        }
        request.param("fieldManager", options.fieldManager() != null ? options.fieldManager() : defaultManager);
        if (options.fieldValidation() != null) {
            request.param("fieldValidation", options.fieldValidation().wireValue());
        }
        return request;
    }

    /**
     * DeleteOptions go in the body as client-go sends them; {@code dryRun} and {@code gracePeriodSeconds} are also
     * sent as query parameters, which the server reads the same way and which show up in audit logs and traces.
     */
    /**
     * Puts a delete's options on {@code request} as the server expects them: grace period, propagation policy,
     * preconditions and dry run in a {@code DeleteOptions} body; returns the same request.
     */
    public static KubeRequest delete(KubeRequest request, DeleteOptions options) {
        if (options.isEmpty()) {
            return request;
        }
        if (options.dryRun()) {
            request.param("dryRun", DRY_RUN_ALL);
        }
        if (options.gracePeriodSeconds() != null) {
            request.param("gracePeriodSeconds", options.gracePeriodSeconds().toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "v1");
        body.put("kind", "DeleteOptions");
        if (options.gracePeriodSeconds() != null) {
            body.put("gracePeriodSeconds", options.gracePeriodSeconds());
        }
        if (options.propagationPolicy() != null) {
            body.put("propagationPolicy", options.propagationPolicy().wireValue());
        }
        if (options.preconditionUid() != null || options.preconditionResourceVersion() != null) {
            Map<String, Object> preconditions = new LinkedHashMap<>();
            if (options.preconditionUid() != null) {
                preconditions.put("uid", options.preconditionUid());
            }
            if (options.preconditionResourceVersion() != null) {
                preconditions.put("resourceVersion", options.preconditionResourceVersion());
            }
            body.put("preconditions", preconditions);
        }
        if (options.dryRun()) {
            body.put("dryRun", java.util.List.of(DRY_RUN_ALL));
        }
        return request.body(body);
    }

    /** Adds a pod log request's options (container, follow, tail, since, limit) to {@code request}. */
    public static KubeRequest log(KubeRequest request, LogOptions options) {
        request.param("container", options.container());
        if (options.follow()) {
            request.param("follow", "true");
        }
        if (options.previous()) {
            request.param("previous", "true");
        }
        if (options.timestamps()) {
            request.param("timestamps", "true");
        }
        return request.param("tailLines", options.tailLines() == null ? null : options.tailLines().toString())
                .param("sinceSeconds", options.sinceSeconds() == null ? null : options.sinceSeconds().toString())
                .param("sinceTime", options.sinceTime() == null ? null : options.sinceTime().toString())
                .param("limitBytes", options.limitBytes() == null ? null : options.limitBytes().toString());
    }
}
