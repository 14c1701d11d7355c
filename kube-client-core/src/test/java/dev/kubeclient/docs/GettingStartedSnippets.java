package dev.kubeclient.docs;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.clientset.Widget;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.config.RestConfigs;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.flowcontrol.Backoff;
import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.retry.Retry;
import dev.kubeclient.watch.ResilientWatcher;
import dev.kubeclient.watch.WatchEvent;
import dev.kubeclient.watch.WatchHandler;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;

import java.util.List;

/**
 * The Java examples of {@code docs/getting-started.md}. Compiled, never run; {@link DocsSnippetsTest} checks that
 * the page shows each region exactly as it is here.
 */
@SuppressWarnings("unused")
final class GettingStartedSnippets {

    RestConfig configuration() {
        // tag::config[]
        RestConfig config = RestConfigs.autodetect();        // $KUBECONFIG if set, else in a pod the ServiceAccount, else ~/.kube/config
        RestConfig tuned = config.toBuilder()
                .qps(50).burst(100)                           // client-side rate limit (defaults 5 / 10; qps < 0 turns it off)
                .userAgent("my-operator/1.4.2")               // APF and audit logs key on it
                .fieldManager("my-operator")                  // used by server-side apply
                .build();
        // end::config[]
        return tuned;
    }

    void clients(RestConfig tuned) {
        // tag::clients[]
        try (KubeRestClient rest = KubeRestClient.create(tuned)) {   // one connection pool, one rate limiter
            Clientset clientset = Clientset.of(rest);                  // typed, generated from the model classes
            DynamicClient dynamic = DynamicClient.create(rest);        // untyped, by GroupVersionResource
            DiscoveryClient discovery = DiscoveryClient.create(rest);  // what the server serves
            // ... use them; closing the REST client ends them all
        }
        // end::clients[]
    }

    void typedCalls(Clientset clientset) {
        // tag::typed[]
        ConfigMap cm = clientset.coreV1().configMaps("prod").get("settings");
        DeploymentList deployments = clientset.appsV1().deployments("prod")
                .list(ListOptions.builder().labelSelector("app=web").build());
        clientset.coreV1().namespaces().list();                      // cluster-scoped: no namespace argument
        clientset.resources(Widget.class, "prod").get("w1");        // your own CRD class (@Group, @Version)
        // end::typed[]
    }

    void apply(Clientset clientset) {
        // tag::apply[]
        ConfigMap desired = new ConfigMapBuilder()
                .withNewMetadata().withName("settings").withNamespace("prod").endMetadata()
                .addToData("mode", "fast")
                .build();
        clientset.coreV1().configMaps("prod").apply(desired, ApplyOptions.DEFAULTS);   // field manager from the config
        // end::apply[]
    }

    void retry(Clientset clientset) {
        var configMaps = clientset.coreV1().configMaps("prod");
        // tag::retry[]
        Retry.onConflict(Backoff.DEFAULT_RETRY, () -> {
            ConfigMap cm = configMaps.get("settings");
            cm.getData().put("mode", "fast");
            return configMaps.update(cm);
        });
        // end::retry[]
    }

    void listsAndWatches(Clientset clientset, java.util.Queue<String> queue, java.util.Map<String, ConfigMap> cache) {
        // tag::lists[]
        clientset.coreV1().pods("prod").listAll(ListOptions.builder().limit(500).build())   // pages lazily
                .forEach(pod -> System.out.println(pod.getMetadata().getName()));

        // The common case: react to each object (the initial state arrives as ADDED events).
        try (ResilientWatcher<ConfigMap> watcher = clientset.coreV1().configMaps("prod")
                .resilientWatch(ListOptions.DEFAULTS, event -> queue.add(event.object().getMetadata().getName()))
                .build().start()) {
            // ... the watcher runs on its own thread until closed
        }

        // Keeping a picture of the resource: the state replaces it (objects missing from it were deleted meanwhile).
        ResilientWatcher<ConfigMap> watcher = clientset.coreV1().configMaps("prod")
                .resilientWatch(ListOptions.DEFAULTS, WatchHandler.of(
                        event -> cache.put(event.object().getMetadata().getName(), event.object()),
                        (items, resourceVersion) -> replaceAll(cache, items)))
                .build().start();
        // end::lists[]
    }

    private static void replaceAll(java.util.Map<String, ConfigMap> cache, List<ConfigMap> items) {
        cache.clear();
        items.forEach(item -> cache.put(item.getMetadata().getName(), item));
    }
}
