package dev.kubeclient.rest;

import dev.kubeclient.errors.AlreadyExistsException;
import dev.kubeclient.errors.ConflictException;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.pager.ListPager;
import dev.kubeclient.pager.Page;
import dev.kubeclient.pager.PageRequest;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class KubeRestClientIT {

    private static final RecordingListener listener = new RecordingListener();
    private static KubeRestClient client;
    private static String namespace;

    @BeforeAll
    static void setUp() {
        client = KubeRestClient.create(EnvtestClients.admin().toBuilder().listener(listener).build());
        namespace = RealCluster.uniqueName("rest-it");
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

    private KubeRequest configMaps(KubeRequest request) {
        return request.version("v1").namespace(namespace).resource("configmaps");
    }

    private static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("k", value).build();
    }

    @Test
    void configMapCrudWithTypedErrors() {
        ConfigMap created = configMaps(client.post()).body(configMap("crud", "1")).as(ConfigMap.class);
        assertThat(created.getMetadata().getResourceVersion()).isNotBlank();

        assertThatThrownBy(() -> configMaps(client.post()).body(configMap("crud", "again")).bytes())
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("crud");

        ConfigMap read = configMaps(client.get()).name("crud").as(ConfigMap.class);
        assertThat(read.getData()).containsEntry("k", "1");

        read.getData().put("k", "2");
        ConfigMap updated = configMaps(client.put()).name("crud").body(read).as(ConfigMap.class);
        assertThat(updated.getData()).containsEntry("k", "2");

        // The object we read first carries a resourceVersion that the update made stale.
        created.getData().put("k", "stale");
        assertThatThrownBy(() -> configMaps(client.put()).name("crud").body(created).bytes())
                .isInstanceOf(ConflictException.class);

        ConfigMap merged = configMaps(client.patch(PatchType.MERGE)).name("crud")
                .body(Map.of("data", Map.of("m", "merged"))).as(ConfigMap.class);
        assertThat(merged.getData()).containsEntry("m", "merged").containsEntry("k", "2");

        ConfigMap applied = configMaps(client.patch(PatchType.APPLY)).name("applied")
                .param("fieldManager", "rest-it")
                .body("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  a: yaml\n")
                .as(ConfigMap.class);
        assertThat(applied.getData()).containsEntry("a", "yaml");

        configMaps(client.delete()).name("crud").bytes();
        assertThatThrownBy(() -> configMaps(client.get()).name("crud").bytes())
                .isInstanceOf(NotFoundException.class);
        assertThat(listener.started()).extracting(i -> i.verb()).contains("create", "get", "update", "patch",
                "delete");
    }

    @Test
    void pagingWalksAFewHundredConfigMaps() {
        String label = RealCluster.uniqueName("page");
        int count = 230;
        for (int i = 0; i < count; i++) {
            ConfigMap cm = configMap("page-" + i, Integer.toString(i));
            cm.getMetadata().setLabels(Map.of("set", label));
            configMaps(client.post()).body(cm).bytes();
        }
        AtomicInteger calls = new AtomicInteger();
        ListPager<ConfigMap> pager = ListPager.ofList((PageRequest p) -> {
            calls.incrementAndGet();
            return configMaps(client.get()).param("labelSelector", "set=" + label).params(p.queryParameters())
                    .as(ConfigMapList.class);
        }).pageSize(50);

        assertThat(pager.stream().count()).isEqualTo(count);
        assertThat(calls.get()).isEqualTo(5);

        Page<ConfigMap> all = pager.listAll();
        assertThat(all.items()).hasSize(count);
        assertThat(all.resourceVersion()).isNotBlank();
        List<String> names = all.items().stream().map(c -> c.getMetadata().getName()).distinct().toList();
        assertThat(names).hasSize(count);
    }
}
