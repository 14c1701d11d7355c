package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.rest.KubeRestClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RestConfig is built as connection details → properties (order 0) → the user's customizers in order; OkHttp
 * customizers add to the core's transport without replacing it; every listener bean sees every request.
 */
class CustomizersTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        Path kubeconfig = Fixtures.kubeconfig(dir, "config", server.url("/").toString());
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class))
                .withBean(ConfigEnvironment.class, () -> Fixtures.environment(dir.resolve("home"), dir, Map.of()))
                .withPropertyValues("kube.client.kubeconfig=" + kubeconfig);
    }

    @Test
    void userCustomizersRunAfterThePropertiesInTheirOrder() {
        runner().withPropertyValues("kube.client.user-agent=from-properties", "kube.client.qps=20")
                .withUserConfiguration(OrderedCustomizers.class).run(context -> {
                    RestConfig config = context.getBean(RestConfig.class);
                    // Order 2 ran after order 1, which saw the properties' value (order 0) first.
                    assertThat(config.userAgent()).isEqualTo("from-properties+first+second");
                    assertThat(config.qps()).isEqualTo(20f);
                });
    }

    @Test
    void okHttpCustomizersAddToTheCoreTransportWhichStillAuthenticates() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"major\":\"1\",\"minor\":\"30\",\"gitVersion\":\"v1.30.0\"}").build());
        runner().withBean(OkHttpClientBuilderCustomizer.class, () -> builder -> builder.addInterceptor(chain ->
                        chain.proceed(chain.request().newBuilder().header("X-Added-By", "customizer").build())))
                .run(context -> context.getBean(KubeRestClient.class).get().absPath("/version").bytes());
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("X-Added-By")).isEqualTo("customizer");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer token-dev");
    }

    @Test
    void everyListenerBeanSeesEveryRequestInOrder() {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        List<String> seen = new CopyOnWriteArrayList<>();
        runner().withUserConfiguration(Listeners.class).withBean(Seen.class, () -> new Seen(seen))
                .run(context -> context.getBean(KubeRestClient.class).get().absPath("/api").bytes());
        assertThat(seen).containsExactly("first /api", "second /api");
    }

    @Test
    void userAgentAndFieldManagerDefaultToTheApplicationName() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        runner().withPropertyValues("spring.application.name=orders").run(context -> {
            RestConfig config = context.getBean(RestConfig.class);
            assertThat(config.fieldManager()).isEqualTo("orders");
            context.getBean(KubeRestClient.class).get().absPath("/api").bytes();
        });
        assertThat(server.takeRequest().getHeaders().get("User-Agent")).startsWith("orders kube-client/");
    }

    @Test
    void withoutAnApplicationNameTheFieldManagerIsTheLibrarysAndTheUserAgentTheCoresDefault() {
        runner().run(context -> {
            RestConfig config = context.getBean(RestConfig.class);
            assertThat(config.fieldManager()).isEqualTo("kube-client");
            assertThat(config.userAgent()).isNull();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OrderedCustomizers {
        @Bean
        @Order(2)
        RestConfigCustomizer second() {
            return builder -> builder.userAgent(builder.build().userAgent() + "+second");
        }

        @Bean
        @Order(1)
        RestConfigCustomizer first() {
            return builder -> builder.userAgent(builder.build().userAgent() + "+first");
        }
    }

    record Seen(List<String> events) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        @Bean
        @Order(2)
        KubeClientListener secondListener(Seen seen) {
            return new KubeClientListener() {
                @Override
                public void requestStarted(RequestInfo request) {
                    seen.events().add("second " + request.urlTemplate());
                }
            };
        }

        @Bean
        @Order(1)
        KubeClientListener firstListener(Seen seen) {
            return new KubeClientListener() {
                @Override
                public void requestStarted(RequestInfo request) {
                    seen.events().add("first " + request.urlTemplate());
                }
            };
        }
    }
}
