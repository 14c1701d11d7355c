package dev.kubeclient.pager;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.rest.KubeRestClient;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListPagerTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private KubeRestClient client;
    private ListPager<ConfigMap> pager;

    @BeforeEach
    void setUp() {
        client = KubeRestClient.builder(RestConfig.builder().server(server.url("/").toString()).qps(-1).build())
                .httpClient(new OkHttpClient()).build();
        pager = ListPager.ofList((PageRequest page) -> client.get().version("v1").namespace("ns")
                .resource("configmaps").params(page.queryParameters()).as(ConfigMapList.class)).pageSize(2);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static String list(String rv, String continueToken, String... names) {
        StringBuilder items = new StringBuilder();
        for (String name : names) {
            items.append(items.length() == 0 ? "" : ",").append("{\"metadata\":{\"name\":\"").append(name)
                    .append("\",\"resourceVersion\":\"").append(rv).append("\"}}");
        }
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"" + rv + "\""
                + (continueToken == null ? "" : ",\"continue\":\"" + continueToken + "\"") + "},\"items\":["
                + items + "]}";
    }

    private void page(String body) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build());
    }

    private void expired() {
        server.enqueue(new MockResponse.Builder().code(410).addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"The provided "
                        + "continue parameter is too old\",\"reason\":\"Expired\",\"code\":410}").build());
    }

    private static List<String> names(List<ConfigMap> items) {
        return items.stream().map(c -> c.getMetadata().getName()).toList();
    }

    @Test
    void listAllFollowsContinueTokensAndKeepsTheFirstPagesResourceVersion() throws Exception {
        page(list("10", "t1", "a", "b"));
        page(list("10", "t2", "c", "d"));
        page(list("10", null, "e"));

        Page<ConfigMap> all = pager.listAll();

        assertThat(names(all.items())).containsExactly("a", "b", "c", "d", "e");
        assertThat(all.resourceVersion()).isEqualTo("10");
        assertThat(all.hasNext()).isFalse();
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
        assertThat(first.getUrl().queryParameter("continue")).isNull();
        assertThat(server.takeRequest().getUrl().queryParameter("continue")).isEqualTo("t1");
        assertThat(server.takeRequest().getUrl().queryParameter("continue")).isEqualTo("t2");
    }

    @Test
    void theStreamFetchesThePageAfterOnlyWhenItIsNeeded() {
        page(list("10", "t1", "a", "b"));
        page(list("10", null, "c"));

        Iterator<ConfigMap> items = pager.iterator();
        assertThat(items.next().getMetadata().getName()).isEqualTo("a");
        assertThat(items.next().getMetadata().getName()).isEqualTo("b");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(items.next().getMetadata().getName()).isEqualTo("c");
        assertThat(items.hasNext()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anExpiredContinueTokenMakesListAllFallBackToOneFullList() throws Exception {
        page(list("10", "t1", "a", "b"));
        expired();
        page(list("30", null, "a", "c", "d"));

        Page<ConfigMap> all = pager.listAll();

        assertThat(names(all.items())).containsExactly("a", "c", "d");
        assertThat(all.resourceVersion()).isEqualTo("30");
        server.takeRequest();
        server.takeRequest();
        RecordedRequest full = server.takeRequest();
        assertThat(full.getUrl().queryParameter("limit")).isNull();
        assertThat(full.getUrl().queryParameter("continue")).isNull();
    }

    @Test
    void anExpiredContinueTokenMakesTheStreamGoOnOverAFullList() {
        page(list("10", "t1", "a", "b"));
        expired();
        page(list("30", null, "a", "c"));

        assertThat(pager.stream().map(c -> c.getMetadata().getName()).toList()).containsExactly("a", "b", "a", "c");
    }

    @Test
    void otherErrorsArePassedOn() {
        page(list("10", "t1", "a", "b"));
        server.enqueue(new MockResponse.Builder().code(404).body("").build());

        assertThatThrownBy(pager::listAll).isInstanceOf(NotFoundException.class);
    }

    @Test
    void worksOnUntypedPagesToo() {
        page(list("10", "t1", "a"));
        page(list("10", null, "b"));
        ListPager<Map<String, Object>> untyped = ListPager.of(
                (PageRequest p) -> client.get().absPath("/api/v1/configmaps").params(p.queryParameters())
                        .as(new TypeReference<Map<String, Object>>() { }),
                ListPagerTest::items, m -> (String) meta(m).get("continue"),
                m -> (String) meta(m).get("resourceVersion"));

        assertThat(untyped.stream().map(m -> meta(m).get("name")).toList()).containsExactly("a", "b");
        assertThat(untyped.pageSize()).isEqualTo(ListPager.DEFAULT_PAGE_SIZE);
    }

    @Test
    void onePageCanBeAskedFor() {
        page(list("10", "t9", "x"));
        Page<ConfigMap> one = pager.page(new PageRequest(1, "t8"));
        assertThat(one.continueToken()).isEqualTo("t9");
        assertThat(one.hasNext()).isTrue();
        assertThatThrownBy(() -> new PageRequest(-1, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> pager.pageSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pageSize");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> list) {
        return (List<Map<String, Object>>) list.get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }
}
