package dev.kubeclient.transport;

import dev.kubeclient.auth.TokenSource;
import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.config.Impersonation;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.observation.RetryReason;
import dev.kubeclient.testing.FakeExecPlugin;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kubeclient.transport.TlsFixtures.CA;
import static dev.kubeclient.transport.TlsFixtures.SERVER;
import static dev.kubeclient.transport.TlsFixtures.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeTransportHeadersTest {

    private MockWebServer server;
    private final List<KubeTransport> transports = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() throws IOException {
        server = TlsFixtures.httpsServer(SERVER);
        server.start();
    }

    @AfterEach
    void stop() {
        transports.forEach(KubeTransport::close);
        server.close();
    }

    private RestConfig.Builder config() {
        return TlsFixtures.configFor(server).caData(pem(CA));
    }

    private KubeTransport transport(KubeTransport.Builder builder) {
        KubeTransport t = builder.environment(name -> null).build();
        transports.add(t);
        return t;
    }

    private KubeTransport transport(RestConfig config) {
        return transport(KubeTransport.builder(config));
    }

    private Response get(KubeTransport transport, Object tag) throws IOException {
        Request.Builder request = new Request.Builder().url(server.url("/api/v1/namespaces"));
        if (tag != null) {
            request.tag(RequestInfo.class, (RequestInfo) tag);
        }
        return transport.httpClient().newCall(request.build()).execute();
    }

    private RecordedRequest roundTrip(KubeTransport transport) throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        try (Response response = get(transport, null)) {
            assertThat(response.code()).isEqualTo(200);
        }
        return server.takeRequest();
    }

    /** A token source handing out token-1, token-2, ... and accepting every invalidation. */
    private static final class CountingTokens implements TokenSource {
        final AtomicInteger fetched = new AtomicInteger(1);
        final List<String> invalidated = new CopyOnWriteArrayList<>();
        final boolean refreshable;

        CountingTokens(boolean refreshable) {
            this.refreshable = refreshable;
        }

        @Override
        public String token() {
            return "token-" + fetched.get();
        }

        @Override
        public boolean invalidate(String rejectedToken) {
            invalidated.add(rejectedToken);
            if (refreshable) {
                fetched.incrementAndGet();
            }
            return refreshable;
        }
    }

    @Test
    void sendsTheBearerTokenOfTheConfig() throws Exception {
        RecordedRequest request = roundTrip(transport(config().bearerToken("static-token-abc").build()));

        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer static-token-abc");
    }

    @Test
    void sendsBasicAuthOfTheConfig() throws Exception {
        RecordedRequest request = roundTrip(transport(config().username("alice").password("pa:ss").build()));

        assertThat(request.getHeaders().get("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("alice:pa:ss".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRequestWithItsOwnAuthorizationKeepsIt() throws Exception {
        KubeTransport transport = transport(config().bearerToken("config-token").build());
        server.enqueue(new MockResponse.Builder().body("{}").build());
        transport.httpClient().newCall(new Request.Builder().url(server.url("/"))
                .header("Authorization", "Bearer own-token").build()).execute().close();

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer own-token");
    }

    @Test
    void a401WithARefreshableTokenIsRetriedOnceWithTheFreshTokenAndReported() throws Exception {
        List<String> retries = new CopyOnWriteArrayList<>();
        KubeClientListener listener = new KubeClientListener() {
            @Override
            public void requestRetried(RequestInfo request, RetryReason reason, int attempt, Duration delay) {
                retries.add(request.verb() + " " + reason + " " + attempt);
            }
        };
        CountingTokens tokens = new CountingTokens(true);
        KubeTransport transport = transport(KubeTransport.builder(config().listener(listener).build()).tokenSource(tokens));
        server.enqueue(new MockResponse.Builder().code(401).body("{\"kind\":\"Status\",\"code\":401}").build());
        server.enqueue(new MockResponse.Builder().body("{}").build());
        RequestInfo info = new RequestInfo("list", "GET", "", "v1", "namespaces", "", "/api/v1/namespaces", "");

        try (Response response = get(transport, info)) {
            assertThat(response.code()).isEqualTo(200);
        }

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
        assertThat(tokens.invalidated).containsExactly("token-1");
        assertThat(retries).containsExactly("list UNAUTHORIZED_REFRESH 2");
    }

    @Test
    void aServerThatKeepsAnswering401GetsOneRetryAndNoMore() throws Exception {
        CountingTokens tokens = new CountingTokens(true);
        KubeTransport transport = transport(KubeTransport.builder(config().build()).tokenSource(tokens));
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(401).build());
        }

        try (Response response = get(transport, null)) {
            assertThat(response.code()).isEqualTo(401);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aFixedTokenIsNotRetriedAfterA401() throws Exception {
        CountingTokens tokens = new CountingTokens(false);
        KubeTransport transport = transport(KubeTransport.builder(config().build()).tokenSource(tokens));
        server.enqueue(new MockResponse.Builder().code(401).build());

        try (Response response = get(transport, null)) {
            assertThat(response.code()).isEqualTo(401);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(tokens.invalidated).containsExactly("token-1");
    }

    @Test
    void fiftyConcurrentHttpsRequestsRunTheExecPluginOnceAndLaterOnesUseTheCachedToken() throws Exception {
        Path runs = dir.resolve("runs");
        // Slow on purpose, so all fifty requests are waiting for the one run.
        ExecConfig plugin = FakeExecPlugin.in(dir).countingRunsIn(runs).delayedBy(Duration.ofMillis(500))
                .printing(FakeExecPlugin.tokenCredential("exec-token-{run}", "{now+PT1H}")).toExecConfig();
        List<dev.kubeclient.observation.ExecPluginRun> pluginRuns = new CopyOnWriteArrayList<>();
        KubeTransport transport = transport(KubeTransport.builder(config().exec(plugin)
                .listener(new dev.kubeclient.observation.KubeClientListener() {
                    @Override
                    public void execPluginRan(dev.kubeclient.observation.ExecPluginRun run) {
                        pluginRuns.add(run);
                    }
                }).build()));
        for (int i = 0; i < 55; i++) {
            server.enqueue(new MockResponse.Builder().body("{}").build());
        }

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try (Response response = get(transport, null)) {
                        return response.code();
                    }
                }));
            }
            go.countDown();
            for (var result : results) {
                assertThat(result.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 5; i++) {
            try (Response response = get(transport, null)) {
                assertThat(response.code()).isEqualTo(200);
            }
        }

        assertThat(Files.readAllLines(runs)).hasSize(1);
        assertThat(pluginRuns).singleElement()
                .satisfies(run -> assertThat(run.outcome()).isEqualTo(dev.kubeclient.observation.ExecPluginRun.Outcome.SUCCESS));
        for (int i = 0; i < 55; i++) {
            assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer exec-token-1");
        }
    }

    @Test
    void a401RunsTheExecPluginAgainAndRetriesWithItsNewToken() throws Exception {
        Path counter = dir.resolve("runs");
        ExecConfig plugin = FakeExecPlugin.in(dir).countingRunsIn(counter)
                .printing(FakeExecPlugin.tokenCredential("exec-token-{run}")).toExecConfig();
        KubeTransport transport = transport(config().exec(plugin).build());
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder().body("{}").build());

        try (Response response = get(transport, null)) {
            assertThat(response.code()).isEqualTo(200);
        }

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer exec-token-1");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer exec-token-2");
    }

    @Test
    void aTokenSourceFailureSurfacesAsAnIOExceptionNamingTheServer() {
        TokenSource broken = () -> {
            throw new IOException("exec plugin 'aws' exited with 1");
        };
        KubeTransport transport = transport(KubeTransport.builder(config().build()).tokenSource(broken));

        assertThatThrownBy(() -> get(transport, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot get a bearer token for https://" + server.getHostName())
                .hasMessageContaining("exec plugin 'aws' exited with 1");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anUncheckedTokenSourceFailureAlsoSurfacesAsAnIOException() {
        TokenSource broken = () -> {
            throw new IllegalStateException("no credential");
        };
        KubeTransport transport = transport(KubeTransport.builder(config().build()).tokenSource(broken));

        assertThatThrownBy(() -> get(transport, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no credential");
    }

    @Test
    void sendsImpersonationHeadersAsTheApiServerExpectsThem() throws Exception {
        Impersonation as = new Impersonation("jane@example.com", "uid-123", List.of("developers", "admins"),
                Map.of("scopes", List.of("view", "edit"), "example.com/project", List.of("p1"), "100%", List.of("x")));
        RecordedRequest request = roundTrip(transport(config().impersonation(as).build()));

        Headers h = request.getHeaders();
        assertThat(h.get("Impersonate-User")).isEqualTo("jane@example.com");
        assertThat(h.get("Impersonate-Uid")).isEqualTo("uid-123");
        assertThat(h.values("Impersonate-Group")).containsExactly("developers", "admins");
        assertThat(h.values("Impersonate-Extra-scopes")).containsExactly("view", "edit");
        assertThat(h.values("Impersonate-Extra-example.com%2Fproject")).containsExactly("p1");
        assertThat(h.values("Impersonate-Extra-100%25")).containsExactly("x");
    }

    @Test
    void sendsNoImpersonationHeadersWithoutImpersonation() throws Exception {
        RecordedRequest request = roundTrip(transport(config().build()));

        assertThat(request.getHeaders().names()).noneMatch(n -> n.toLowerCase().startsWith("impersonate-"));
    }

    @Test
    void theDefaultUserAgentLooksLikeClientGos() throws Exception {
        KubeTransport transport = transport(config().build());
        RecordedRequest request = roundTrip(transport);

        assertThat(request.getHeaders().get("User-Agent"))
                .isEqualTo(transport.userAgent())
                .matches("[A-Za-z0-9._+-]+/0\\.1\\.0-SNAPSHOT \\([a-z0-9-]+/[a-z0-9_]+\\) kube-client/\\S+")
                .startsWith(UserAgent.programName(System.getProperty("sun.java.command")) + "/");
    }

    @Test
    void theDefaultUserAgentNamesTheProgramAsClientGoNamesTheBinary() {
        assertThat(UserAgent.programName("/opt/app/orders-operator.jar --spring.profiles.active=prod"))
                .isEqualTo("orders-operator");
        assertThat(UserAgent.programName("C:\\apps\\Orders Operator.jar")).isEqualTo("Orders");
        assertThat(UserAgent.programName("com.example.orders.OrdersOperator arg")).isEqualTo("OrdersOperator");
        assertThat(UserAgent.programName("orders/com.example.orders.Main")).isEqualTo("Main");
        assertThat(UserAgent.programName(null)).isEqualTo("kube-client");
        assertThat(UserAgent.programName("  ")).isEqualTo("kube-client");
    }

    @Test
    void theConfiguredUserAgentReplacesTheDefault() throws Exception {
        RecordedRequest request = roundTrip(transport(config().userAgent("my-operator/2.0").build()));

        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("my-operator/2.0");
    }

    @Test
    void userAgentSpellsOsAndArchitectureTheGoWay() {
        assertThat(UserAgent.format("kube-client", "1.2.3", "Linux", "x86_64", "abc123")).isEqualTo("kube-client/1.2.3 (linux/amd64) kube-client/abc123");
        assertThat(UserAgent.format("kube-client", "1.2.3", "Mac OS X", "aarch64", "unknown")).isEqualTo("kube-client/1.2.3 (darwin/arm64) kube-client/unknown");
        assertThat(UserAgent.format("kube-client", "1.2.3", "Windows 11", "amd64", "unknown")).isEqualTo("kube-client/1.2.3 (windows/amd64) kube-client/unknown");
    }

    @Test
    void asksForGzipAndUnpacksItTransparently() throws Exception {
        KubeTransport transport = transport(config().build());
        Buffer gzipped = new Buffer();
        try (var sink = Okio.buffer(new GzipSink(gzipped))) {
            sink.writeUtf8("{\"kind\":\"NamespaceList\"}");
        }
        server.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", "gzip").body(gzipped).build());

        try (Response response = get(transport, null)) {
            assertThat(response.body().string()).isEqualTo("{\"kind\":\"NamespaceList\"}");
        }
        assertThat(server.takeRequest().getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void disableCompressionAsksForIdentity() throws Exception {
        RecordedRequest request = roundTrip(transport(config().disableCompression(true).build()));

        assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("identity");
    }

    @Test
    void theUsersInterceptorsRunInnermostAfterHeadersAndAuthAreSet() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        RestConfig config = config().bearerToken("t0k").impersonation(Impersonation.user("bob"))
                .addInterceptor(chain -> {
                    Request r = chain.request();
                    seen.add(r.header("Authorization") + "|" + r.header("Impersonate-User") + "|" + (r.header("User-Agent") != null));
                    return chain.proceed(r.newBuilder().header("X-Mine", "1").build());
                }).build();
        RecordedRequest request = roundTrip(transport(config));

        assertThat(seen).containsExactly("Bearer t0k|bob|true");
        assertThat(request.getHeaders().get("X-Mine")).isEqualTo("1");
    }

    @Test
    void theListenerIsReachableAndWrappedSoItCannotThrowIntoTheCaller() {
        KubeClientListener throwing = new KubeClientListener() {
            @Override
            public void requestStarted(RequestInfo request) {
                throw new IllegalStateException("listener bug");
            }
        };
        KubeTransport transport = transport(config().listener(throwing).build());

        transport.listener().requestStarted(new RequestInfo("get", "GET", "", "v1", "pods", "", "/api/v1/pods", ""));
        assertThat(transport.config().listener()).isSameAs(throwing);
    }

    @Test
    void usesNoReadOrCallTimeoutButTheConfiguredConnectTimeoutAndPings() {
        KubeTransport transport = transport(config().connectTimeout(Duration.ofSeconds(7)).build());

        assertThat(transport.httpClient().readTimeoutMillis()).isZero();
        assertThat(transport.httpClient().callTimeoutMillis()).isZero();
        assertThat(transport.httpClient().connectTimeoutMillis()).isEqualTo(7000);
        assertThat(transport.httpClient().pingIntervalMillis()).isEqualTo(30_000);
    }
}
