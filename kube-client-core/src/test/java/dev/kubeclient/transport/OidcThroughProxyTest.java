package dev.kubeclient.transport;

import dev.kubeclient.config.AuthProviderConfig;
import dev.kubeclient.config.RestConfig;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OIDC refresh goes through the configuration's proxy, as the API server's requests do. */
class OidcThroughProxyTest {

    @StartStop
    final MockWebServer proxy = new MockWebServer();

    @Test
    void theOidcRefreshUsesTheConfiguredProxy() throws Exception {
        String idToken = jwt(4102444800L);
        proxy.enqueue(new MockResponse.Builder().body("{\"issuer\":\"http://idp.example.invalid/realms/kube\","
                + "\"token_endpoint\":\"http://idp.example.invalid/realms/kube/token\"}").build());
        proxy.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"id_token\":\"" + idToken + "\"}").build());
        proxy.enqueue(new MockResponse.Builder().body("{}").build());
        RestConfig config = RestConfig.builder().server("http://api.example.invalid")
                .proxy(URI.create(proxy.url("/").toString()))
                .authProvider(new AuthProviderConfig("oidc", Map.of("refresh-token", "rt",
                        "idp-issuer-url", "http://idp.example.invalid/realms/kube", "client-id", "kube")))
                .build();

        try (KubeTransport transport = KubeTransport.builder(config).environment(name -> null).build();
             Response response = transport.httpClient().newCall(new Request.Builder()
                     .url("http://api.example.invalid/version").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }

        RecordedRequest discovery = proxy.takeRequest();
        assertThat(discovery.getUrl().host()).isEqualTo("idp.example.invalid");
        assertThat(discovery.getUrl().encodedPath()).isEqualTo("/realms/kube/.well-known/openid-configuration");
        assertThat(proxy.takeRequest().getUrl().encodedPath()).isEqualTo("/realms/kube/token");
        RecordedRequest api = proxy.takeRequest();
        assertThat(api.getUrl().host()).isEqualTo("api.example.invalid");
        assertThat(api.getHeaders().get("Authorization")).isEqualTo("Bearer " + idToken);
    }

    private static String jwt(long exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"u\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
    }
}
