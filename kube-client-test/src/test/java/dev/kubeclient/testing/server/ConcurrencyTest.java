package dev.kubeclient.testing.server;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.errors.ConflictException;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchEvent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients at once: every write gets its own resourceVersion, watches see them in order, conflicts are real. */
class ConcurrencyTest {

    @Test
    void concurrentWritersGetDistinctIncreasingResourceVersionsAndAWatchSeesThemInOrder() throws Exception {
        try (KubeApiServer server = KubeApiServer.start()) {
            Clientset clientset = server.clientset();
            String from = Long.toString(server.resourceVersion());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        clientset.coreV1().configMaps("default").create(new ConfigMapBuilder().withNewMetadata()
                                .withName("c-" + thread + "-" + i).endMetadata().build());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            try (Watch<ConfigMap> watch = clientset.coreV1().configMaps("default").watch(ListOptions.builder()
                    .resourceVersion(from).timeoutSeconds(10).build())) {
                long last = Long.parseLong(from);
                for (int i = 0; i < 100; i++) {
                    WatchEvent<ConfigMap> event = watch.next();
                    long rv = Long.parseLong(event.object().getMetadata().getResourceVersion());
                    assertThat(rv).isGreaterThan(last);
                    last = rv;
                }
            }
        }
    }

    @Test
    void racingUpdatesOfOneObjectLetExactlyOneWinPerVersion() throws Exception {
        try (KubeApiServer server = KubeApiServer.start()) {
            Clientset clientset = server.clientset();
            ConfigMap base = clientset.coreV1().configMaps("default").create(new ConfigMapBuilder().withNewMetadata()
                    .withName("contended").endMetadata().addToData("n", "0").build());
            AtomicInteger wins = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    ConfigMap mine = new ConfigMapBuilder(base).build();
                    mine.getData().put("n", Integer.toString(thread + 1));
                    try {
                        clientset.coreV1().configMaps("default").update(mine);
                        wins.incrementAndGet();
                    } catch (ConflictException e) {
                        conflicts.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(wins.get()).isEqualTo(1);
            assertThat(conflicts.get()).isEqualTo(3);
        }
    }
}
