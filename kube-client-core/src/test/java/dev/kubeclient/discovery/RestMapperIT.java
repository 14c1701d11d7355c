package dev.kubeclient.discovery;

import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.GroupVersionResource;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The REST mapper against a real API server: a CRD kind is no match before the CRD exists and is found after it is
 * established, and misses of an absent kind do not turn into a discovery storm (requests counted by a listener).
 */
@IntegrationTest
class RestMapperIT {

    private static RealCluster cluster;
    private static KubeRestClient admin;

    @BeforeAll
    static void connect() {
        cluster = RealCluster.fromEnvironment();
        admin = EnvtestClients.admin(cluster, "rest-mapper-it");
    }

    @AfterAll
    static void close() {
        if (admin != null) {
            admin.close();
        }
    }

    /** Counts the discovery requests a client sends, by URL template. */
    private static final class DiscoveryRequests implements KubeClientListener {
        final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();

        @Override
        public void requestStarted(RequestInfo request) {
            byPath.computeIfAbsent(request.urlTemplate(), p -> new AtomicInteger()).incrementAndGet();
        }

        int count(String path) {
            AtomicInteger c = byPath.get(path);
            return c == null ? 0 : c.get();
        }

        int total() {
            return byPath.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    private static KubeRestClient counted(DiscoveryRequests requests) {
        return KubeRestClient.create(cluster.adminConfig().toBuilder().qps(-1).listener(requests).build());
    }

    @Test
    void aCrdKindIsNoMatchBeforeTheCrdExistsAndFoundOnceItIsEstablished() {
        String group = RealCluster.uniqueName("mapper") + ".example.com";
        DiscoveryRequests requests = new DiscoveryRequests();
        try (KubeRestClient rest = counted(requests)) {
            RestMapper mapper = RestMapper.create(CachedDiscoveryClient.wrap(DiscoveryClient.create(rest)));

            assertThatThrownBy(() -> mapper.mappingFor("Gadget." + group))
                    .isInstanceOf(NoMatchException.class)
                    .hasMessageContaining("no kind 'Gadget." + group + "'")
                    .hasMessageContaining("the server does not serve API group '" + group + "'");

            createCrd(group);
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> established(group));
                // Polls the mapper itself: each miss is answered from the cache until the refresh interval is
                // over, then one GET /apis/<group> (and its version) picks the new kind up.
                RestMapping gadget = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .ignoreException(NoMatchException.class)
                        .until(() -> mapper.mappingFor("Gadget." + group), m -> m != null);

                GroupVersionResource gadgets = new GroupVersionResource(group, "v1", "gadgets");
                assertThat(gadget.resource()).isEqualTo(gadgets);
                assertThat(gadget.namespaced()).isTrue();
                assertThat(mapper.resourceFor("gdg." + group).resource()).isEqualTo(gadgets);
                assertThat(requests.count("/apis/" + group)).isPositive();
                assertThat(requests.count("/apis")).as("only the named group was asked again").isEqualTo(1);
            } finally {
                admin.delete().absPath("apis", "apiextensions.k8s.io", "v1", "customresourcedefinitions",
                        "gadgets." + group).bytes();
            }
        }
    }

    @Test
    void aThousandLookupsOfAnAbsentKindReadDiscoveryAtMostTwice() {
        DiscoveryRequests requests = new DiscoveryRequests();
        try (KubeRestClient rest = counted(requests)) {
            RestMapper mapper = RestMapper.builder(CachedDiscoveryClient.wrap(DiscoveryClient.create(rest)))
                    .minRefreshInterval(Duration.ofMinutes(1)).build();
            int misses = 0;
            for (int i = 0; i < 1000; i++) {
                try {
                    mapper.mappingFor("NoSuchKindAnywhere");
                } catch (NoMatchException e) {
                    misses++;
                }
            }

            assertThat(misses).isEqualTo(1000);
            assertThat(requests.count("/apis")).isBetween(1, 2);
            assertThat(requests.count("/api")).isBetween(1, 2);
            // One full read: /api, /apis and, on servers without aggregated discovery, one GET per group-version.
            int groupVersions = DiscoveryClient.create(rest).serverGroups().stream()
                    .mapToInt(g -> g.versions().size()).sum();
            assertThat(requests.total()).isLessThanOrEqualTo(2 * (2 + groupVersions) + 2);
        }
    }

    private static void createCrd(String group) {
        String crd = """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"gadgets.%1$s"},
                 "spec":{"group":"%1$s","scope":"Namespaced",
                   "names":{"plural":"gadgets","singular":"gadget","kind":"Gadget","shortNames":["gdg"]},
                   "versions":[{"name":"v1","served":true,"storage":true,
                     "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
                """.formatted(group);
        admin.post().absPath("apis", "apiextensions.k8s.io", "v1", "customresourcedefinitions").body(crd).bytes();
    }

    private static boolean established(String group) {
        JsonNode crd = admin.get().absPath("apis", "apiextensions.k8s.io", "v1", "customresourcedefinitions",
                "gadgets." + group).as(JsonNode.class);
        for (JsonNode c : crd.path("status").path("conditions")) {
            if ("Established".equals(c.path("type").asString()) && "True".equals(c.path("status").asString())) {
                return true;
            }
        }
        return false;
    }
}
