package dev.kubeclient.discovery;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers discovery paths from fixture files under {@code src/test/resources/discovery}, counting requests. */
final class FixtureDispatcher extends Dispatcher {

    static final String AGGREGATED_CONTENT_TYPE =
            "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    private final Map<String, MockResponse> responses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    /** The legacy 1.20 server: trimmed /apis, metrics.k8s.io answering 503. */
    static FixtureDispatcher legacy() {
        FixtureDispatcher d = new FixtureDispatcher();
        d.json("/version", "legacy-1.20/version.json");
        d.json("/api", "legacy-1.20/api.json");
        d.json("/apis", "legacy-1.20/apis-trimmed.json");
        d.json("/api/v1", "legacy-1.20/api-v1.json");
        d.json("/apis/apps/v1", "legacy-1.20/apis-apps-v1.json");
        d.json("/apis/batch/v1", "legacy-1.20/apis-batch-v1.json");
        d.json("/apis/batch/v1beta1", "legacy-1.20/apis-batch-v1beta1.json");
        d.status("/apis/metrics.k8s.io/v1beta1", 503, "ServiceUnavailable", "the server is currently unable to handle the request");
        return d;
    }

    /** A 1.30-style server that answers /api and /apis with aggregated discovery. */
    static FixtureDispatcher aggregated() {
        FixtureDispatcher d = new FixtureDispatcher();
        d.respond("/api", new MockResponse.Builder().addHeader("Content-Type", AGGREGATED_CONTENT_TYPE)
                .body(read("aggregated-v2/api.json")).build());
        d.respond("/apis", new MockResponse.Builder().addHeader("Content-Type", AGGREGATED_CONTENT_TYPE)
                .body(read("aggregated-v2/apis.json")).build());
        return d;
    }

    void json(String path, String fixture) {
        respond(path, new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(read(fixture)).build());
    }

    void status(String path, int code, String reason, String message) {
        respond(path, new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\""
                        + message + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}").build());
    }

    void respond(String path, MockResponse response) {
        responses.put(path, response);
    }

    int count(String path) {
        AtomicInteger c = counts.get(path);
        return c == null ? 0 : c.get();
    }

    int total() {
        return requests.size();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String path = request.getUrl().encodedPath();
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        MockResponse response = responses.get(path);
        if (response != null) {
            return response;
        }
        return new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
                .body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}")
                .build();
    }

    static String read(String fixture) {
        try (InputStream in = FixtureDispatcher.class.getResourceAsStream("/discovery/" + fixture)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture /discovery/" + fixture);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
