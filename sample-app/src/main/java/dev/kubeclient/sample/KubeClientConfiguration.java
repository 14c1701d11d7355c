package dev.kubeclient.sample;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.config.RestConfigs;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.rest.KubeRestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the client by hand from core APIs. The starter's auto-configuration will make this class unnecessary;
 * until then it shows the three objects an application needs: one RestConfig, one KubeRestClient shared by every
 * client (one connection pool, one rate limiter), and the clients built on it.
 */
@Configuration(proxyBeanMethods = false)
class KubeClientConfiguration {

    @Bean
    RestConfig restConfig(SampleProperties properties) {
        RestConfig detected = properties.kubeconfig() != null
                ? new KubeConfigLoader().restConfig(properties.kubeconfig(), null)
                : RestConfigs.autodetect();
        return detected.toBuilder()
                .userAgent("kube-client-sample/0.1.0")
                .fieldManager(properties.fieldManager())
                .build();
    }

    @Bean(destroyMethod = "close")
    KubeRestClient kubeRestClient(RestConfig config) {
        return KubeRestClient.create(config);
    }

    @Bean
    Clientset clientset(KubeRestClient rest) {
        return Clientset.of(rest);
    }

    @Bean
    DiscoveryClient discoveryClient(KubeRestClient rest) {
        return DiscoveryClient.create(rest);
    }
}
