package dev.kubeclient.auth;

import dev.kubeclient.config.AuthProviderConfig;
import dev.kubeclient.config.RestConfig;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OidcTokenSourceTest {

    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    static final String REFRESH_SECRET = "rt-secret-1b2c3d";
    static final String CLIENT_SECRET = "client-secret-9e8f7a";

    final MutableClock clock = new MutableClock(START);
    final MockWebServer idp = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        idp.start();
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    static String jwt(Instant exp, String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"" + subject + "\",\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJl";
    }

    private Map<String, String> refreshable(String idToken) {
        Map<String, String> c = new HashMap<>();
        if (idToken != null) {
            c.put("id-token", idToken);
        }
        c.put("refresh-token", REFRESH_SECRET);
        c.put("idp-issuer-url", idp.url("/realms/kube/").toString());
        c.put("client-id", "kube");
        c.put("client-secret", CLIENT_SECRET);
        return c;
    }

    private OidcTokenSource source(Map<String, String> config) {
        return new OidcTokenSource(new AuthProviderConfig("oidc", config), "user 'dev' in /x/config", clock);
    }

    private void enqueueRefresh(String idToken, String refreshToken) {
        idp.enqueue(new MockResponse.Builder().body("{\"issuer\":\"" + idp.url("/realms/kube") + "\",\"token_endpoint\":\""
                + idp.url("/realms/kube/token") + "\"}").build());
        idp.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"id_token\":\"" + idToken + "\""
                        + (refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"") + "}").build());
    }

    @Test
    void usesTheIdTokenWhileItIsValid() throws IOException {
        String token = jwt(START.plus(Duration.ofHours(1)), "alice");
        OidcTokenSource source = source(refreshable(token));
        assertThat(source.token()).isEqualTo(token);
        clock.advance(Duration.ofMinutes(59));
        assertThat(source.token()).isEqualTo(token);
        assertThat(idp.getRequestCount()).isZero();
    }

    @Test
    void refreshesAnExpiredIdTokenThroughTheDiscoveredTokenEndpoint() throws Exception {
        String old = jwt(START.plusSeconds(5), "alice");
        String fresh = jwt(START.plus(Duration.ofHours(1)), "alice");
        enqueueRefresh(fresh, "rt-rotated");
        OidcTokenSource source = source(refreshable(old));

        assertThat(source.token()).isEqualTo(fresh);

        RecordedRequest discovery = idp.takeRequest(5, TimeUnit.SECONDS);
        assertThat(discovery.getMethod()).isEqualTo("GET");
        assertThat(discovery.getUrl().encodedPath()).isEqualTo("/realms/kube/.well-known/openid-configuration");
        RecordedRequest refresh = idp.takeRequest(5, TimeUnit.SECONDS);
        assertThat(refresh.getMethod()).isEqualTo("POST");
        assertThat(refresh.getUrl().encodedPath()).isEqualTo("/realms/kube/token");
        assertThat(refresh.getBody().utf8()).contains("grant_type=refresh_token", "refresh_token=" + REFRESH_SECRET,
                "client_id=kube", "client_secret=" + CLIENT_SECRET);

        // The rotated refresh token is the one used next time.
        String third = jwt(START.plus(Duration.ofHours(3)), "alice");
        enqueueRefresh(third, null);
        clock.advance(Duration.ofHours(2));
        assertThat(source.token()).isEqualTo(third);
        idp.takeRequest(5, TimeUnit.SECONDS);
        assertThat(idp.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()).contains("refresh_token=rt-rotated");
    }

    @Test
    void refreshesOnFirstUseWhenThereIsNoIdTokenYet() throws IOException {
        String fresh = jwt(START.plus(Duration.ofHours(1)), "bob");
        enqueueRefresh(fresh, null);
        assertThat(source(refreshable(null)).token()).isEqualTo(fresh);
    }

    @Test
    void aRejectedIdTokenIsRefreshedOnTheNextCall() throws IOException {
        String token = jwt(START.plus(Duration.ofHours(1)), "alice");
        String fresh = jwt(START.plus(Duration.ofHours(2)), "alice");
        OidcTokenSource source = source(refreshable(token));
        assertThat(source.invalidate(token)).isTrue();
        enqueueRefresh(fresh, null);
        assertThat(source.token()).isEqualTo(fresh);
    }

    @Test
    void anExpiredIdTokenWithoutARefreshTokenIsAClearError() {
        Map<String, String> c = Map.of("id-token", jwt(START.minusSeconds(60), "alice"), "client-id", "kube");
        OidcTokenSource source = source(c);
        assertThat(source.invalidate("x")).isFalse();
        assertThatThrownBy(source::token).isInstanceOf(CredentialException.class)
                .hasMessageContaining("expired").hasMessageContaining("cannot be refreshed")
                .hasMessageContaining("user 'dev' in /x/config");
    }

    @Test
    void neitherIdTokenNorRefreshSettingsIsRejectedUpFront() {
        assertThatThrownBy(() -> source(Map.of("client-id", "kube")))
                .isInstanceOf(CredentialException.class).hasMessageContaining("no id-token");
    }

    @Test
    void anIdTokenThatIsNotAJwtIsNamed() {
        OidcTokenSource source = source(Map.of("id-token", "opaque"));
        assertThatThrownBy(source::token).isInstanceOf(CredentialException.class).hasMessageContaining("not a JWT");
    }

    @Test
    void anIdpRefusalCarriesItsErrorCodeButNoSecret() {
        idp.enqueue(new MockResponse.Builder().body("{\"token_endpoint\":\"" + idp.url("/token") + "\"}").build());
        idp.enqueue(new MockResponse.Builder().code(400)
                .body("{\"error\":\"invalid_grant\",\"error_description\":\"Token is not active\"}").build());
        OidcTokenSource source = source(refreshable(jwt(START.minusSeconds(1), "alice")));
        assertThatThrownBy(source::token).isInstanceOf(CredentialException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("invalid_grant").hasMessageContaining("log in again")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(REFRESH_SECRET).doesNotContain(CLIENT_SECRET));
    }

    @Test
    void aMissingDiscoveryDocumentIsNamed() {
        idp.enqueue(new MockResponse.Builder().code(404).body("not found").build());
        OidcTokenSource source = source(refreshable(null));
        assertThatThrownBy(source::token).isInstanceOf(CredentialException.class)
                .hasMessageContaining("OIDC discovery").hasMessageContaining(".well-known/openid-configuration")
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void aRefreshAnswerWithoutIdTokenIsRejected() {
        idp.enqueue(new MockResponse.Builder().body("{\"token_endpoint\":\"" + idp.url("/token") + "\"}").build());
        idp.enqueue(new MockResponse.Builder().body("{\"access_token\":\"at\"}").build());
        OidcTokenSource source = source(refreshable(null));
        assertThatThrownBy(source::token).isInstanceOf(CredentialException.class).hasMessageContaining("without an id_token");
    }

    @Test
    void anUnreachableIdpIsAnIoErrorNamingIt() throws IOException {
        Map<String, String> c = refreshable(null);
        MockWebServer gone = new MockWebServer();
        gone.start();
        String url = gone.url("/").toString();
        gone.close();
        c.put("idp-issuer-url", url);
        OidcTokenSource source = source(c);
        assertThatThrownBy(source::token).isInstanceOf(IOException.class).hasMessageContaining(url.replaceAll("/$", ""))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(REFRESH_SECRET));
    }

    @Test
    void trustsTheIdpCertificateAuthorityFromData() throws IOException {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("idp-ca").build();
        HeldCertificate server = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName(idp.getHostName()).build();
        MockWebServer tlsIdp = new MockWebServer();
        tlsIdp.useHttps(new HandshakeCertificates.Builder().heldCertificate(server).build().sslSocketFactory());
        tlsIdp.start();
        try {
            String fresh = jwt(START.plus(Duration.ofHours(1)), "carol");
            tlsIdp.enqueue(new MockResponse.Builder().body("{\"token_endpoint\":\"" + tlsIdp.url("/token") + "\"}").build());
            tlsIdp.enqueue(new MockResponse.Builder().body("{\"id_token\":\"" + fresh + "\"}").build());
            Map<String, String> c = refreshable(null);
            c.put("idp-issuer-url", tlsIdp.url("/").toString());
            c.put("idp-certificate-authority-data", Base64.getEncoder().encodeToString(
                    ca.certificatePem().getBytes(StandardCharsets.US_ASCII)));
            assertThat(source(c).token()).isEqualTo(fresh);
        } finally {
            tlsIdp.close();
        }
    }

    @Test
    void isChosenByAuthenticationForTheOidcProvider() throws IOException {
        String token = jwt(START.plus(Duration.ofHours(1)), "alice");
        RestConfig config = RestConfig.builder().server("https://k8s.example")
                .authProvider(new AuthProviderConfig("oidc", Map.of("id-token", token))).build();
        Authentication auth = Authentication.forConfig(config, AuthEnvironment.system().withClock(clock));
        assertThat(auth.tokenSource()).get().isInstanceOf(OidcTokenSource.class);
        assertThat(auth.tokenSource().get().token()).isEqualTo(token);
    }

    @Test
    void toStringHidesEveryToken() {
        OidcTokenSource source = source(refreshable(jwt(START.plusSeconds(60), "alice")));
        assertThat(source.toString()).doesNotContain(REFRESH_SECRET).doesNotContain(CLIENT_SECRET).doesNotContain("eyJ");
    }
}
