package dev.kubeclient.autoconfigure.observation;

import dev.kubeclient.autoconfigure.metrics.KubeClientMetrics;
import dev.kubeclient.autoconfigure.metrics.KubeClientMetricsAutoConfiguration;
import dev.kubeclient.autoconfigure.support.TestKubeClientConfiguration;
import dev.kubeclient.rest.KubeRestClient;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each request is an Observation: a child span of the caller's, whose trace context reaches the server. */
class KubeRequestObservationsTest {

    private static final String PODS = "/api/v1/namespaces/team-a/pods";

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** A tracer, a meter registry and an Observation registry feeding both, as Boot sets them up. */
    @Configuration(proxyBeanMethods = false)
    static class Tracing {
        @Bean
        SimpleTracer tracer() {
            return new SimpleTracer();
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        DefaultMeterObservationHandler meterObservationHandler(MeterRegistry meters) {
            return new DefaultMeterObservationHandler(meters);
        }

        @Bean
        ObservationRegistry observationRegistry(SimpleTracer tracer, DefaultMeterObservationHandler meters) {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig()
                    .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                            new PropagatingSenderTracingObservationHandler<>(tracer, new W3cTestPropagator()),
                            new DefaultTracingObservationHandler(tracer)))
                    .observationHandler(meters);
            return registry;
        }
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KubeClientObservationAutoConfiguration.class,
                        KubeClientMetricsAutoConfiguration.class))
                .withUserConfiguration(Tracing.class, TestKubeClientConfiguration.class)
                .withPropertyValues("test.kube.server=" + server.url("/"));
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{}").build();
    }

    @Test
    void aRequestIsAChildSpanOfTheCallersObservationAndSendsItsTraceparent() {
        runner().run(context -> {
            KubeRestClient client = context.getBean(KubeRestClient.class);
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            SimpleTracer tracer = context.getBean(SimpleTracer.class);
            server.enqueue(ok());

            Observation.createNotStarted("reconcile", registry)
                    .observe(() -> client.get().absPath(PODS, "web-0").bytes());

            List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
            assertThat(spans).extracting(SimpleSpan::getName).containsExactlyInAnyOrder("reconcile", "kube get pods");
            SimpleSpan reconcile = spans.stream().filter(s -> s.getName().equals("reconcile")).findFirst().get();
            SimpleSpan kube = spans.stream().filter(s -> s.getName().equals("kube get pods")).findFirst().get();
            assertThat(kube.getParentId()).isEqualTo(reconcile.getSpanId());
            assertThat(kube.getTraceId()).isEqualTo(reconcile.getTraceId());
            assertThat(kube.getTags()).containsEntry("verb", "get").containsEntry("resource", "pods")
                    .containsEntry("status", "200").containsEntry("outcome", "SUCCESS")
                    .containsEntry("url.template", "/api/v1/namespaces/{namespace}/pods/{name}");
            assertThat(kube.getRemoteServiceName()).isEqualTo("kubernetes");

            RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(sent.getHeaders().get("traceparent"))
                    .isEqualTo("00-" + kube.getTraceId() + "-" + kube.getSpanId() + "-01");
        });
    }

    @Test
    void everyAttemptOfARetriedRequestCarriesTheSameTraceparentAndTheSpanNotesThe429() {
        runner().run(context -> {
            KubeRestClient client = context.getBean(KubeRestClient.class);
            SimpleTracer tracer = context.getBean(SimpleTracer.class);
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
            server.enqueue(ok());

            client.get().absPath(PODS).bytes();

            SimpleSpan kube = tracer.onlySpan();
            assertThat(kube.getName()).isEqualTo("kube list pods");
            String expected = "00-" + kube.getTraceId() + "-" + kube.getSpanId() + "-01";
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("traceparent")).isEqualTo(expected);
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("traceparent")).isEqualTo(expected);
            assertThat(kube.getEvents()).extracting(e -> e.getValue())
                    .anyMatch(e -> e.contains("429")).anyMatch(e -> e.contains("TOO_MANY_REQUESTS"));
        });
    }

    @Test
    void nonResourcePathsAreNamedByTheirPath() {
        runner().run(context -> {
            server.enqueue(ok());
            context.getBean(KubeRestClient.class).get().absPath("/version").bytes();
            assertThat(context.getBean(SimpleTracer.class).onlySpan().getName()).isEqualTo("kube get /version");
        });
    }

    @Test
    void discoveryAndProxySpansAreNamedWithoutTheGroupOrThePathBehindTheProxy() {
        runner().run(context -> {
            KubeRestClient client = context.getBean(KubeRestClient.class);
            server.enqueue(ok());
            client.get().absPath("/apis/stable.example.com/v1").bytes();
            server.enqueue(ok());
            client.get().absPath("/api/v1/namespaces/team-a/pods/web-1/proxy/metrics/deep").bytes();
            assertThat(context.getBean(SimpleTracer.class).getSpans()).extracting(span -> span.getName())
                    .containsExactlyInAnyOrder("kube get /apis/{group}/{version}", "kube get pods/proxy");
        });
    }

    @Test
    void theObservationYieldsTheRequestsTimerOnceWithTheListenersTags() {
        runner().run(context -> {
            server.enqueue(ok());
            context.getBean(KubeRestClient.class).get().absPath(PODS, "web-0").bytes();

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            List<Meter> timers = meters.getMeters().stream()
                    .filter(m -> m.getId().getName().equals(KubeClientMetrics.REQUESTS)).toList();
            assertThat(timers).singleElement().satisfies(timer ->
                    assertThat(tagKeys(timer)).isEqualTo(Set.of("verb", "group", "resource", "subresource",
                            "status", "outcome", "host", "error")));

            // The same request timed by the listener alone (no Observation registry) has the same tags.
            SimpleMeterRegistry listenerMeters = new SimpleMeterRegistry();
            KubeClientMetrics listener = new KubeClientMetrics(listenerMeters, true, () -> null);
            try (KubeRestClient plain = KubeRestClient.create(dev.kubeclient.config.RestConfig.builder()
                    .server(server.url("/").toString()).listener(listener).build())) {
                server.enqueue(ok());
                plain.get().absPath(PODS, "web-0").bytes();
            }
            assertThat(listenerMeters.get(KubeClientMetrics.REQUESTS).timer().getId().getTags())
                    .isEqualTo(timers.get(0).getId().getTags());
        });
    }

    @Test
    void withoutAnObservationRegistryTheListenerTimesRequests() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KubeClientObservationAutoConfiguration.class,
                        KubeClientMetricsAutoConfiguration.class))
                .withUserConfiguration(TestKubeClientConfiguration.class)
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("test.kube.server=" + server.url("/"))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(KubeRequestObservations.class);
                    server.enqueue(ok());
                    context.getBean(KubeRestClient.class).get().absPath(PODS).bytes();
                    assertThat(context.getBean(MeterRegistry.class).get(KubeClientMetrics.REQUESTS).timer().count())
                            .isEqualTo(1);
                });
    }

    @Test
    void aRequestWithoutATracerSendsNoTraceHeaders() throws InterruptedException {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(context -> true);
        try (KubeRestClient client = KubeRestClient.create(dev.kubeclient.config.RestConfig.builder()
                .server(server.url("/").toString()).listener(new KubeRequestObservations(registry, null))
                .addInterceptor(new TraceHeadersInterceptor(registry)).build())) {
            server.enqueue(ok());
            client.get().absPath(PODS).bytes();
        }
        assertThat(server.takeRequest().getHeaders().get("traceparent")).isNull();
        assertThat(registry.getCurrentObservation()).as("no scope left open").isNull();
    }

    private static Set<String> tagKeys(Meter meter) {
        return meter.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toSet());
    }
}
