package dev.kubeclient.benchmarks.harness;

import dev.kubeclient.config.RestConfig;
import tools.jackson.databind.ObjectReader;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The bare baseline's GET of one object: a JDK {@code HttpClient} trusting the kubeconfig's CA, its bearer token, and
 * plain Jackson 3 ({@link FullListHarness#BARE_JSON}) into the fabric8 class, as a hand-written tool would do it.
 */
final class BareJdkGet {

    private BareJdkGet() {
    }

    /** A call that GETs {@code path} as JSON, decodes it as {@code type} and returns {@code result} of it. */
    static <T, R> Callable<R> of(RestConfig config, String path, Class<T> type, Function<T, R> result)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(FullListHarness.sslContext(config)).build();
        ObjectReader reader = FullListHarness.BARE_JSON.readerFor(type);
        URI uri = config.server().resolve(path);
        String token = FullListHarness.bearerToken(config);
        return () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
                }
                T object = reader.readValue(body);
                return result.apply(object);
            }
        };
    }
}
