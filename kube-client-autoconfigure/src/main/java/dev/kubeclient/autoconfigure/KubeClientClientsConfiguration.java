package dev.kubeclient.autoconfigure;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.discovery.CachedDiscovery;
import dev.kubeclient.discovery.CachedDiscoveryClient;
import dev.kubeclient.discovery.Discovery;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.discovery.RestMapper;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.flowcontrol.RateLimiter;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.transport.KubeTransport;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * One transport, one rate limiter and one {@link KubeRestClient} for the whole application, and the typed,
 * dynamic, discovery and mapping clients over it. Spring closes the REST client and the transport on shutdown
 * (their {@code close()} methods), after {@link KubeWatcherThreads} ended the watchers.
 */
@Configuration(proxyBeanMethods = false)
class KubeClientClientsConfiguration {

    /**
     * The transport: TLS, credentials, proxy, connection pool, the core's interceptors. Not built when the user
     * has their own REST client (nothing would use it).
     */
    @Bean
    @ConditionalOnMissingBean({ KubeTransport.class, KubeRestClient.class })
    KubeTransport kubeTransport(RestConfig config, KubeWatcherThreads watcherThreads) {
        // Taking the watcher threads makes Spring destroy this transport before them, so that a watcher blocked on
        // a read sees its connection closed while the threads are awaited.
        return KubeTransport.create(config);
    }

    /** The limiter every request shares; meters should read {@code KubeRestClient.rateLimiter()}, which is this. */
    @Bean
    @ConditionalOnMissingBean({ RateLimiter.class, KubeRestClient.class })
    RateLimiter kubeRateLimiter(RestConfig config, KubeClientProperties properties) {
        RateLimiter limiter = !config.rateLimited() ? RateLimiter.unlimited()
                : RateLimiter.tokenBucket(config.effectiveQps(), config.effectiveBurst());
        if (config.rateLimited() && properties.getRateLimiter() == KubeClientProperties.RateLimiterMode.AUTO) {
            limiter = RateLimiter.adaptive(limiter, config.server().getAuthority());
        }
        if (properties.getMaxRateLimiterWait() != null) {
            if (properties.getMaxRateLimiterWait().isNegative()) {
                throw new InvalidKubeClientPropertyException("kube.client.max-rate-limiter-wait",
                        properties.getMaxRateLimiterWait(), "must be zero or positive",
                        "Set kube.client.max-rate-limiter-wait to a duration such as 10s, or remove it.");
            }
            limiter = limiter.withMaxWait(properties.getMaxRateLimiterWait());
        }
        return limiter;
    }

    @Bean
    @ConditionalOnMissingBean
    KubeRestClient kubeRestClient(RestConfig config, KubeTransport transport, RateLimiter rateLimiter,
                                  KubeWatcherThreads watcherThreads,
                                  ObjectProvider<OkHttpClientBuilderCustomizer> httpCustomizers) {
        OkHttpClient http = transport.httpClient();
        List<OkHttpClientBuilderCustomizer> customizers = httpCustomizers.orderedStream().toList();
        if (!customizers.isEmpty()) {
            OkHttpClient.Builder builder = http.newBuilder();
            customizers.forEach(customizer -> customizer.customize(builder));
            http = builder.build();
        }
        return KubeRestClient.builder(config).httpClient(http).rateLimiter(rateLimiter)
                .watcherThreadFactory(watcherThreads).build();
    }

    @Bean
    @ConditionalOnMissingBean
    Clientset kubeClientset(KubeRestClient rest) {
        return Clientset.of(rest);
    }

    @Bean
    @ConditionalOnMissingBean
    DynamicClient kubeDynamicClient(KubeRestClient rest) {
        return DynamicClient.create(rest);
    }

    /** Discovery answers cached for the application's lifetime; {@code invalidate()} it after installing CRDs. */
    @Bean
    @ConditionalOnMissingBean(Discovery.class)
    CachedDiscoveryClient kubeDiscoveryClient(KubeRestClient rest) {
        return CachedDiscoveryClient.wrap(DiscoveryClient.create(rest));
    }

    @Bean
    @ConditionalOnMissingBean
    RestMapper kubeRestMapper(Discovery discovery) {
        return RestMapper.create(discovery instanceof CachedDiscovery cached ? cached : CachedDiscoveryClient.wrap(discovery));
    }
}
