package dev.kubeclient.sample;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.discovery.RestMapper;
import dev.kubeclient.discovery.RestMapping;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.Unstructured;
import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.rest.PatchType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample's JSON endpoints, each showing one way to use the clients the starter provides:
 * <ul>
 *   <li>{@code GET /pods?labelSelector=app=web}: a paged list through the typed {@code Clientset};</li>
 *   <li>{@code GET /resources/deploy}: any resource by kind, plural or short name, resolved through discovery and
 *       the RESTMapper and listed through the dynamic client;</li>
 *   <li>{@code PATCH /configmaps/{name}?type=merge|strategic|json|apply}: set data keys with the patch type asked
 *       for;</li>
 *   <li>{@code POST /configmaps/{name}/increment?key=counter}: a get-modify-update that the starter's
 *       conflict-retry template runs again when another writer wins the race.</li>
 * </ul>
 * Kubernetes errors become HTTP answers in {@link ApiErrorAdvice}.
 */
@RestController
class ClusterController {

    private final Clientset clientset;
    private final DynamicClient dynamic;
    private final RestMapper mapper;
    private final RetryTemplate conflictRetry;
    private final String namespace;
    private final String fieldManager;

    ClusterController(Clientset clientset, DynamicClient dynamic, RestMapper mapper, RestConfig config,
                      @Qualifier("kubeConflictRetryTemplate") RetryTemplate conflictRetry) {
        this.clientset = clientset;
        this.dynamic = dynamic;
        this.mapper = mapper;
        this.conflictRetry = conflictRetry;
        this.namespace = config.namespace();
        this.fieldManager = config.fieldManager();
    }

    /** One row of {@code GET /pods}. */
    record PodSummary(String name, String namespace, String phase, Map<String, String> labels) {
    }

    @GetMapping("/pods")
    List<PodSummary> pods(@RequestParam(required = false) String labelSelector,
                          @RequestParam(required = false) String namespace) {
        // listAll pages through the result (100 at a time here) instead of holding one huge answer.
        ListOptions options = ListOptions.builder().labelSelector(labelSelector).limit(100L).build();
        return clientset.coreV1().pods(namespace != null ? namespace : this.namespace).listAll(options)
                .map(ClusterController::summary).toList();
    }

    private static PodSummary summary(Pod pod) {
        return new PodSummary(pod.getMetadata().getName(), pod.getMetadata().getNamespace(),
                pod.getStatus() == null ? null : pod.getStatus().getPhase(),
                pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels());
    }

    /** The answer of {@code GET /resources/{resource}}. */
    record ResourceListing(String resource, String group, String version, String kind, boolean namespaced,
                           List<Map<String, String>> items) {
    }

    @GetMapping("/resources/{resource}")
    ResourceListing resources(@PathVariable String resource, @RequestParam(required = false) String namespace) {
        RestMapping mapping = mapper.resourceFor(resource);
        var client = dynamic.resource(mapping.resource());
        List<Unstructured> items = mapping.namespaced()
                ? client.namespace(namespace != null ? namespace : this.namespace).list(ListOptions.DEFAULTS).items()
                : client.list(ListOptions.DEFAULTS).items();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Unstructured item : items) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", item.name());
            if (item.namespace() != null) {
                row.put("namespace", item.namespace());
            }
            rows.add(row);
        }
        return new ResourceListing(mapping.resource().resource(), mapping.resource().group(),
                mapping.resource().version(), mapping.kind().kind(), mapping.namespaced(), rows);
    }

    @PatchMapping("/configmaps/{name}")
    Map<String, String> patchConfigMap(@PathVariable String name, @RequestParam(defaultValue = "merge") String type,
                                       @RequestBody Map<String, String> data) {
        var configMaps = clientset.coreV1().configMaps(namespace);
        ConfigMap patched = switch (type) {
            // For a map such as data, a JSON merge patch and a strategic merge patch have the same effect.
            case "merge" -> configMaps.patch(name, PatchType.MERGE, Map.of("data", data));
            case "strategic" -> configMaps.patch(name, PatchType.STRATEGIC_MERGE, Map.of("data", data));
            case "json" -> configMaps.patch(name, PatchType.JSON_PATCH, jsonPatch(data));
            // Applied under a manager of its own, so that the keys the start-up apply owns are not released.
            case "apply" -> configMaps.apply(new ConfigMapBuilder().withNewMetadata().withName(name)
                            .withNamespace(namespace).endMetadata().withData(data).build(),
                    ApplyOptions.builder().fieldManager(fieldManager + "-api").build());
            default -> throw new IllegalArgumentException("unknown patch type '" + type
                    + "': use merge, strategic, json or apply");
        };
        return patched.getData();
    }

    private static List<Map<String, Object>> jsonPatch(Map<String, String> data) {
        List<Map<String, Object>> ops = new ArrayList<>();
        data.forEach((key, value) -> ops.add(Map.of("op", "add",
                "path", "/data/" + key.replace("~", "~0").replace("/", "~1"), "value", value)));
        return ops;
    }

    @PostMapping("/configmaps/{name}/increment")
    Map<String, String> increment(@PathVariable String name, @RequestParam(defaultValue = "counter") String key)
            throws RetryException {
        var configMaps = clientset.coreV1().configMaps(namespace);
        ConfigMap updated = conflictRetry.execute(() -> {
            // Read, change, write with the resourceVersion just read: a 409 means someone else wrote in between,
            // and the template runs this block again on a fresh copy.
            ConfigMap current = configMaps.get(name);
            Map<String, String> data = current.getData() == null ? new LinkedHashMap<>()
                    : new LinkedHashMap<>(current.getData());
            data.merge(key, "1", (old, one) -> Long.toString(Long.parseLong(old) + 1));
            current.setData(data);
            return configMaps.update(current);
        });
        return updated.getData();
    }
}
