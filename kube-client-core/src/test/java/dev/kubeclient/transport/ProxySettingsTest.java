package dev.kubeclient.transport;

import dev.kubeclient.config.RestConfig;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxySettingsTest {

    private static final RestConfig NO_PROXY_CONFIG = RestConfig.builder().server("https://api.example.com:6443").build();

    private static ProxySettings fromEnv(Map<String, String> env) {
        return ProxySettings.forConfig(NO_PROXY_CONFIG, env::get);
    }

    private static String proxyFor(ProxySettings settings, String url) {
        Proxy proxy = settings.select(URI.create(url)).get(0);
        if (proxy.type() == Proxy.Type.DIRECT) {
            return "DIRECT";
        }
        InetSocketAddress address = (InetSocketAddress) proxy.address();
        return proxy.type() + " " + address.getHostString() + ":" + address.getPort();
    }

    @Test
    void httpsUrlsUseHttpsProxyAndHttpUrlsUseHttpProxy() {
        ProxySettings settings = fromEnv(Map.of("HTTPS_PROXY", "http://secure-proxy:3128", "HTTP_PROXY", "plain-proxy:8080"));

        assertThat(proxyFor(settings, "https://api.example.com:6443/api")).isEqualTo("HTTP secure-proxy:3128");
        assertThat(proxyFor(settings, "http://api.example.com/api")).isEqualTo("HTTP plain-proxy:8080");
    }

    @Test
    void upperCaseVariablesWinOverLowerCaseOnes() {
        ProxySettings settings = fromEnv(Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:2"));
        ProxySettings lowerOnly = fromEnv(Map.of("https_proxy", "http://lower:2", "no_proxy", "api.example.com"));

        assertThat(proxyFor(settings, "https://api.example.com/")).isEqualTo("HTTP upper:1");
        assertThat(proxyFor(lowerOnly, "https://api.example.com/")).isEqualTo("DIRECT");
        assertThat(proxyFor(lowerOnly, "https://other.example.com/")).isEqualTo("HTTP lower:2");
    }

    @Test
    void withoutVariablesEverythingGoesDirect() {
        assertThat(proxyFor(fromEnv(Map.of()), "https://api.example.com/")).isEqualTo("DIRECT");
    }

    @Test
    void localhostAndLoopbackAreNeverProxiedAsInGo() {
        ProxySettings settings = fromEnv(Map.of("HTTPS_PROXY", "http://proxy:3128"));

        assertThat(proxyFor(settings, "https://localhost:6443/")).isEqualTo("DIRECT");
        assertThat(proxyFor(settings, "https://127.0.0.1:6443/")).isEqualTo("DIRECT");
        assertThat(proxyFor(settings, "https://[::1]:6443/")).isEqualTo("DIRECT");
    }

    @ParameterizedTest(name = "NO_PROXY={0}, {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "*                         | https://api.example.com/          | DIRECT",
            "api.example.com           | https://api.example.com/          | DIRECT",
            "example.com               | https://api.example.com/          | DIRECT",
            "example.com               | https://example.com/              | DIRECT",
            "example.com               | https://notexample.com/           | HTTP proxy:3128",
            ".example.com              | https://example.com/              | HTTP proxy:3128",
            ".example.com              | https://api.example.com/          | DIRECT",
            "*.example.com             | https://api.example.com/          | DIRECT",
            "*.example.com             | https://example.com/              | HTTP proxy:3128",
            "api.example.com:6443      | https://api.example.com:6443/     | DIRECT",
            "api.example.com:6443      | https://api.example.com:443/      | HTTP proxy:3128",
            "10.0.0.1                  | https://10.0.0.1:6443/            | DIRECT",
            "10.0.0.1                  | https://10.0.0.2:6443/            | HTTP proxy:3128",
            "10.0.0.0/8                | https://10.200.3.4/               | DIRECT",
            "10.0.0.0/8                | https://11.0.0.1/                 | HTTP proxy:3128",
            "192.168.1.0/28            | https://192.168.1.15/             | DIRECT",
            "192.168.1.0/28            | https://192.168.1.16/             | HTTP proxy:3128",
            "fd00::/8                  | https://[fd00::1]:6443/           | DIRECT",
            "' other.org , API.Example.COM '| https://api.example.com/     | DIRECT",
            "''                        | https://api.example.com/          | HTTP proxy:3128"})
    void noProxyFollowsGosRules(String noProxy, String url, String expected) {
        ProxySettings settings = fromEnv(Map.of("HTTPS_PROXY", "http://proxy:3128", "NO_PROXY", noProxy));

        assertThat(proxyFor(settings, url)).isEqualTo(expected);
    }

    @Test
    void theConfiguredProxyWinsOverTheEnvironmentAndNoProxy() {
        RestConfig config = NO_PROXY_CONFIG.toBuilder().proxy(URI.create("socks5://socks.internal:1080")).build();
        ProxySettings settings = ProxySettings.forConfig(config, Map.of("HTTPS_PROXY", "http://env:1", "NO_PROXY", "*")::get);

        assertThat(proxyFor(settings, "https://api.example.com/")).isEqualTo("SOCKS socks.internal:1080");
    }

    @Test
    void unusableProxyUrlsAreRejectedNamingTheirSource() {
        assertThatThrownBy(() -> fromEnv(Map.of("HTTPS_PROXY", "ftp://proxy:21")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTPS_PROXY").hasMessageContaining("ftp");
        assertThatThrownBy(() -> fromEnv(Map.of("HTTP_PROXY", "https://user:hunter2@proxy:443")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTP_PROXY")
                .hasMessageContaining("https:// proxy").hasMessageNotContaining("hunter2");
        RestConfig socksWithPassword = NO_PROXY_CONFIG.toBuilder().proxy(URI.create("socks5://u:p@socks:1080")).build();
        assertThatThrownBy(() -> ProxySettings.forConfig(socksWithPassword, name -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RestConfig.proxy").hasMessageContaining("SOCKS");
    }

    @Test
    void requestsGoThroughTheEnvironmentsProxyWhichGetsItsCredentialsAfterA407() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.start();
            proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"proxy\"").build());
            proxy.enqueue(new MockResponse.Builder().body("{\"major\":\"1\"}").build());
            RestConfig config = RestConfig.builder().server("http://kube.example.test:8080").build();
            Map<String, String> env = Map.of("HTTP_PROXY", "http://ops%40corp:p%3Ass@127.0.0.1:" + proxy.getPort());
            try (KubeTransport transport = KubeTransport.builder(config).environment(env::get).build();
                 Response response = transport.httpClient()
                         .newCall(new Request.Builder().url("http://kube.example.test:8080/version").build()).execute()) {
                assertThat(response.body().string()).isEqualTo("{\"major\":\"1\"}");
            }
            RecordedRequest first = proxy.takeRequest();
            RecordedRequest second = proxy.takeRequest();
            assertThat(first.getRequestLine()).startsWith("GET http://kube.example.test:8080/version");
            assertThat(first.getHeaders().get("Proxy-Authorization")).isNull();
            assertThat(second.getHeaders().get("Proxy-Authorization"))
                    .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ops@corp:p:ss".getBytes()));
        }
    }

    @Test
    void wrongProxyCredentialsAreNotSentOverAndOver() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.start();
            for (int i = 0; i < 5; i++) {
                proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"proxy\"").build());
            }
            RestConfig config = RestConfig.builder().server("http://kube.example.test:8080")
                    .proxy(URI.create("http://u:wrong@127.0.0.1:" + proxy.getPort())).build();
            try (KubeTransport transport = KubeTransport.builder(config).environment(name -> null).build();
                 Response response = transport.httpClient()
                         .newCall(new Request.Builder().url("http://kube.example.test:8080/version").build()).execute()) {
                assertThat(response.code()).isEqualTo(407);
            }
            assertThat(proxy.getRequestCount()).isEqualTo(2);
        }
    }
}
