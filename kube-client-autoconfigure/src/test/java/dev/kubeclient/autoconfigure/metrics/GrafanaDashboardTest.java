package dev.kubeclient.autoconfigure.metrics;

import dev.kubeclient.autoconfigure.support.TestKubeClientConfiguration;
import dev.kubeclient.observation.ExecPluginRun;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.watch.Watch;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard in {@code docs/grafana} queries only series the starter's meters really export: real
 * requests go through {@link KubeClientMetrics} into a Prometheus registry, and every metric name and every label
 * of the dashboard's PromQL must be in the registry's scrape.
 */
class GrafanaDashboardTest {

    /** Surefire runs in the module folder; the dashboard is in the guide beside it. */
    private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "kube-client-dashboard.json");
    private static final String PODS = "/api/v1/namespaces/team-a/pods";
    private static final Pattern METRIC = Pattern.compile("\\bkube_client_[a-z0-9_]+");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)\\s*\"");
    /** Labels Prometheus adds when it scrapes, so no registry exports them. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void everyMetricAndLabelTheDashboardQueriesIsExported() throws Exception {
        Set<String> queries = queries(JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)));
        assertThat(queries).as("PromQL expressions in " + DASHBOARD).hasSizeGreaterThan(10);

        assertThat(problems(queries, scrapeAfterRealTraffic())).isEmpty();
    }

    @Test
    void aMisspelledMetricOrAnUnknownLabelIsReported() {
        String scrape = scrapeAfterRealTraffic();

        assertThat(problems(Set.of("sum(rate(kube_client_requests_total[5m]))"), scrape))
                .singleElement().asString().contains("kube_client_requests_total");
        assertThat(problems(Set.of("sum by (namespace) (rate(kube_client_requests_seconds_count[5m]))"), scrape))
                .singleElement().asString().contains("namespace");
        assertThat(problems(Set.of("kube_client_watches_open{job=~\"$job\", resource=\"pods\"}"), scrape))
                .isEmpty();
    }

    /** What the queries use that the scrape lacks: metric names, and labels in groupings and matchers. */
    private static List<String> problems(Set<String> queries, String scrape) {
        Set<String> exported = new TreeSet<>();
        Set<String> labels = new TreeSet<>();
        for (String line : scrape.lines().filter(l -> l.startsWith("kube_client_")).toList()) {
            int brace = line.indexOf('{');
            exported.add(line.substring(0, brace > 0 ? brace : line.indexOf(' ')));
            if (brace > 0) {
                Matcher label = MATCHER.matcher(line.substring(brace));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (String query : queries) {
            Matcher metric = METRIC.matcher(query);
            while (metric.find()) {
                if (!exported.contains(metric.group())) {
                    problems.add("metric " + metric.group() + " is not exported (query: " + query + "); exported: "
                            + exported);
                }
            }
            Set<String> used = new TreeSet<>();
            Matcher grouping = GROUPING.matcher(query);
            while (grouping.find()) {
                Arrays.stream(grouping.group(1).split(",")).map(String::trim).filter(l -> !l.isEmpty())
                        .forEach(used::add);
            }
            Matcher matcher = MATCHER.matcher(query);
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
            used.removeAll(TARGET_LABELS);
            used.removeAll(labels);
            if (!used.isEmpty()) {
                problems.add("labels " + used + " are on no exported series (query: " + query + "); labels: " + labels);
            }
        }
        return problems;
    }

    /** Every "expr" of a panel target and every query of a template variable. */
    private static Set<String> queries(JsonNode dashboard) {
        Set<String> queries = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.get("expr").asString());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.has("definition")) {
                queries.add(variable.get("definition").asString());
            }
        }
        return queries;
    }

    /** Successes, a 404, a 429 retried, limiter waits, a watch, an exec plugin run, a restart and a relist. */
    private String scrapeAfterRealTraffic() {
        String[] scrape = new String[1];
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KubeClientMetricsAutoConfiguration.class))
                .withUserConfiguration(TestKubeClientConfiguration.class)
                .withBean(PrometheusMeterRegistry.class, GrafanaDashboardTest::registryWithRequestHistogram)
                .withPropertyValues("test.kube.server=" + server.url("/"))
                .run(context -> {
                    KubeRestClient client = context.getBean(KubeRestClient.class);
                    server.enqueue(json(200, "{\"items\":[]}"));
                    client.get().absPath(PODS).bytes();
                    server.enqueue(json(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                            + "\"reason\":\"NotFound\",\"code\":404}"));
                    try {
                        client.get().absPath(PODS, "gone").bytes();
                    } catch (RuntimeException expected) {
                        // the 404 is what the error-ratio panel counts
                    }
                    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
                    server.enqueue(json(200, "{}"));
                    client.get().absPath(PODS, "web-0").bytes();
                    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                            .body("{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}}\n")
                            .build());
                    try (Watch<?> watch = client.get().absPath(PODS).param("watch", "true").watch(Map.class)) {
                        assertThat(watch.next()).isNotNull();
                    }
                    KubeClientMetrics metrics = context.getBean(KubeClientMetrics.class);
                    metrics.execPluginRan(new ExecPluginRun("/usr/local/bin/kube-login", ExecPluginRun.Outcome.SUCCESS,
                            0, Duration.ofMillis(40)));
                    metrics.watchRestarted("pods/team-a");
                    metrics.watchRelisted("pods/team-a");
                    scrape[0] = context.getBean(PrometheusMeterRegistry.class).scrape();
                });
        assertThat(scrape[0]).isNotBlank();
        return scrape[0];
    }

    /** As {@code management.metrics.distribution.percentiles-histogram.kube.client.requests=true} does in Boot. */
    private static PrometheusMeterRegistry registryWithRequestHistogram() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals(KubeClientMetrics.REQUESTS)) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        });
        return registry;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }
}
