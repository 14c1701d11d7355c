package dev.kubeclient.autoconfigure;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.discovery.RestMapper;
import dev.kubeclient.discovery.RestMapping;
import dev.kubeclient.discovery.Scope;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.Unstructured;
import dev.kubeclient.flowcontrol.AdaptiveRateLimiter;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.GroupVersionResource;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import dev.kubeclient.watch.WatchEvent;
import dev.kubeclient.watch.WatchHandler;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with the starter, pointed at the cluster of {@code KUBE_CLIENT_IT_KUBECONFIG} through
 * {@code kube.client.kubeconfig}: the typed clientset, the dynamic client, the REST mapper and a resilient watch,
 * then a clean shutdown that leaves no watcher thread.
 */
@IntegrationTest
@Timeout(120)
class KubeClientStarterIT {

    private static final GroupVersionResource CONFIGMAPS = GroupVersionResource.parse("v1/configmaps");

    /** The application under test: nothing but auto-configuration and one OkHttp customizer that notes APF. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        final AtomicBoolean priorityAndFairnessSeen = new AtomicBoolean();

        @Bean
        OkHttpClientBuilderCustomizer priorityAndFairnessProbe() {
            return builder -> builder.addInterceptor(chain -> {
                var response = chain.proceed(chain.request());
                if (response.header(AdaptiveRateLimiter.FLOW_SCHEMA_UID_HEADER) != null) {
                    priorityAndFairnessSeen.set(true);
                }
                return response;
            });
        }
    }

    @Test
    void theStarterTalksToARealServer(RealCluster cluster) throws Exception {
        String namespace = RealCluster.uniqueName("starter");
        KubeWatcherThreads watcherThreads;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("spring.application.name=starter-it",
                        "kube.client.kubeconfig=" + cluster.adminKubeconfig(),
                        "kube.client.rate-limiter=auto")
                .run()) {
            Clientset clientset = context.getBean(Clientset.class);
            watcherThreads = context.getBean(KubeWatcherThreads.class);
            clientset.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName(namespace)
                    .endMetadata().build());
            try {
                BlockingQueue<String> events = new LinkedBlockingQueue<>();
                clientset.coreV1().configMaps(namespace).resilientWatch(ListOptions.builder().build(),
                        new WatchHandler<ConfigMap>() {
                            @Override
                            public void onEvent(WatchEvent<ConfigMap> event) {
                                events.add(event.type() + " " + event.object().getMetadata().getName());
                            }

                            @Override
                            public void onRelist(List<ConfigMap> items, String resourceVersion) {
                                events.add("RELIST " + items.size());
                            }
                        }).build().start();
                assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo("RELIST 0");

                // Typed: create and read back; the field manager defaults to the application name.
                clientset.coreV1().configMaps(namespace).create(new ConfigMapBuilder().withNewMetadata()
                        .withName("typed").endMetadata().addToData("k", "v").build());
                ConfigMap typed = clientset.coreV1().configMaps(namespace).get("typed");
                assertThat(typed.getData()).containsEntry("k", "v");
                assertThat(typed.getMetadata().getManagedFields()).extracting(f -> f.getManager())
                        .contains("starter-it");

                // Dynamic: the same object without classes.
                Unstructured dynamic = context.getBean(DynamicClient.class).resource(CONFIGMAPS).namespace(namespace)
                        .get("typed");
                assertThat(dynamic.nestedString("data", "k")).contains("v");

                // The mapper finds the resource for a kind through the cached discovery.
                RestMapping mapping = context.getBean(RestMapper.class).mappingFor("ConfigMap");
                assertThat(mapping.resource()).isEqualTo(CONFIGMAPS);
                assertThat(mapping.scope()).isEqualTo(Scope.NAMESPACED);

                // The resilient watch saw the object arrive.
                String added;
                do {
                    added = events.poll(30, TimeUnit.SECONDS);
                } while (added != null && !added.equals("ADDED typed"));
                assertThat(added).isEqualTo("ADDED typed");
                assertThat(watcherThreads.liveThreads()).hasSize(1);

                // auto: off exactly when the server showed API Priority and Fairness.
                boolean apf = context.getBean(App.class).priorityAndFairnessSeen.get();
                assertThat(context.getBean(KubeRestClient.class).rateLimiter().isLimiting()).isEqualTo(!apf);
            } finally {
                clientset.coreV1().namespaces().delete(namespace);
            }
        }
        assertThat(watcherThreads.liveThreads()).as("watcher threads after the application stopped").isEmpty();
    }
}
