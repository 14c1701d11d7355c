package dev.kubeclient.dynamic;

import dev.kubeclient.clientset.DeleteOptions;
import dev.kubeclient.clientset.GetOptions;
import dev.kubeclient.clientset.ListOptions;
import dev.kubeclient.clientset.WriteOptions;
import dev.kubeclient.rest.KubeRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the shared options records ({@code dev.kubeclient.clientset}) on a request, with the same query parameters
 * and DeleteOptions body the typed client sends (client-go's parameter codec), so both clients look alike on the
 * wire.
 */
final class OptionParams {

    private static final String DRY_RUN_ALL = "All";

    private OptionParams() {
    }

    static KubeRequest get(KubeRequest request, GetOptions options) {
        return request.param("resourceVersion", options.resourceVersion());
    }

    static KubeRequest list(KubeRequest request, ListOptions options) {
        request.param("labelSelector", options.labelSelector())
                .param("fieldSelector", options.fieldSelector())
                .param("limit", options.limit() == null ? null : options.limit().toString())
                .param("continue", options.continueToken())
                .param("resourceVersion", options.resourceVersion())
                .param("resourceVersionMatch", options.resourceVersionMatch() == null ? null
                        : options.resourceVersionMatch().wireValue())
                .param("timeoutSeconds", options.timeoutSeconds() == null ? null : options.timeoutSeconds().toString());
        if (options.allowWatchBookmarks()) {
            request.param("allowWatchBookmarks", "true");
        }
        return request;
    }

    /** dryRun, fieldManager (the options' or else the configuration's) and fieldValidation. */
    static KubeRequest write(KubeRequest request, WriteOptions options, String defaultManager) {
        if (options.dryRun()) {
            request.param("dryRun", DRY_RUN_ALL);
        }
        request.param("fieldManager", options.fieldManager() != null ? options.fieldManager() : defaultManager);
        if (options.fieldValidation() != null) {
            request.param("fieldValidation", options.fieldValidation().wireValue());
        }
        return request;
    }

    /** DeleteOptions as a JSON body (as client-go sends them), dryRun and gracePeriodSeconds also as parameters. */
    static KubeRequest delete(KubeRequest request, DeleteOptions options) {
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
            body.put("dryRun", List.of(DRY_RUN_ALL));
        }
        return request.body(UnstructuredJson.write(body));
    }
}
