package dev.kubeclient.autoconfigure.support;

import dev.kubeclient.autoconfigure.RestConfigCustomizer;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.flowcontrol.FakeClock;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.rest.KubeRestClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Stands in for the main kube-client auto-configuration in these tests, with the same contract: every
 * {@link KubeClientListener} bean, in order, becomes the RestConfig's listener; every {@link RestConfigCustomizer}
 * bean is applied in order; the server is {@code test.kube.server}. A {@link FakeClock} bean, if any, is the
 * client's ticker and sleeper.
 */
@Configuration(proxyBeanMethods = false)
public class TestKubeClientConfiguration {

    @Bean
    RestConfig restConfig(Environment environment, ObjectProvider<KubeClientListener> listeners,
                          ObjectProvider<RestConfigCustomizer> customizers) {
        RestConfig.Builder builder = RestConfig.builder()
                .server(environment.getRequiredProperty("test.kube.server"))
                .listener(KubeClientListener.composite(listeners.orderedStream().toList()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    KubeRestClient kubeRestClient(RestConfig config, ObjectProvider<FakeClock> clock) {
        KubeRestClient.Builder builder = KubeRestClient.builder(config);
        FakeClock time = clock.getIfAvailable();
        if (time != null) {
            builder.ticker(time).sleeper(time);
        }
        return builder.build();
    }
}
