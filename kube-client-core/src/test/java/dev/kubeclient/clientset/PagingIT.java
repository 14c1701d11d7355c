package dev.kubeclient.clientset;

import dev.kubeclient.meta.DeleteOptions;
import dev.kubeclient.meta.ListOptions;

import dev.kubeclient.pager.Page;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Paged lists over 1,000 objects. */
@IntegrationTest
class PagingIT {

    private static final int COUNT = 1_000;

    private static Clientset clientset;
    private static String ns;

    @BeforeAll
    static void createThousandConfigMaps(RealCluster cluster) throws Exception {
        clientset = EnvtestClientsets.admin(cluster);
        ns = EnvtestClientsets.newNamespace(clientset, "typed-paging");
        var configMaps = clientset.coreV1().configMaps(ns);
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "paging-it-create");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ConfigMap>> created = IntStream.range(0, COUNT)
                    .mapToObj(i -> pool.submit(() -> configMaps.create(new ConfigMapBuilder().withNewMetadata()
                            .withName(String.format("cm-%04d", i)).addToLabels("set", i % 2 == 0 ? "even" : "odd")
                            .endMetadata().addToData("i", Integer.toString(i)).build())))
                    .toList();
            for (Future<ConfigMap> f : created) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @AfterAll
    static void close() {
        if (clientset != null) {
            clientset.coreV1().configMaps(ns).deleteCollection(DeleteOptions.DEFAULTS, ListOptions.DEFAULTS);
            clientset.coreV1().namespaces().delete(ns);
            clientset.close();
        }
    }

    @Test
    void listAllStreamsEveryObjectAcrossPages() {
        List<String> names = clientset.coreV1().configMaps(ns).listAll(ListOptions.builder().limit(137).build())
                .map(cm -> cm.getMetadata().getName()).toList();

        assertThat(names).hasSize(COUNT).doesNotHaveDuplicates().contains("cm-0000", "cm-0999");
    }

    @Test
    void pagesCarryContinueTokensAndTheSnapshotVersion() {
        var configMaps = clientset.coreV1().configMaps(ns);

        ConfigMapList first = configMaps.list(ListOptions.builder().limit(400).build());
        ConfigMapList second = configMaps.list(ListOptions.builder().limit(400).continueToken(first.getMetadata().getContinue()).build());

        assertThat(first.getItems()).hasSize(400);
        assertThat(first.getMetadata().getRemainingItemCount()).isEqualTo(600L);
        assertThat(second.getItems()).hasSize(400);
        assertThat(second.getMetadata().getResourceVersion()).isEqualTo(first.getMetadata().getResourceVersion());
    }

    @Test
    void thePagerReturnsOneConsistentSnapshotWithSelectors() {
        Page<ConfigMap> odd = clientset.coreV1().configMaps(ns)
                .pager(ListOptions.builder().labelSelector("set=odd").limit(100).build()).listAll();

        assertThat(odd.items()).hasSize(COUNT / 2).allSatisfy(cm -> assertThat(cm.getMetadata().getLabels()).containsEntry("set", "odd"));
        assertThat(odd.resourceVersion()).isNotBlank();
    }
}
