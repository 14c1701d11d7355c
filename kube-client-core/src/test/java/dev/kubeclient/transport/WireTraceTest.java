package dev.kubeclient.transport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kubeclient.config.RestConfig;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.kubeclient.transport.TlsFixtures.CA;
import static dev.kubeclient.transport.TlsFixtures.SERVER;
import static dev.kubeclient.transport.TlsFixtures.pem;
import static org.assertj.core.api.Assertions.assertThat;

class WireTraceTest {

    private static final MediaType JSON = MediaType.get("application/json");

    // Distinctive strings: none of them may appear in any trace line at any level.
    private static final String BEARER = "bearer-SECRET-7f3a91";
    private static final String COOKIE = "cookie-SECRET-e21b";
    private static final String SET_COOKIE = "setcookie-SECRET-44c0";
    private static final String SECRET_DATA_PLAIN = "secretdata-SECRET-b6d2";
    private static final String SECRET_DATA = Base64.getEncoder().encodeToString(SECRET_DATA_PLAIN.getBytes(StandardCharsets.UTF_8));
    private static final String STRING_DATA = "stringdata-SECRET-90af";
    private static final String LAST_APPLIED = "lastapplied-SECRET-1c1c";
    private static final String TOKEN_REQUEST = "tokenrequest-SECRET-5e5e";
    private static final String TOKEN_REVIEW = "tokenreview-SECRET-6f6f";
    private static final String CLIENT_KEY = "clientkey-SECRET-7a7a";
    private static final String PASSWORD = "password-SECRET-8b8b";
    private static final String PROXY_AUTH = "proxyauth-SECRET-9c9c";
    private static final List<String> SECRETS = List.of(BEARER, COOKIE, SET_COOKIE, SECRET_DATA, SECRET_DATA_PLAIN,
            STRING_DATA, LAST_APPLIED, TOKEN_REQUEST, TOKEN_REVIEW, CLIENT_KEY, PASSWORD, PROXY_AUTH);

    private static final String SECRET_JSON = "{\"kind\":\"Secret\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"db\","
            + "\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"{\\\"data\\\":\\\"" + LAST_APPLIED + "\\\"}\"}},"
            + "\"data\":{\"password\":\"" + SECRET_DATA + "\"},\"type\":\"Opaque\"}";
    private static final String SECRET_LIST_JSON = "{\"kind\":\"SecretList\",\"apiVersion\":\"v1\",\"metadata\":{},"
            + "\"items\":[{\"metadata\":{\"name\":\"a\"},\"data\":{\"k\":\"" + SECRET_DATA + "\"}}]}";
    private static final String SECRET_PATCH_JSON = "{\"stringData\":{\"user\":\"" + STRING_DATA + "\"},\"data\":{\"x\":\"" + SECRET_DATA + "\"}}";
    private static final String TOKEN_REQUEST_JSON = "{\"kind\":\"TokenRequest\",\"apiVersion\":\"authentication.k8s.io/v1\","
            + "\"spec\":{\"audiences\":[\"api\"]},\"status\":{\"token\":\"" + TOKEN_REQUEST + "\",\"expirationTimestamp\":\"2030-01-01T00:00:00Z\"}}";
    private static final String TOKEN_REVIEW_JSON = "{\"kind\":\"TokenReview\",\"apiVersion\":\"authentication.k8s.io/v1\","
            + "\"spec\":{\"token\":\"" + TOKEN_REVIEW + "\"}}";
    private static final String CONFIG_JSON = "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"visible-name\"},"
            + "\"data\":{\"kubeconfig\":\"plain\",\"nested\":{\"clientKeyData\":\"" + CLIENT_KEY + "\",\"password\":\"" + PASSWORD + "\"}}}";

    private MockWebServer server;
    private ListAppender<ILoggingEvent> appender;
    private Logger logger;
    private Level previousLevel;
    private final List<KubeTransport> transports = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        server = TlsFixtures.httpsServer(SERVER);
        server.start();
        logger = (Logger) LoggerFactory.getLogger(WireTrace.LOGGER_NAME);
        previousLevel = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        transports.forEach(KubeTransport::close);
        server.close();
    }

    private KubeTransport transport(int level) {
        RestConfig config = TlsFixtures.configFor(server).caData(pem(CA)).bearerToken(BEARER).traceLevel(level).build();
        KubeTransport t = KubeTransport.builder(config).environment(name -> null).build();
        transports.add(t);
        return t;
    }

