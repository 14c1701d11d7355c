package dev.kubeclient.discovery;

import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.rest.KubeRestClient;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link CachedDiscoveryClient} documents that it remembers answers, never failures: a discovery request that failed
 * is sent again by the next call, with no {@code invalidate()} needed and no time to wait.
 */
class DiscoveryFailuresAreNotCachedTest {

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
    void aFailedGroupListIsAskedForAgainByTheNextCall() {
        dispatcher.status("/apis", 500, "InternalError", "etcd is slow today");

        Throwable first = catchThrowable(cached::serverGroups);
        dispatcher.json("/apis", "legacy-1.20/apis-trimmed.json");
        var groups = cached.serverGroups();

        assertThat(first).isInstanceOf(KubeClientException.class).hasMessageContaining("500");
        assertThat(groups).isNotEmpty();
        assertThat(dispatcher.count("/apis")).isEqualTo(2);
        // ...and the answer, once there is one, is remembered.
        cached.serverGroups();
        assertThat(dispatcher.count("/apis")).isEqualTo(2);
    }

    @Test
    void aFailedGroupVersionIsAskedForAgainOnEveryCallUntilItAnswers() {
        cached.serverGroupsAndResources();
        cached.serverGroupsAndResources();
        cached.serverGroupsAndResources();

        // metrics.k8s.io answers 503 in the fixture: asked each time, while the answered ones come from memory.
        assertThat(dispatcher.count("/apis/metrics.k8s.io/v1beta1")).isEqualTo(3);
        assertThat(dispatcher.count("/apis/apps/v1")).isEqualTo(1);
    }
}
