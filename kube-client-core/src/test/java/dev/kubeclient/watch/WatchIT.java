package dev.kubeclient.watch;

import dev.kubeclient.rest.EnvtestClients;
import dev.kubeclient.rest.KubeRequest;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.rest.RecordingListener;
import dev.kubeclient.pager.ListPager;
import dev.kubeclient.pager.PageRequest;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class WatchIT {

    private static final RecordingListener listener = new RecordingListener();
    private static KubeRestClient client;
    private static String namespace;

    @BeforeAll
    static void setUp() {
        client = KubeRestClient.create(EnvtestClients.admin().toBuilder().listener(listener).build());
        namespace = RealCluster.uniqueName("watch-it");
        client.post().version("v1").resource("namespaces")
                .body(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).bytes();
    }

    @AfterAll
    static void tearDown() {
        if (client != null) {
            client.delete().version("v1").resource("namespaces").name(namespace).bytes();
            client.close();
        }
    }

    private static KubeRequest configMaps(KubeRestClient c, KubeRequest request) {
        return request.version("v1").namespace(namespace).resource("configmaps");
    }

    private static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("k", value).build();
    }

    @Test
    void aWatchSeesCreateUpdateAndDelete() throws Exception {
        String rv = configMaps(client, client.get()).as(ConfigMapList.class).getMetadata().getResourceVersion();
        String name = RealCluster.uniqueName("watched");
        BlockingQueue<WatchEvent<ConfigMap>> events = new LinkedBlockingQueue<>();
        try (Watch<ConfigMap> watch = configMaps(client, client.get()).param("resourceVersion", rv)
                .param("fieldSelector", "metadata.name=" + name).watch(ConfigMap.class)) {
            Thread reader = new Thread(() -> watch.forEach(events::add), "watch-it-reader");
            reader.setDaemon(true);
            reader.start();

            ConfigMap created = configMaps(client, client.post()).body(configMap(name, "1")).as(ConfigMap.class);
            created.getData().put("k", "2");
            configMaps(client, client.put()).name(name).body(created).bytes();
            configMaps(client, client.delete()).name(name).bytes();

            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                WatchEvent<ConfigMap> e = events.poll(10, TimeUnit.SECONDS);
                assertThat(e).as("event " + i).isNotNull();
                seen.add(e.type() + " " + e.object().getData().get("k"));
            }
            assertThat(seen).containsExactly("ADDED 1", "MODIFIED 2", "DELETED 2");
            watch.close();
            reader.join(5_000);
            assertThat(reader.isAlive()).isFalse();
        }
        assertThat(listener.events()).contains("watch closed error=null");
    }

    @Test
    void aConnectionCutInTheMiddleOfTheStreamLosesNoEvent() throws Exception {
        try (TcpProxy proxy = new TcpProxy(EnvtestClients.server().getHost(), EnvtestClients.server().getPort());
             KubeRestClient proxied = KubeRestClient.create(
                     EnvtestClients.admin("https://127.0.0.1:" + proxy.port()))) {
            String label = RealCluster.uniqueName("cut");
            Set<String> added = java.util.concurrent.ConcurrentHashMap.newKeySet();
            List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            ResilientWatcher<ConfigMap> watcher = configMapWatcher(proxied, label, added, errors).start();
            try {
                Set<String> expected = new HashSet<>();
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < 5; i++) {
                        String name = label + "-" + round + "-" + i;
                        ConfigMap cm = configMap(name, "v");
                        cm.getMetadata().setLabels(java.util.Map.of("set", label));
                        configMaps(client, client.post()).body(cm).bytes();
                        expected.add(name);
                    }
                    await().atMost(Duration.ofSeconds(20)).until(() -> added.containsAll(expected));
                    proxy.cutConnections();
                    // Created while the watch is down: the watcher must pick these up from its last version.
                    for (int i = 0; i < 3; i++) {
                        String name = label + "-gap-" + round + "-" + i;
                        ConfigMap cm = configMap(name, "v");
                        cm.getMetadata().setLabels(java.util.Map.of("set", label));
                        configMaps(client, client.post()).body(cm).bytes();
                        expected.add(name);
                    }
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> added.containsAll(expected));
                assertThat(errors).isNotEmpty();
            } finally {
                watcher.close();
                assertThat(watcher.awaitTermination(Duration.ofSeconds(5))).isTrue();
            }
        }
    }

    private ResilientWatcher<ConfigMap> configMapWatcher(KubeRestClient c, String label, Set<String> added,
                                                        List<Throwable> errors) {
        ListPager<ConfigMap> lister = ListPager.ofList((PageRequest p) -> configMaps(c, c.get())
                .param("labelSelector", "set=" + label).params(p.queryParameters()).as(ConfigMapList.class));
        return ResilientWatcher.builder(lister,
                r -> configMaps(c, c.get()).param("labelSelector", "set=" + label).params(r.queryParameters())
                        .watch(ConfigMap.class),
                new WatchHandler<ConfigMap>() {
                    @Override
                    public void onEvent(WatchEvent<ConfigMap> event) {
                        if (event.type() == WatchEvent.Type.ADDED) {
                            added.add(event.object().getMetadata().getName());
                        }
                    }

                    @Override
                    public void onRelist(List<ConfigMap> items, String resourceVersion) {
                        items.forEach(i -> added.add(i.getMetadata().getName()));
                    }

                    @Override
                    public void onError(Throwable error) {
                        errors.add(error);
                    }
                }).name("cut-" + label).build();
    }

    @Test
    void aCompactedResourceVersionLeadsToARelistThatLosesNoObject() throws Exception {
        // Skips, with a message, unless the cluster's compaction interval is known and short.
        Duration compaction = RealCluster.compactionIntervalOrSkip();
        // Events have no watch cache, so a watch from a compacted version gets an ERROR 410 event from etcd.
        String oldRv = events(client.get()).as(EventList.class).getMetadata().getResourceVersion();
        String prefix = RealCluster.uniqueName("ev");
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            createEvent(prefix + "-" + i);
            expected.add(prefix + "-" + i);
        }
        awaitCompactionOf(oldRv, compaction);

        Set<String> state = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<String> relists = new java.util.concurrent.CopyOnWriteArrayList<>();
        ListPager<Event> lister = ListPager.ofList((PageRequest p) -> events(client.get())
                .params(p.queryParameters()).as(EventList.class));
        ResilientWatcher<Event> watcher = ResilientWatcher.builder(lister,
                r -> events(client.get()).params(r.queryParameters()).watch(Event.class),
                new WatchHandler<Event>() {
                    @Override
                    public void onEvent(WatchEvent<Event> event) {
                        if (event.type() == WatchEvent.Type.DELETED) {
                            state.remove(event.object().getMetadata().getName());
                        } else {
                            state.add(event.object().getMetadata().getName());
                        }
                    }

                    @Override
                    public void onRelist(List<Event> items, String resourceVersion) {
                        relists.add(resourceVersion);
                        state.clear();
                        items.forEach(i -> state.add(i.getMetadata().getName()));
                    }
                }).name("events-" + prefix).resourceVersion(oldRv).build().start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !relists.isEmpty());
            assertThat(state).containsAll(expected);
            createEvent(prefix + "-after");
            await().atMost(Duration.ofSeconds(20)).until(() -> state.contains(prefix + "-after"));
        } finally {
            watcher.close();
            assertThat(watcher.awaitTermination(Duration.ofSeconds(5))).isTrue();
        }
    }

    private static KubeRequest events(KubeRequest request) {
        return request.version("v1").namespace(namespace).resource("events");
    }

    private static void createEvent(String name) {
        Event event = new EventBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewInvolvedObject().withKind("ConfigMap").withName("x").withNamespace(namespace)
                .endInvolvedObject().withReason("Test").withMessage("watch IT").withType("Normal").build();
        events(client.post()).body(event).bytes();
    }

    /**
     * Waits until a watch from {@code rv} is answered with an ERROR 410 event. The API server compacts once per
     * interval, and a revision written just after a compaction goes at the next-but-one, so the wait is bounded by
     * two intervals plus a margin for a busy machine.
     */
    private static void awaitCompactionOf(String rv, Duration interval) {
        Duration deadline = interval.multipliedBy(2).plusSeconds(30);
        Duration poll = interval.dividedBy(6).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : interval.dividedBy(6);
        await("etcd compaction of resourceVersion " + rv + " (compaction interval " + interval + ")")
                .atMost(deadline).pollInterval(poll).until(() -> {
            try (Watch<Event> probe = events(client.get()).param("resourceVersion", rv)
                    .param("timeoutSeconds", "1").watch(Event.class)) {
                WatchEvent<Event> e;
                while ((e = probe.next()) != null) {
                    if (e.isGone()) {
                        return true;
                    }
                }
                return false;
            }
        });
    }
}
