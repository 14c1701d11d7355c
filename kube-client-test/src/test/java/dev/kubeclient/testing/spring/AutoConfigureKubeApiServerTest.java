package dev.kubeclient.testing.spring;

import dev.kubeclient.autoconfigure.KubeClientAutoConfiguration;
import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.discovery.RestMapper;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.testing.server.KubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One annotation points the starter at an in-JVM API server that lives as long as the context. */
class AutoConfigureKubeApiServerTest {

    @Configuration(proxyBeanMethods = false)
    @AutoConfigureKubeApiServer(demoObjects = true)
    static class WithDemoObjects {
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigureKubeApiServer(apfEmulation = true)
    static class WithApf {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class));

    @Test
    void theStartersClientsTalkToTheServerAndItsDemoObjects() {
        runner.withUserConfiguration(WithDemoObjects.class).run(context -> {
            Clientset clientset = context.getBean(Clientset.class);

            assertThat(clientset.coreV1().pods("demo").list().getItems()).hasSize(2);
            assertThat(context.getBean(RestMapper.class).resourceFor("deploy").kind().kind()).isEqualTo("Deployment");
            clientset.coreV1().configMaps("default").create(new ConfigMapBuilder().withNewMetadata()
                    .withName("from-a-test").endMetadata().build());
            assertThat(context.getBean(KubeApiServer.class).requests())
                    .anySatisfy(r -> assertThat(r.method()).isEqualTo("POST"));
        });
    }

    @Test
    void theStartersPropertiesStillApplyOnTopOfTheServersConnection() {
        runner.withUserConfiguration(WithApf.class).withPropertyValues("kube.client.rate-limiter=auto",
                "kube.client.user-agent=my-test/1.0").run(context -> {
            KubeRestClient rest = context.getBean(KubeRestClient.class);
            assertThat(rest.config().userAgent()).isEqualTo("my-test/1.0");
            assertThat(rest.rateLimiter().isLimiting()).isTrue();

            context.getBean(Clientset.class).coreV1().namespaces().list();

            assertThat(rest.rateLimiter().isLimiting()).as("APF seen: the auto limiter is off").isFalse();
        });
    }

    @Test
    void theServerStopsWithTheContext() {
        AtomicReference<URI> url = new AtomicReference<>();
        runner.withUserConfiguration(WithDemoObjects.class)
                .run(context -> url.set(context.getBean(KubeApiServer.class).url()));

        assertThatThrownBy(() -> new Socket(url.get().getHost(), url.get().getPort()).close())
                .isInstanceOf(ConnectException.class);
    }
}
