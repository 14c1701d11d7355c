package dev.kubeclient.transport;

import dev.kubeclient.config.RestConfig;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static dev.kubeclient.transport.TlsFixtures.CA;
import static dev.kubeclient.transport.TlsFixtures.SERVER;
import static dev.kubeclient.transport.TlsFixtures.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class KubeTransportLifecycleTest {

    private static boolean dispatcherThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("kube-client-dispatcher"));
    }

    @Test
    void closeCancelsCallsClosesConnectionsAndEndsItsThreads() throws Exception {
        try (MockWebServer server = TlsFixtures.httpsServer(SERVER)) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("one").build());
            // A watch that never ends on its own.
            server.enqueue(new MockResponse.Builder().body("{\"type\":\"ADDED\"}\n".repeat(1000))
                    .throttleBody(16, 1, TimeUnit.SECONDS).build());
            RestConfig config = TlsFixtures.configFor(server).caData(pem(CA)).build();
            KubeTransport transport = KubeTransport.builder(config).environment(name -> null).build();

            CompletableFuture<String> first = new CompletableFuture<>();
            transport.httpClient().newCall(new Request.Builder().url(server.url("/version")).build()).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    first.completeExceptionally(e);
                }

                @Override
                public void onResponse(Call call, Response response) throws IOException {
                    try (response) {
                        first.complete(response.body().string());
                    }
                }
            });
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("one");
            // OkHttp renames a dispatcher thread while it runs a call, so count the pool rather than names here.
            assertThat(((ThreadPoolExecutor) transport.httpClient().dispatcher().executorService()).getPoolSize()).isPositive();
            Response watch = transport.httpClient().newCall(new Request.Builder()
                    .url(server.url("/api/v1/pods?watch=true")).build()).execute();
            assertThat(transport.httpClient().connectionPool().connectionCount()).isPositive();

            transport.close();
            transport.close();

            assertThatThrownBy(() -> watch.body().string()).isInstanceOf(IOException.class);
            watch.close();
            ExecutorService executor = transport.httpClient().dispatcher().executorService();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(transport.httpClient().connectionPool().connectionCount()).isZero();
                assertThat(dispatcherThreadsAlive()).isFalse();
            });
            assertThat(transport.isClosed()).isTrue();
            assertThatThrownBy(() -> transport.httpClient().newCall(new Request.Builder().url(server.url("/version")).build()).execute())
                    .isInstanceOf(IOException.class).hasMessageContaining("is closed");
        }
    }

    @Test
    void everyClientOfATransportSharesOneConnectionPool() throws Exception {
        try (MockWebServer server = TlsFixtures.httpsServer(SERVER)) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("a").build());
            server.enqueue(new MockResponse.Builder().body("b").build());
            RestConfig config = TlsFixtures.configFor(server).caData(pem(CA)).build();
            try (KubeTransport transport = KubeTransport.create(config)) {
                for (String path : new String[] {"/api", "/apis"}) {
                    try (Response r = transport.httpClient().newCall(new Request.Builder().url(server.url(path)).build()).execute()) {
                        r.body().string();
                    }
                }
                assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(server.takeRequest().getConnectionIndex());
                assertThat(transport.httpClient()).isSameAs(transport.httpClient());
            }
        }
    }
}
