package dev.kubeclient.rest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.observation.CollectingWarningHandler;
import dev.kubeclient.observation.WarningHandler;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WarningsTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private KubeRestClient client(WarningHandler handler) {
        return KubeRestClient.builder(RestConfig.builder().server(server.url("/").toString()).qps(-1).build())
                .httpClient(new OkHttpClient()).warningHandler(handler).build();
    }

    private void answerWithWarnings(int code, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).body("{}");
        for (String h : headers) {
            b.addHeader("Warning", h);
        }
        server.enqueue(b.build());
    }

    @Test
    void everyWarningOfEveryAnswerReachesTheHandlerIncludingErrorAnswers() {
        CollectingWarningHandler collected = new CollectingWarningHandler();
        try (KubeRestClient client = client(collected)) {
            answerWithWarnings(200, "299 - \"extensions/v1beta1 Ingress is deprecated\"",
                    "299 - \"unknown field \\\"spec.foo\\\"\", 299 - \"a, b\" \"Sat, 01 Jan 2000 00:00:00 GMT\"",
                    "199 - \"not from the API server\"");
            client.get().absPath("/apis/extensions/v1beta1/ingresses").bytes();
            answerWithWarnings(404, "299 - \"on an error\"");
            try {
                client.get().absPath("/x").bytes();
            } catch (RuntimeException expected) {
                // the 404 itself is not what this test is about
            }
        }
        assertThat(collected.warnings()).containsExactly("extensions/v1beta1 Ingress is deprecated",
                "unknown field \"spec.foo\"", "a, b", "on an error");
    }

    @Test
    void theDefaultHandlerLogsEachDistinctWarningOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger(WarningHandler.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (KubeRestClient client = client(WarningHandler.logOnce())) {
            for (int i = 0; i < 3; i++) {
                answerWithWarnings(200, "299 - \"deprecated\"");
                client.get().absPath("/x").bytes();
            }
            answerWithWarnings(200, "299 - \"another\"");
            client.get().absPath("/x").bytes();
        } finally {
            logger.detachAppender(appender);
        }
        List<String> logged = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(logged).hasSize(2);
        assertThat(logged.get(0)).endsWith(": deprecated");
        assertThat(logged.get(1)).endsWith(": another");
    }

    @Test
    void theNoOpHandlerDropsWarnings() {
        try (KubeRestClient client = client(WarningHandler.NONE)) {
            answerWithWarnings(200, "299 - \"ignored\"");
            assertThat(client.get().absPath("/x").bytes()).isNotEmpty();
        }
    }

    @Test
    void aHandlerSetOnTheConfigurationIsUsedAndTheClientBuildersOneOverridesIt() {
        CollectingWarningHandler fromConfig = new CollectingWarningHandler();
        CollectingWarningHandler fromBuilder = new CollectingWarningHandler();
        RestConfig config = RestConfig.builder().server(server.url("/").toString()).qps(-1)
                .warningHandler(fromConfig).build();
        try (KubeRestClient client = KubeRestClient.builder(config).httpClient(new OkHttpClient()).build()) {
            answerWithWarnings(200, "299 - \"from the config\"");
            client.get().absPath("/a").bytes();
        }
        try (KubeRestClient client = KubeRestClient.builder(config).httpClient(new OkHttpClient())
                .warningHandler(fromBuilder).build()) {
            answerWithWarnings(200, "299 - \"from the builder\"");
            client.get().absPath("/b").bytes();
        }
        assertThat(fromConfig.warnings()).containsExactly("from the config");
        assertThat(fromBuilder.warnings()).containsExactly("from the builder");
        assertThat(config.toBuilder().build().warningHandler()).isSameAs(fromConfig);
    }
}
