package dev.kubeclient.rest;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.observation.RequestInfo;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeRequestTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final RecordingListener listener = new RecordingListener();
    private KubeRestClient client;

    @BeforeEach
    void setUp() {
        client = clientFor(server.url("/").toString());
    }

    private KubeRestClient clientFor(String url) {
        RestConfig config = RestConfig.builder().server(url).listener(listener).qps(-1).build();
        return KubeRestClient.builder(config).httpClient(new OkHttpClient()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private void ok(String body) {
        server.enqueue(new MockResponse.Builder().body(body).addHeader("Content-Type", "application/json").build());
    }

    @Test
    void getOfANamedCoreObjectBuildsTheNamespacedPathAndAsksForJson() throws Exception {
        ok("{}");
        client.get().version("v1").namespace("team-a").resource("configmaps").name("settings").bytes();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/team-a/configmaps/settings");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(listener.started()).singleElement().satisfies(info -> {
            assertThat(info.verb()).isEqualTo("get");
            assertThat(info.urlTemplate()).isEqualTo("/api/v1/namespaces/{namespace}/configmaps/{name}");
            assertThat(info.resource()).isEqualTo("configmaps");
            assertThat(info.group()).isEmpty();
            assertThat(info.version()).isEqualTo("v1");
        });
    }

    @Test
    void groupVersionBuildsAnApisPathWithSubresource() throws Exception {
        ok("{}");
        client.get().group("apps").version("v1").namespace("ns").resource("Deployments").name("web")
                .subresource("scale").bytes();

        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/apis/apps/v1/namespaces/ns/deployments/web/scale");
        RequestInfo info = listener.started().get(0);
        assertThat(info.subresource()).isEqualTo("scale");
        assertThat(info.group()).isEqualTo("apps");
        assertThat(info.urlTemplate()).isEqualTo("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale");
    }

    @Test
    void prefixIsAnAlternativeToGroupAndVersion() throws Exception {
        ok("{}");
        client.get().prefix("apis", "apps", "v1").resource("deployments").bytes();

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/apis/apps/v1/deployments");
        assertThat(listener.started().get(0).verb()).isEqualTo("list");
        assertThat(listener.started().get(0).group()).isEqualTo("apps");
    }

    @Test
    void serverPathPrefixIsKeptInFrontOfEveryPath() throws Exception {
        try (KubeRestClient proxied = clientFor(server.url("/k8s/clusters/c-1/").toString())) {
            ok("{}");
            proxied.get().version("v1").resource("namespaces").name("default").bytes();
        }
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/k8s/clusters/c-1/api/v1/namespaces/default");
    }

    @Test
    void queryParametersAreEncodedAndMayRepeat() throws Exception {
        ok("{}");
        client.get().version("v1").resource("pods")
                .param("labelSelector", "app in (a,b),tier=web")
                .param("fieldSelector", null)
                .params(Map.of("limit", "5"))
                .param("x", "1").param("x", "2")
                .bytes();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().queryParameter("labelSelector")).isEqualTo("app in (a,b),tier=web");
        assertThat(request.getUrl().encodedQuery()).contains("labelSelector=app%20in%20%28a%2Cb%29%2Ctier%3Dweb");
        assertThat(request.getUrl().queryParameterValues("x")).containsExactly("1", "2");
        assertThat(request.getUrl().queryParameterNames()).doesNotContain("fieldSelector");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("5");
    }

    @Test
    void absPathIsParsedIntoTheSameRequestInfo() throws Exception {
        ok("{}");
        client.get().absPath("/api/v1/namespaces/x/pods/y").bytes();

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/x/pods/y");
        RequestInfo info = listener.started().get(0);
        assertThat(info.verb()).isEqualTo("get");
        assertThat(info.urlTemplate()).isEqualTo("/api/v1/namespaces/{namespace}/pods/{name}");
        assertThat(info.resource()).isEqualTo("pods");
        assertThat(info.host()).isEqualTo(server.getHostName() + ":" + server.getPort());
    }

    @Test
    void absPathOfANonResourceEndpointKeepsThePathAndUsesTheMethodAsVerb() throws Exception {
        ok("{}");
        client.get().absPath("/version").bytes();
        ok("{}");
        client.get().absPath("apis", "apps", "v1").bytes();

        assertThat(listener.started()).extracting(RequestInfo::verb, RequestInfo::urlTemplate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("get", "/version"),
                        org.assertj.core.groups.Tuple.tuple("get", "/apis/apps/v1"));
    }

    @Test
    void namespaceStatusIsASubresourceOfTheNamespaceNotANamespacedResource() throws Exception {
        ok("{}");
        client.put().absPath("/api/v1/namespaces/x/finalize").body("{}").bytes();

        RequestInfo info = listener.started().get(0);
        assertThat(info.resource()).isEqualTo("namespaces");
        assertThat(info.subresource()).isEqualTo("finalize");
        assertThat(info.urlTemplate()).isEqualTo("/api/v1/namespaces/{name}/finalize");
    }

    @Test
    void postSendsAnObjectAsJsonWithoutNulls() throws Exception {
        ok("{}");
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata()
                .addToData("k", "v").build();
        client.post().version("v1").namespace("ns").resource("configmaps").body(cm).bytes();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        String body = request.getBody().utf8();
        assertThat(body).contains("\"name\":\"c\"").contains("\"k\":\"v\"").doesNotContain("null");
        assertThat(listener.started().get(0).verb()).isEqualTo("create");
        assertThat(listener.started().get(0).urlTemplate()).isEqualTo("/api/v1/namespaces/{namespace}/configmaps");
    }

    @Test
    void putIsAnUpdateAndDeleteWithAndWithoutNameAreDeleteAndDeleteCollection() throws Exception {
        ok("{}");
        client.put().version("v1").namespace("ns").resource("configmaps").name("c").body("{\"a\":1}").bytes();
        ok("{}");
        client.delete().version("v1").namespace("ns").resource("configmaps").name("c")
                .body(Map.of("propagationPolicy", "Foreground")).bytes();
        ok("{}");
        client.delete().version("v1").namespace("ns").resource("configmaps").param("labelSelector", "a=b").bytes();

        RecordedRequest put = server.takeRequest();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getBody().utf8()).isEqualTo("{\"a\":1}");
        RecordedRequest delete = server.takeRequest();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getBody().utf8()).isEqualTo("{\"propagationPolicy\":\"Foreground\"}");
        RecordedRequest deleteCollection = server.takeRequest();
        assertThat(deleteCollection.getBodySize()).isZero();
        assertThat(listener.started()).extracting(RequestInfo::verb)
                .containsExactly("update", "delete", "deletecollection");
    }

    @ParameterizedTest
    @EnumSource(PatchType.class)
    void patchCarriesThePatchTypesContentType(PatchType type) throws Exception {
        ok("{}");
        String body = type == PatchType.APPLY ? "apiVersion: v1\nkind: ConfigMap\n" : "{}";
        client.patch(type).version("v1").namespace("ns").resource("configmaps").name("c")
                .param("fieldManager", "me").body(body).bytes();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("PATCH");
        assertThat(request.getHeaders().get("Content-Type")).startsWith(type.contentType());
        assertThat(request.getBody().utf8()).isEqualTo(body);
        assertThat(listener.started().get(0).verb()).isEqualTo("patch");
    }

    @Test
    void contentTypeAndHeadersCanBeSetByTheCaller() throws Exception {
        ok("{}");
        client.post().absPath("/api/v1/namespaces/ns/configmaps").contentType("application/yaml")
                .header("Accept", "application/yaml").header("X-Extra", "1").body("a: b").bytes();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/yaml");
        assertThat(request.getHeaders().values("Accept")).containsExactly("application/yaml");
        assertThat(request.getHeaders().get("X-Extra")).isEqualTo("1");
    }

    @Test
    void theRequestInfoIsAttachedToTheHttpRequestAsATag() throws Exception {
        RequestInfo[] seen = new RequestInfo[1];
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
            seen[0] = chain.request().tag(RequestInfo.class);
            return chain.proceed(chain.request());
        }).build();
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).qps(-1).build();
        try (KubeRestClient tagged = KubeRestClient.builder(config).httpClient(http).build()) {
            ok("{}");
            tagged.get().version("v1").namespace("n").resource("pods").name("p").bytes();
        }
        assertThat(seen[0]).isNotNull();
        assertThat(seen[0].urlTemplate()).isEqualTo("/api/v1/namespaces/{namespace}/pods/{name}");
    }

    @Test
    void verbCanBeOverriddenForReporting() throws Exception {
        ok("{}");
        client.get().version("v1").resource("pods").verb("watch").bytes();
        assertThat(listener.started().get(0).verb()).isEqualTo("watch");
    }

    @Test
    void badPathPartsAreRejectedWithTheFieldNamed() {
        assertThatThrownBy(() -> client.get().name("a/b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name 'a/b'");
        assertThatThrownBy(() -> client.get().resource("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resource must not be empty");
        assertThatThrownBy(() -> client.get().namespace("..")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespace '..'");
        assertThatThrownBy(() -> client.get().version("v1").name("x").bytes())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a resource");
        assertThatThrownBy(() -> client.get().timeout(java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }

    @Test
    void aRequestIsSingleUse() {
        ok("{}");
        KubeRequest request = client.get().absPath("/version");
        request.bytes();
        assertThatThrownBy(request::bytes).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("single-use");
    }

    @Test
    void namesAreEncodedAsPathSegments() throws Exception {
        ok("{}");
        client.get().version("v1").namespace("ns").resource("configmaps").name("a b:c").bytes();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/ns/configmaps/a%20b:c");
    }
}