    private String call(KubeTransport transport, String method, String path, String requestBody, MockResponse response) throws IOException {
        server.enqueue(response);
        Request.Builder request = new Request.Builder().url(server.url(path))
                .header("Cookie", "session=" + COOKIE)
                .header("Proxy-Authorization", "Basic " + PROXY_AUTH)
                .method(method, requestBody == null ? null : RequestBody.create(requestBody, JSON));
        try (Response r = transport.httpClient().newCall(request.build()).execute()) {
            return r.body().string();
        }
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("Set-Cookie", "s=" + SET_COOKIE).body(body).build();
    }

    private List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private String trace() {
        return String.join("\n", lines());
    }

    /** Every request shape that carries a secret, in both directions. */
    private void sendEverySecret(KubeTransport transport) throws IOException {
        assertThat(call(transport, "GET", "/api/v1/namespaces/ns/secrets/db", null, json(200, SECRET_JSON))).isEqualTo(SECRET_JSON);
        call(transport, "GET", "/api/v1/namespaces/ns/secrets", null, json(200, SECRET_LIST_JSON));
        call(transport, "POST", "/api/v1/namespaces/ns/secrets", SECRET_JSON, json(201, SECRET_JSON));
        call(transport, "PATCH", "/api/v1/namespaces/ns/secrets/db", SECRET_PATCH_JSON, json(200, SECRET_JSON));
        call(transport, "POST", "/api/v1/namespaces/ns/serviceaccounts/sa/token", TOKEN_REQUEST_JSON, json(201, TOKEN_REQUEST_JSON));
        call(transport, "POST", "/apis/authentication.k8s.io/v1/tokenreviews", TOKEN_REVIEW_JSON, json(201, TOKEN_REVIEW_JSON));
        call(transport, "PUT", "/api/v1/namespaces/ns/configmaps/visible-name", CONFIG_JSON, json(200, CONFIG_JSON));
    }

    @ParameterizedTest(name = "level {0}")
    @ValueSource(ints = {6, 7, 8, 9})
    void noSecretReachesTheTraceAtAnyLevel(int level) throws Exception {
        sendEverySecret(transport(level));

        String trace = trace();
        assertThat(trace).isNotEmpty();
        for (String secret : SECRETS) {
            assertThat(trace).as("trace at level %d must not contain %s", level, secret).doesNotContain(secret);
        }
        assertThat(appender.list).allMatch(e -> e.getLevel() == Level.INFO);
    }

    @Test
    void level6PrintsMethodUrlStatusAndLatencyOnly() throws Exception {
        KubeTransport transport = transport(6);
        call(transport, "GET", "/api/v1/namespaces/ns/secrets/db", null, json(200, SECRET_JSON));

        assertThat(lines()).singleElement().asString()
                .matches("GET " + server.url("/api/v1/namespaces/ns/secrets/db") + " 200 OK in \\d+ milliseconds");
    }

    @Test
    void level7AddsACurlLineAndHeadersWithCredentialsMasked() throws Exception {
        KubeTransport transport = transport(7);
        call(transport, "POST", "/api/v1/namespaces/ns/configmaps", CONFIG_JSON, json(201, CONFIG_JSON));

        String trace = trace();
        assertThat(trace).contains("curl -v -XPOST", "-H \"Authorization: Bearer <masked>\"",
                "'" + server.url("/api/v1/namespaces/ns/configmaps") + "'");
        assertThat(trace).contains("Request Headers:", "    Authorization: Bearer <masked>", "    Cookie: <masked>",
                "    Proxy-Authorization: Basic <masked>", "    User-Agent: ", ") kube-client/", "    Content-Type: application/json");
        assertThat(trace).contains("Response Status: 201 Created in ", "Response Headers:");
        assertThat(trace).containsIgnoringCase("    Set-Cookie: <masked>");
        assertThat(trace).doesNotContain("Request Body", "Response Body", "visible-name");
    }

    @Test
    void level8PrintsMaskedBodiesAndKeepsWhatIsNotSecret() throws Exception {
        KubeTransport transport = transport(8);
        call(transport, "PUT", "/api/v1/namespaces/ns/configmaps/visible-name", CONFIG_JSON, json(200, CONFIG_JSON));
        call(transport, "GET", "/api/v1/namespaces/ns/secrets/db", null, json(200, SECRET_JSON));

        String trace = trace();
        assertThat(trace).contains("Request Body: {\"kind\":\"ConfigMap\"", "\"kubeconfig\":\"plain\"",
                "\"clientKeyData\":\"<masked>\"", "\"password\":\"<masked>\"");
        assertThat(trace).contains("Response Body: {\"kind\":\"Secret\"", "\"name\":\"db\"", "\"data\":{\"password\":\"<masked>\"}",
                "\"kubectl.kubernetes.io/last-applied-configuration\":\"<masked>\"");
    }

