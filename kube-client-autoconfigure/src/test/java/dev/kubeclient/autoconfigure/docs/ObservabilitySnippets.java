package dev.kubeclient.autoconfigure.docs;

import dev.kubeclient.autoconfigure.metrics.KubeClientMetrics;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.rest.KubeRestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.MDC;

/**
 * The Java examples of {@code docs/observability.md}, compiled here; {@code DocsSnippetsTest} in core checks that
 * the page quotes these regions exactly.
 */
@SuppressWarnings("unused")
final class ObservabilitySnippets {

    private ObservabilitySnippets() {
    }

    static void callerContext(KubeRestClient client) {
        // tag::caller-context[]
        MDC.put("traceId", "abc123");
        client.get().absPath("/api/v1/namespaces/default/pods/p").bytes();
        // an interceptor added with RestConfig.Builder.addInterceptor(...) saw MDC.get("traceId") == "abc123",
        // on the caller's thread; so did the listener's requestStarted and requestFinished
        // end::caller-context[]
    }

    static void childSpan(KubeRestClient client, ObservationRegistry registry) {
        // tag::child-span[]
        Observation.createNotStarted("reconcile", registry)
                .observe(() -> client.get().absPath("/api/v1/namespaces/team-a/pods", "web-0").bytes());
        // spans: "reconcile" and its child "kube get pods" (same trace id, parent = reconcile's span id)
        // the server received traceparent: 00-<kube span's trace id>-<kube span's span id>-01
        // end::child-span[]
    }

    static RestConfig withoutSpring(MeterRegistry meterRegistry, String url) {
        // tag::without-spring[]
        KubeClientMetrics metrics = new KubeClientMetrics(meterRegistry, true, () -> null);
        RestConfig config = RestConfig.builder().server(url).listener(metrics).build();
        // end::without-spring[]
        return config;
    }
}
