package dev.kubeclient.transport;

import dev.kubeclient.config.RestConfig;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.kubeclient.transport.TlsFixtures.CA;
import static dev.kubeclient.transport.TlsFixtures.OTHER_CA;
import static dev.kubeclient.transport.TlsFixtures.SERVER;
import static dev.kubeclient.transport.TlsFixtures.configFor;
import static dev.kubeclient.transport.TlsFixtures.httpsServer;
import static dev.kubeclient.transport.TlsFixtures.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** What the transport does to its TCP connections: socket options, dead-peer bounds, keeping them across CA changes. */
class KubeTransportConnectionsTest {

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private MockWebServer start(MockWebServer server) throws IOException {
        server.start();
        closeables.add(server);
        return server;
    }

    private KubeTransport transport(KubeTransport.Builder builder) {
        KubeTransport t = builder.environment(name -> null).build();
        closeables.add(t);
        return t;
    }

    @Test
    void everySocketHasNoDelayAndKeepaliveEveryThirtySeconds() throws IOException {
        KubeTransport transport = transport(KubeTransport.builder(
                RestConfig.builder().server("https://127.0.0.1:6443").build()));

        try (Socket socket = transport.httpClient().socketFactory().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
            assertThat(socket.getKeepAlive()).isTrue();
            SocketOption<Integer> idle = extendedOption("TCP_KEEPIDLE");
            if (idle != null && socket.supportedOptions().contains(idle)) {
                assertThat(socket.getOption(idle)).isEqualTo(30);
                assertThat(socket.getOption(extendedOption("TCP_KEEPINTERVAL"))).isEqualTo(30);
            }
        }
    }

    @Test
    void theConnectionOfARealTlsRequestHasNoDelaySet() throws Exception {
        MockWebServer server = start(httpsServer(SERVER));
        KubeTransport transport = transport(KubeTransport.builder(configFor(server).caData(pem(CA)).build()));
        List<Boolean> noDelay = new CopyOnWriteArrayList<>();
        OkHttpClient observed = transport.httpClient().newBuilder().eventListener(new EventListener() {
            @Override
            public void connectionAcquired(Call call, Connection connection) {
                try {
                    noDelay.add(connection.socket().getTcpNoDelay());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }).build();
        server.enqueue(new MockResponse.Builder().body("ok").build());

        try (Response response = observed.newCall(new Request.Builder().url(server.url("/version")).build()).execute()) {
            assertThat(response.body().string()).isEqualTo("ok");
        }
        assertThat(noDelay).containsExactly(true);
    }

    @Test
    void aSilentWatchOverHttp11FailsOnceItOutlastsItsTimeoutSeconds() throws IOException {
        MockWebServer server = start(new MockWebServer());
        KubeTransport transport = transport(KubeTransport.builder(
                RestConfig.builder().server(server.url("/").toString()).build()).watchSilenceGrace(Duration.ofMillis(200)));
        server.enqueue(new MockResponse.Builder().body("{\"type\":\"ADDED\"}\n")
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());

        Request watch = new Request.Builder().url(server.url("/api/v1/pods?watch=true&timeoutSeconds=1")).build();
        try (Response response = transport.httpClient().newCall(watch).execute()) {
            assertThat(response.protocol()).hasToString("http/1.1");
            assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                    assertThatThrownBy(() -> response.body().source().readUtf8Line())
                            .isInstanceOf(SocketTimeoutException.class));
        }
    }

    @Test
    void aQuietWatchOverHttp2IsLeftToThePings() throws IOException {
        MockWebServer server = start(httpsServer(SERVER));
        KubeTransport transport = transport(KubeTransport.builder(configFor(server).caData(pem(CA)).build())
                .watchSilenceGrace(Duration.ofMillis(200)));
        server.enqueue(new MockResponse.Builder().body("{\"type\":\"ADDED\"}\n")
                .bodyDelay(2, java.util.concurrent.TimeUnit.SECONDS).build());

        Request watch = new Request.Builder().url(server.url("/api/v1/pods?watch=true&timeoutSeconds=1")).build();
        try (Response response = transport.httpClient().newCall(watch).execute()) {
            assertThat(response.protocol()).hasToString("h2");
            assertThat(response.body().source().readUtf8Line()).isEqualTo("{\"type\":\"ADDED\"}");
        }
    }

    @Test
    void aCaBundleThatOnlyGainsACaKeepsTheOpenConnections() throws Exception {
        MockWebServer server = start(httpsServer(SERVER));
        Path caFile = Files.write(dir.resolve("ca.crt"), pem(CA));
        KubeTransport transport = transport(KubeTransport.builder(configFor(server).caFile(caFile).build()));
        server.enqueue(new MockResponse.Builder().body("one").build());
        server.enqueue(new MockResponse.Builder().body("two").build());

        get(transport, server);
        Files.write(caFile, pem(CA, OTHER_CA));
        Files.setLastModifiedTime(caFile, FileTime.from(Instant.now().plusSeconds(5)));
        get(transport, server);

        assertThat(server.takeRequest().getConnectionIndex()).isZero();
        assertThat(server.takeRequest().getConnectionIndex()).as("the second request reuses the connection").isZero();
    }

    @Test
    void aCaBundleThatLosesTheCaClosesTheOpenConnections() throws Exception {
        MockWebServer server = start(httpsServer(TlsFixtures.serverCertificate(CA, "localhost", "127.0.0.1")));
        Path caFile = Files.write(dir.resolve("ca.crt"), pem(CA, OTHER_CA));
        KubeTransport transport = transport(KubeTransport.builder(configFor(server).caFile(caFile).build()));
        server.enqueue(new MockResponse.Builder().body("one").build());

        get(transport, server);
        Files.write(caFile, pem(OTHER_CA));
        Files.setLastModifiedTime(caFile, FileTime.from(Instant.now().plusSeconds(5)));

        assertThatThrownBy(() -> get(transport, server)).isInstanceOf(TlsHandshakeException.class);
    }

    private static void get(KubeTransport transport, MockWebServer server) throws IOException {
        try (Response response = transport.httpClient().newCall(new Request.Builder().url(server.url("/version")).build())
                .execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
    }

    @SuppressWarnings("unchecked")
    private static SocketOption<Integer> extendedOption(String name) {
        try {
            return (SocketOption<Integer>) Class.forName("jdk.net.ExtendedSocketOptions").getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