    @Test
    void level8CutsLongBodiesAndLevel9PrintsThemWhole() throws Exception {
        String big = "{\"kind\":\"ConfigMap\",\"data\":{\"big\":\"" + "x".repeat(20_000) + "\",\"token\":\"" + TOKEN_REQUEST + "\"},\"tail\":\"END-MARK\"}";

        call(transport(8), "GET", "/api/v1/namespaces/ns/configmaps/big", null, json(200, big));
        String eight = trace();
        appender.list.clear();
        String body = call(transport(9), "GET", "/api/v1/namespaces/ns/configmaps/big", null, json(200, big));
        String nine = trace();

        assertThat(body).isEqualTo(big);
        assertThat(eight).contains("...[truncated").doesNotContain("END-MARK");
        assertThat(nine).contains("END-MARK", "\"token\":\"<masked>\"").doesNotContain("truncated").doesNotContain(TOKEN_REQUEST);
    }

    @Test
    void aSecretBodyCutInTheMiddleOfItsDataShowsNoneOfIt() throws Exception {
        String secretData = Base64.getEncoder().encodeToString(("y".repeat(12_000) + SECRET_DATA_PLAIN).getBytes(StandardCharsets.UTF_8));
        String secret = "{\"kind\":\"Secret\",\"apiVersion\":\"v1\",\"data\":{\"big\":\"" + secretData + "\"}}";

        call(transport(8), "GET", "/api/v1/namespaces/ns/secrets/big", null, json(200, secret));

        assertThat(trace()).doesNotContain(secretData.substring(0, 40)).contains("...[truncated");
    }

    @Test
    void nonJsonBodiesThatMayHoldSecretsAreNotPrinted() throws Exception {
        KubeTransport transport = transport(9);
        call(transport, "GET", "/api/v1/namespaces/ns/secrets/db", null,
                new MockResponse.Builder().addHeader("Content-Type", "application/yaml").body("kind: Secret\ndata:\n  a: " + SECRET_DATA).build());
        call(transport, "GET", "/healthz", null,
                new MockResponse.Builder().code(429).addHeader("Content-Type", "text/plain").body("Too many requests, please try again later.").build());

        assertThat(trace()).doesNotContain(SECRET_DATA).contains("not shown: a non-JSON body for a Secret")
                .contains("Response Body: Too many requests, please try again later.");
    }

    @Test
    void watchStreamsAreNotReadAheadAndReachTheCallerAtOnce() throws Exception {
        KubeTransport transport = transport(9);
        String event = "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Secret\",\"data\":{\"k\":\"" + SECRET_DATA + "\"}}}\n";
        // 20 bytes a second: reading the whole body before returning would take many seconds.
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(event.repeat(20)).throttleBody(20, 1, TimeUnit.SECONDS).build());

        long start = System.nanoTime();
        Request request = new Request.Builder().url(server.url("/api/v1/namespaces/ns/secrets?watch=true")).build();
        try (Response response = transport.httpClient().newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().source().readUtf8(10)).isEqualTo(event.substring(0, 10));
        }

        // Reading the whole throttled body would take over 100 s; the first bytes come at once.
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        assertThat(trace()).contains("Response Body: <a stream, not shown>").doesNotContain(SECRET_DATA);
    }

    @Test
    void aDebugLoggerTurnsOnLevel6WhenTheConfigAsksForNothing() throws Exception {
        logger.setLevel(Level.DEBUG);
        call(transport(0), "GET", "/version", null, json(200, "{}"));

        assertThat(appender.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(e.getFormattedMessage()).startsWith("GET " + server.url("/version") + " 200 OK in ");
        });
    }

    @Test
    void aTraceLoggerTurnsOnLevel8WithSecretsStillMasked() throws Exception {
        logger.setLevel(Level.TRACE);
        sendEverySecret(transport(0));

        String trace = trace();
        assertThat(trace).contains("Request Headers:", "Response Body:");
        for (String secret : SECRETS) {
            assertThat(trace).doesNotContain(secret);
        }
    }

    @Test
    void nothingIsTracedAtLevel5WithAnInfoLogger() throws Exception {
        call(transport(5), "GET", "/version", null, json(200, "{}"));

        assertThat(appender.list).isEmpty();
    }

    @Test
    void aFailedRequestIsTracedWithItsError() throws Exception {
        KubeTransport transport = transport(6);
        server.close();

        Request request = new Request.Builder().url(server.url("/version")).build();
        try (Response ignored = transport.httpClient().newCall(request).execute()) {
            throw new AssertionError("the server is down; the call cannot succeed");
        } catch (IOException expected) {
            assertThat(trace()).contains("GET " + server.url("/version") + " failed after ");
        }
    }
}
