package dev.kubeclient.autoconfigure.metrics;

import dev.kubeclient.autoconfigure.RestConfigCustomizer;
import dev.kubeclient.autoconfigure.support.TestKubeClientConfiguration;
import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.flowcontrol.FakeClock;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.watch.Watch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real requests at a loopback server, and the meters they leave in a {@link SimpleMeterRegistry}. */
class KubeClientMetricsTest {

    private static final String PODS = "/api/v1/namespaces/team-a/pods";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KubeClientMetricsAutoConfiguration.class))
                .withUserConfiguration(TestKubeClientConfiguration.class)
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("test.kube.server=" + server.url("/"));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private String host() {
        return server.getHostName() + ":" + server.getPort();
    }

    @Test
    void successesAndNotFoundsAreTimedByVerbResourceStatusAndOutcome() {
        runner().run(context -> {
            KubeRestClient client = context.getBean(KubeRestClient.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            for (int i = 0; i < 3; i++) {
                server.enqueue(json(200, "{}"));
                client.get().absPath(PODS, "pod-" + i).bytes();
            }
            for (int i = 0; i < 2; i++) {
                server.enqueue(json(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                        + "\"reason\":\"NotFound\",\"code\":404}"));
                assertThatThrownBy(() -> client.get().absPath(PODS, "gone").bytes())
                        .isInstanceOf(NotFoundException.class);
            }

            Timer ok = meters.get(KubeClientMetrics.REQUESTS).tags("verb", "get", "group", "core",
                    "resource", "pods", "subresource", "none", "status", "200", "outcome", "SUCCESS",
                    "host", host(), "error", "none").timer();
            assertThat(ok.count()).isEqualTo(3);
            assertThat(meters.get(KubeClientMetrics.REQUESTS).tags("status", "404", "outcome", "CLIENT_ERROR")
                    .timer().count()).isEqualTo(2);
            // Names and namespaces never become tags.
            assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                    .noneMatch(tag -> tag.getValue().contains("team-a") || tag.getValue().contains("pod-")));
            assertThat(ok.getId().getDescription()).isNotBlank();
        });
    }

    @Test
    void aRequestThatGetsNoAnswerIsTaggedWithItsErrorAndUnknownOutcome() {
        runner().run(context -> {
            KubeRestClient client = context.getBean(KubeRestClient.class);
            server.enqueue(new MockResponse.Builder().body("{}").headersDelay(10, TimeUnit.SECONDS).build());
            assertThatThrownBy(() -> client.get().absPath(PODS).timeout(Duration.ofMillis(200)).bytes());
            Timer failed = context.getBean(MeterRegistry.class).get(KubeClientMetrics.REQUESTS)
                    .tags("verb", "list", "status", "none", "outcome", "UNKNOWN").timer();
            assertThat(failed.count()).isEqualTo(1);
            assertThat(failed.getId().getTag("error")).isEqualTo("InterruptedIOException");
        });
    }

    @Test
    void a429StormCountsEveryAnswerAndEveryRetryButTimesTheRequestOnce() {
        runner().run(context -> {
            KubeRestClient client = context.getBean(KubeRestClient.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            for (int i = 0; i < 4; i++) {
                server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
            }
            server.enqueue(json(200, "{\"items\":[]}"));

            client.get().absPath(PODS).bytes();

            assertThat(meters.get(KubeClientMetrics.TOO_MANY_REQUESTS).tags("verb", "list", "resource", "pods")
                    .counter().count()).isEqualTo(4);
            assertThat(meters.get(KubeClientMetrics.RETRIES).tags("reason", "TOO_MANY_REQUESTS", "verb", "list")
                    .counter().count()).isEqualTo(4);
            assertThat(meters.get(KubeClientMetrics.REQUESTS).timers()).singleElement().satisfies(timer -> {
                assertThat(timer.count()).isEqualTo(1);
                assertThat(timer.getId().getTag("status")).isEqualTo("200");
            });
            assertThat(server.getRequestCount()).isEqualTo(5);
        });
    }

    @Test
    void aThrottledBurstShowsInTheLimiterWaitTimerAndTheLimiterIsReportedOn() {
        runner().withBean(FakeClock.class, FakeClock::autoAdvancing)
                .withBean(RestConfigCustomizer.class, () -> b -> b.qps(1).burst(2))
                .run(context -> {
                    KubeRestClient client = context.getBean(KubeRestClient.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    for (int i = 0; i < 5; i++) {
                        server.enqueue(json(200, "{}"));
                        client.get().absPath(PODS).bytes();
                    }
                    // Two tokens from the burst, then one a second: three waits of one second each.
                    Timer waits = meters.get(KubeClientMetrics.RATE_LIMITER_WAIT).tag("host", host()).timer();
                    assertThat(waits.count()).isEqualTo(5);
                    assertThat(waits.totalTime(TimeUnit.SECONDS)).isEqualTo(3.0);
                    assertThat(waits.max(TimeUnit.SECONDS)).isEqualTo(1.0);
                    assertThat(meters.get(KubeClientMetrics.RATE_LIMITER_ENABLED).gauge().value()).isEqualTo(1.0);
                });
    }

    @Test
    void theLimiterGaugeReadsZeroWhenRateLimitingIsOff() {
        runner().withBean(RestConfigCustomizer.class, () -> b -> b.qps(-1)).run(context -> {
            context.getBean(KubeRestClient.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get(KubeClientMetrics.RATE_LIMITER_ENABLED).gauge().value()).isEqualTo(0.0);
            assertThat(meters.find(KubeClientMetrics.RATE_LIMITER_WAIT).timer()).isNull();
        });
    }

    @Test
    void theLimiterGaugeFallsToZeroWhenAnAutoLimiterSeesApiPriorityAndFairness() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        dev.kubeclient.flowcontrol.AdaptiveRateLimiter limiter = dev.kubeclient.flowcontrol.RateLimiter.adaptive(
                dev.kubeclient.flowcontrol.RateLimiter.tokenBucket(5, 10), "https://k8s.example:6443");
        new KubeClientMetrics(meters, true, () -> limiter);
        assertThat(meters.get(KubeClientMetrics.RATE_LIMITER_ENABLED).gauge().value()).isEqualTo(1.0);

        limiter.serverResponded(name -> name.equalsIgnoreCase(dev.kubeclient.flowcontrol.AdaptiveRateLimiter.FLOW_SCHEMA_UID_HEADER)
                ? "0b4f6c2e" : null);

        assertThat(meters.get(KubeClientMetrics.RATE_LIMITER_ENABLED).gauge().value()).isEqualTo(0.0);
    }

    @Test
    void execPluginRunsAreCountedByPluginAndResultWithoutTheToken() throws IOException {
        Path plugin = dir.resolve("kube-login");
        Files.writeString(plugin, "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"s3cr3t-token-value\"}}'\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        ExecConfig exec = new ExecConfig("client.authentication.k8s.io/v1", plugin.toString(), List.of("--secret-arg"),
                Map.of(), null, false, null, ExecConfig.InteractiveMode.NEVER, Duration.ofSeconds(20));
        runner().withBean(RestConfigCustomizer.class, () -> b -> b.exec(exec)).run(context -> {
            KubeRestClient client = context.getBean(KubeRestClient.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            server.enqueue(json(200, "{}"));
            server.enqueue(json(200, "{}"));
            client.get().absPath(PODS).bytes();
            client.get().absPath(PODS).bytes();

            RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer s3cr3t-token-value");
            assertThat(meters.get(KubeClientMetrics.EXEC_PLUGIN_RUNS).tags("plugin", "kube-login",
                    "result", "SUCCESS").counter().count()).isEqualTo(1);
            assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                    .noneMatch(tag -> tag.getValue().contains("s3cr3t") || tag.getValue().contains("secret-arg")
                            || tag.getValue().contains(dir.toString())));
        });
    }

    @Test
    void openWatchesAreAGaugeThatFallsWhenTheyClose() {
        runner().run(context -> {
            KubeRestClient client = context.getBean(KubeRestClient.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                    .body("{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}}\n")
                    .build());
            Watch<?> watch = client.get().absPath(PODS).param("watch", "true").watch(Map.class);
            double open = meters.get(KubeClientMetrics.WATCHES_OPEN).tags("resource", "pods", "group", "core")
                    .gauge().value();
            watch.close();
            assertThat(open).isEqualTo(1.0);
            assertThat(meters.get(KubeClientMetrics.WATCHES_OPEN).gauge().value()).isEqualTo(0.0);
            assertThat(meters.get(KubeClientMetrics.REQUESTS).tag("verb", "watch").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void watchRestartsAndRelistsAreCounted() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        KubeClientMetrics metrics = new KubeClientMetrics(meters, true, () -> null);

        metrics.watchRestarted("pods/team-a");
        metrics.watchRestarted("pods/team-a");
        metrics.watchRelisted("pods/team-a");

        assertThat(meters.get(KubeClientMetrics.WATCH_RESTARTS).counter().count()).isEqualTo(2);
        assertThat(meters.get(KubeClientMetrics.WATCH_RELISTS).counter().count()).isEqualTo(1);
        assertThat(meters.get(KubeClientMetrics.WATCH_RESTARTS).counter().getId().getTags()).isEmpty();
        assertThat(meters.get(KubeClientMetrics.RATE_LIMITER_ENABLED).gauge().value()).isNaN();
    }

    @Test
    void everyMeterIsDescribed() {
        runner().run(context -> {
            KubeRestClient client = context.getBean(KubeRestClient.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
            server.enqueue(json(200, "{}"));
            client.get().absPath(PODS).bytes();
            context.getBean(KubeClientMetrics.class).watchRelisted("x");
            assertThat(meters.getMeters()).extracting(m -> m.getId().getName()).contains(KubeClientMetrics.REQUESTS,
                    KubeClientMetrics.TOO_MANY_REQUESTS, KubeClientMetrics.RETRIES,
                    KubeClientMetrics.RATE_LIMITER_WAIT, KubeClientMetrics.RATE_LIMITER_ENABLED,
                    KubeClientMetrics.WATCH_RESTARTS, KubeClientMetrics.WATCH_RELISTS);
            assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().getDescription()).isNotBlank());
        });
    }

    @Test
    void noMeterRegistryMeansNoMetricsListener() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KubeClientMetricsAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(KubeClientMetrics.class));
    }

    @Test
    void aUsersOwnMetricsListenerWins() {
        KubeClientMetrics own = new KubeClientMetrics(new SimpleMeterRegistry(), true, () -> null);
        runner().withBean("ownMetrics", KubeClientMetrics.class, () -> own)
                .run(context -> assertThat(context).getBean(KubeClientMetrics.class).isSameAs(own));
    }

    @Test
    void pluginNamesAreTheCommandsFileNameOnly() {
        assertThat(KubeClientMetrics.pluginName("/usr/local/bin/gke-gcloud-auth-plugin"))
                .isEqualTo("gke-gcloud-auth-plugin");
        assertThat(KubeClientMetrics.pluginName("C:\\Program Files\\aws\\aws.exe")).isEqualTo("aws");
        assertThat(KubeClientMetrics.pluginName("kubelogin")).isEqualTo("kubelogin");
    }
}
