package dev.kubeclient.sample;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.watch.ResilientWatcher;
import dev.kubeclient.watch.WatchEvent;
import dev.kubeclient.watch.WatchHandler;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a resilient watch on the ConfigMaps of the configured namespace and logs each change. The watcher resumes
 * from the last resourceVersion after a dropped connection and relists after a 410, so it never goes silent; it is
 * started with the application context and closed when it stops.
 */
@Component
class ConfigMapWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConfigMapWatcher.class);

    private final Clientset clientset;
    private final String namespace;
    private final boolean enabled;
    private final AtomicLong events = new AtomicLong();
    private volatile ResilientWatcher<ConfigMap> watcher;

    ConfigMapWatcher(Clientset clientset, RestConfig config, SampleProperties properties) {
        this.clientset = clientset;
        this.namespace = config.namespace();
        this.enabled = properties.watch();
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        WatchHandler<ConfigMap> handler = new WatchHandler<>() {
            @Override
            public void onEvent(WatchEvent<ConfigMap> event) {
                events.incrementAndGet();
                log.info("ConfigMap {}/{} {} (resourceVersion {})", namespace,
                        event.object().getMetadata().getName(), event.type(),
                        event.object().getMetadata().getResourceVersion());
            }

            @Override
            public void onRelist(List<ConfigMap> items, String resourceVersion) {
                log.info("Watching {} ConfigMaps in {} from resourceVersion {}", items.size(), namespace,
                        resourceVersion);
            }
        };
        watcher = clientset.coreV1().configMaps(namespace)
                .resilientWatch(ListOptions.DEFAULTS, handler)
                .name("sample-configmaps")
                .build()
                .start();
    }

    /** How many watch events were seen since start (for the info endpoint and tests). */
    long eventsSeen() {
        return events.get();
    }

    @Override
    public void stop() {
        ResilientWatcher<ConfigMap> w = watcher;
        if (w != null) {
            w.close();
            try {
                w.awaitTermination(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        ResilientWatcher<ConfigMap> w = watcher;
        return w != null && w.isRunning();
    }
}
