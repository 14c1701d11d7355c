package dev.kubeclient.clientset;

import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.discovery.ServerVersion;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.Unstructured;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.GroupVersionResource;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import dev.kubeclient.watch.ResilientWatcher;
import dev.kubeclient.watch.WatchEvent;
import dev.kubeclient.watch.WatchHandler;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The resilient watcher with its default settings (streaming lists on {@code auto}) against a real server: it
 * delivers the initial state and the later events whether the server streams lists (1.27+ with the WatchList
 * feature) or refuses them (older servers, such as envtest's v1.20, answer 422 and get a LIST instead).
 */
@IntegrationTest
class ResilientWatchIT {

    private static KubeRestClient rest;
    private static Clientset clientset;
    private static String ns;
    private static int serverMinor;

    @BeforeAll
    static void connect(RealCluster cluster) {
        rest = KubeRestClient.create(EnvtestClientsets.adminConfig(cluster).build());
        clientset = Clientset.of(rest);
        ns = EnvtestClientsets.newNamespace(clientset, "resilient-watch");
        ServerVersion version = DiscoveryClient.create(rest).serverVersion();
        Matcher minor = Pattern.compile("^(\\d+)").matcher(version.minor());
        serverMinor = minor.find() ? Integer.parseInt(minor.group(1)) : Integer.MAX_VALUE;
        for (String name : List.of("a", "b")) {
            clientset.coreV1().configMaps(ns).create(configMap(name, "set-1"));
        }
    }

    @AfterAll
    static void close() {
        if (clientset != null) {
            clientset.coreV1().namespaces().delete(ns);
            clientset.close();
        }
        if (rest != null) {
            rest.close();
        }
    }

    private static ConfigMap configMap(String name, String set) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).addToLabels("set", set).endMetadata()
                .addToData("k", "v").build();
    }

    @Test
    void theTypedWatcherDeliversTheInitialStateAndLaterEventsOnAnyServer() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        WatchHandler<ConfigMap> handler = WatchHandler.of(
                event -> seen.add(event.type() + " " + event.object().getMetadata().getName()),
                (items, rv) -> seen.add("state " + items.stream().map(c -> c.getMetadata().getName()).sorted()
                        .toList()));

        try (ResilientWatcher<ConfigMap> watcher = clientset.coreV1().configMaps(ns)
                .resilientWatch(ListOptions.builder().labelSelector("set=set-1").build(), handler).build().start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("state [a, b]"));
            clientset.coreV1().configMaps(ns).create(configMap("c", "set-1"));
            clientset.coreV1().configMaps(ns).delete("a");
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("DELETED a"));

            assertThat(seen).containsExactly("state [a, b]", "ADDED c", "DELETED a");
            if (serverMinor < 27) {
                assertThat(watcher.streamsInitialState()).as("a 1.%d server refuses streaming lists", serverMinor)
                        .isFalse();
            }
        }
    }

    @Test
    void theDynamicWatcherDeliversTheInitialStateAndLaterEventsOnAnyServer() throws Exception {
        clientset.coreV1().configMaps(ns).create(configMap("d", "set-2"));
        List<String> seen = new CopyOnWriteArrayList<>();
        WatchHandler<Unstructured> handler = WatchHandler.of(
                event -> seen.add(event.type() + " " + event.object().name()),
                (items, rv) -> seen.add("state " + items.stream().map(Unstructured::name).sorted().toList()));

        try (ResilientWatcher<Unstructured> watcher = DynamicClient.create(rest)
                .resource(GroupVersionResource.parse("v1/configmaps")).namespace(ns)
                .resilientWatch(ListOptions.builder().labelSelector("set=set-2").build(), handler).build().start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("state [d]"));
            clientset.coreV1().configMaps(ns).create(configMap("e", "set-2"));
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("ADDED e"));

            assertThat(seen).containsExactly("state [d]", "ADDED e");
            if (serverMinor < 27) {
                assertThat(watcher.streamsInitialState()).isFalse();
            }
        }
    }
}
