package dev.kubeclient.testing.server;

import dev.kubeclient.errors.BadRequestException;
import dev.kubeclient.meta.ListOptions;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Bad settings fail at build time naming the fix; bad requests get the real server's 4xx answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private final KubeApiServer server = KubeApiServer.start();

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void builderRejectsBadSettingsNamingThem() {
        assertThatThrownBy(() -> KubeApiServer.builder().port(70_000)).hasMessageContaining("port must be 0..65535");
        assertThatThrownBy(() -> KubeApiServer.builder().historySize(0)).hasMessageContaining("historySize");
        assertThatThrownBy(() -> KubeApiServer.builder().bookmarkInterval(Duration.ZERO)).hasMessageContaining("bookmarkInterval");
        assertThatThrownBy(() -> KubeApiServer.builder().version("1.30")).hasMessageContaining("v1.34.0");
        assertThatThrownBy(() -> KubeApiServer.builder().maxThreads(2)).hasMessageContaining("maxThreads");
        assertThatThrownBy(() -> KubeApiServer.builder().user(ApiUser.withToken(KubeApiServer.ADMIN, "t")))
                .hasMessageContaining("already defined");
        assertThatThrownBy(() -> ApiUser.withToken("u", " ")).hasMessageContaining("token of user 'u'");
        assertThatThrownBy(() -> new AccessRule(Set.of(), Set.of("*"), Set.of("*"))).hasMessageContaining("at least one verb");
        assertThatThrownBy(() -> KubeApiServer.builder().plainHttp().user(ApiUser.withClientCertificate("c")).start())
                .hasMessageContaining("needs HTTPS");
    }

    @Test
    void userToStringHidesTheToken() {
        assertThat(ApiUser.withToken("u", "secret-token").toString()).doesNotContain("secret-token").contains("<redacted>");
    }

    @Test
    void malformedLabelSelectorIsBadRequest() {
        assertThatThrownBy(() -> server.clientset().coreV1().configMaps("default")
                .list(ListOptions.builder().labelSelector("tier in web").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.statusMessage())
                        .contains("unable to parse requirement"));
    }

    @Test
    void malformedContinueTokenIsBadRequest() {
        assertThatThrownBy(() -> server.clientset().coreV1().configMaps("default")
                .list(ListOptions.builder().limit(1L).continueToken("not-a-token").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.statusMessage())
                        .startsWith("continue key is not valid"));
    }

    @Test
    void listAtAFutureResourceVersionWaitsForIt() {
        long next = server.resourceVersion() + 1;
        CompletableFuture<ConfigMapList> list = CompletableFuture.supplyAsync(() -> server.clientset().coreV1()
                .configMaps("default").list(ListOptions.builder().resourceVersion(Long.toString(next)).build()));
        await().pollDelay(Duration.ofMillis(50)).until(() -> !list.isDone());
        server.seed(new ConfigMapBuilder().withNewMetadata().withName("arrives").endMetadata().build());
        assertThat(Long.parseLong(list.join().getMetadata().getResourceVersion())).isGreaterThanOrEqualTo(next);
        assertThat(list.join().getItems()).extracting(c -> c.getMetadata().getName()).contains("arrives");
    }

    @Test
    void seedingIntoAMissingNamespaceNamesTheProblem() {
        assertThatThrownBy(() -> server.seed(new ConfigMapBuilder().withNewMetadata().withName("x").withNamespace("absent")
                .endMetadata().build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespaces \"absent\" not found");
        assertThat(List.of(server.url().getHost())).containsExactly("127.0.0.1");
    }
}
