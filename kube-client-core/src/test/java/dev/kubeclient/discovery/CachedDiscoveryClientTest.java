package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;

import dev.kubeclient.rest.KubeRestClient;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class CachedDiscoveryClientTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private FixtureDispatcher dispatcher;
    private KubeRestClient rest;
    private CachedDiscoveryClient cached;

    @BeforeEach
    void setUp() {
        dispatcher = FixtureDispatcher.legacy();
        server.setDispatcher(dispatcher);
        rest = TestClients.rest(server);
        cached = CachedDiscoveryClient.wrap(DiscoveryClient.create(rest));
    }

    @AfterEach
    void tearDown() {
        rest.close();
    }

    @Test
    void aSecondCallIsAnsweredFromMemory() {
        cached.serverGroupsAndResources();
        int afterFirst = dispatcher.total();

        cached.serverGroups();
        cached.serverResourcesForGroupVersion(GroupVersion.parse("apps/v1"));
        cached.serverPreferredResources();

        // Only the failed metrics.k8s.io group-version is asked again, by serverPreferredResources.
        assertThat(dispatcher.total()).isEqualTo(afterFirst + 1);
        assertThat(dispatcher.count("/apis/apps/v1")).isEqualTo(1);
    }

    @Test
    void invalidateMakesTheNextCallAskTheServer() {
        cached.serverGroupsAndResources();
        assertThat(cached.fresh()).isFalse(); // metrics.k8s.io failed

        cached.invalidate();
        assertThat(cached.fresh()).isFalse();
        cached.serverGroupsAndResources();

        assertThat(dispatcher.count("/apis")).isEqualTo(2);
        assertThat(dispatcher.count("/apis/apps/v1")).isEqualTo(2);
    }

    @Test
    void aCompleteAnswerIsFreshUntilInvalidated() {
        dispatcher.json("/apis/metrics.k8s.io/v1beta1", "legacy-1.20/apis-batch-v1.json");
        assertThat(cached.fresh()).isFalse();

        cached.serverGroupsAndResources();
        assertThat(cached.fresh()).isTrue();

        cached.invalidate();
        assertThat(cached.fresh()).isFalse();
    }

    @Test
    void aFailedGroupVersionIsRetriedAloneAndJoinsTheCacheOnceItAnswers() {
        ServerResources first = cached.serverGroupsAndResources();
        assertThat(first.failures()).containsOnlyKeys(GroupVersion.parse("metrics.k8s.io/v1beta1"));

        dispatcher.json("/apis/metrics.k8s.io/v1beta1", "legacy-1.20/apis-batch-v1.json");
        ServerResources second = cached.serverGroupsAndResources();

        assertThat(second.isComplete()).isTrue();
        assertThat(second.resourceLists()).extracting(ApiResourceList::groupVersion).last()
                .isEqualTo(GroupVersion.parse("batch/v1")); // the fixture declares its own groupVersion
        assertThat(dispatcher.count("/apis")).isEqualTo(1);
        assertThat(dispatcher.count("/apis/metrics.k8s.io/v1beta1")).isEqualTo(2);
        assertThat(cached.fresh()).isTrue();
    }

    @Test
    void theServerVersionIsNotCached() {
        cached.serverVersion();
        cached.serverVersion();

        assertThat(dispatcher.count("/version")).isEqualTo(2);
    }

    @Test
    void concurrentCallersOfAColdCacheShareOneFetch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "cached-discovery-test"));
        try {
            List<Callable<ServerResources>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(cached::serverGroupsAndResources);
            }
            for (Future<ServerResources> f : pool.invokeAll(calls)) {
                assertThat(f.get().resourceLists()).hasSize(4);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(dispatcher.count("/apis")).isEqualTo(1);
        assertThat(dispatcher.count("/apis/apps/v1")).isEqualTo(1);
    }

    @Test
    void wrappingACachedClientReturnsItUnchanged() {
        assertThat(CachedDiscoveryClient.wrap(cached)).isSameAs(cached);
    }
}
