package dev.kubeclient.docs;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.watch.ResilientWatcher;
import dev.kubeclient.watch.StreamingLists;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchEvent;
import dev.kubeclient.watch.WatchHandler;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/**
 * The Java examples of {@code docs/watching.md}. Compiled, never run; {@link DocsSnippetsTest} checks that the page
 * shows each region exactly as it is here.
 */
@SuppressWarnings("unused")
final class WatchingSnippets {

    private static final Logger log = LoggerFactory.getLogger(WatchingSnippets.class);

    void plain(Clientset clientset) {
        var configMaps = clientset.coreV1().configMaps("prod");
        // tag::plain[]
        ConfigMapList list = configMaps.list();
        ListOptions from = ListOptions.builder()
                .resourceVersion(list.getMetadata().getResourceVersion())   // events after the list
                .allowWatchBookmarks(true)
                .timeoutSeconds(300)                                          // the server ends the stream then
                .build();
        try (Watch<ConfigMap> watch = configMaps.watch(from)) {
            for (WatchEvent<ConfigMap> event : watch) {                       // blocks; ends with the stream
                if (event.isGone()) {
                    break;                                                    // 410: list again, then watch again
                }
                log.info("{} {}", event.type(), event.object() == null ? "" : event.object().getMetadata().getName());
            }
        }
        // end::plain[]
    }

    void react(Clientset clientset, BlockingQueue<String> queue) throws InterruptedException {
        // tag::react[]
        ResilientWatcher<ConfigMap> watcher = clientset.coreV1().configMaps("prod")
                .resilientWatch(ListOptions.DEFAULTS, event -> queue.add(event.object().getMetadata().getName()))
                .build()
                .start();                                  // its own thread: kube-client-watcher-configmaps/prod
        // ... later, on shutdown:
        watcher.close();                                   // returns at once; a running handler finishes
        watcher.awaitTermination(Duration.ofSeconds(10));  // true once the watcher's thread has ended
        // end::react[]
    }

    void picture(Clientset clientset, Map<String, ConfigMap> cache) {
        // tag::picture[]
        WatchHandler<ConfigMap> handler = WatchHandler.of(
                event -> {
                    String name = event.object().getMetadata().getName();
                    if (event.type() == WatchEvent.Type.DELETED) {
                        cache.remove(name);
                    } else {
                        cache.put(name, event.object());
                    }
                },
                (items, resourceVersion) -> {              // the complete state: replace, do not merge
                    cache.clear();
                    items.forEach(cm -> cache.put(cm.getMetadata().getName(), cm));
                });
        // end::picture[]
    }

    void handler(Clientset clientset) {
        // tag::handler[]
        ResilientWatcher<ConfigMap> watcher = clientset.coreV1().configMaps("prod")
                .resilientWatch(ListOptions.builder().labelSelector("app=web").build(), new WatchHandler<>() {
                    @Override
                    public void onEvent(WatchEvent<ConfigMap> event) { /* ADDED, MODIFIED, DELETED */ }

                    @Override
                    public void onRelist(List<ConfigMap> items, String resourceVersion) { /* the whole state */ }

                    @Override
                    public void onError(Throwable error) { /* recovered or about to retry; default: WARN log */ }
                })
                .name("web-config")                        // thread kube-client-watcher-web-config
                .streamingLists(StreamingLists.OFF)        // always LIST for the state
                .build()
                .start();
        // end::handler[]
    }

    void callerThread(Clientset clientset, WatchHandler<ConfigMap> handler) {
        // tag::run[]
        ResilientWatcher<ConfigMap> watcher = clientset.coreV1().configMaps("prod")
                .resilientWatch(ListOptions.DEFAULTS, handler).build();
        watcher.run();   // on this thread, until close() from elsewhere, an interrupt, or a handler exception
        // end::run[]
    }
}
