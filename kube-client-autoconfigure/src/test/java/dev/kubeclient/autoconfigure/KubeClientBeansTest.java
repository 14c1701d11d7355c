package dev.kubeclient.autoconfigure;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.discovery.CachedDiscoveryClient;
import dev.kubeclient.discovery.Discovery;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.discovery.RestMapper;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.flowcontrol.RateLimiter;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.transport.KubeTransport;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter's beans, one of each, sharing one REST client; each backs off for a user's own. */
class KubeClientBeansTest {

    private static final RestConfig USER_CONFIG = RestConfig.builder().server("https://user.example:6443")
            .bearerToken("t").build();

    /** Connection details, so that no kubeconfig is needed. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class))
            .withBean(KubeClientConnectionDetails.class, () -> () -> USER_CONFIG);

    @Test
    void everyClientIsThereAndSharesTheOneRestClient() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RestConfig.class).hasSingleBean(KubeTransport.class)
                    .hasSingleBean(RateLimiter.class).hasSingleBean(KubeRestClient.class).hasSingleBean(Clientset.class)
                    .hasSingleBean(DynamicClient.class).hasSingleBean(Discovery.class).hasSingleBean(RestMapper.class)
                    .hasSingleBean(KubeWatcherThreads.class)
                    .hasBean("kubeConflictRetryTemplate").hasBean("kubeConflictSpringRetryTemplate");
            KubeRestClient rest = context.getBean(KubeRestClient.class);
            assertThat(context.getBean(Clientset.class).typed().rest()).isSameAs(rest);
            assertThat(rest.rateLimiter()).isSameAs(context.getBean(RateLimiter.class));
            assertThat(rest.watcherThreadFactory()).isSameAs(context.getBean(KubeWatcherThreads.class));
            assertThat(context.getBean(Discovery.class)).isInstanceOf(CachedDiscoveryClient.class);
        });
    }

    @Test
    void aUsersRestConfigWins() {
        RestConfig own = RestConfig.builder().server("https://own.example").build();
        runner.withBean(RestConfig.class, () -> own)
                .run(context -> assertThat(context.getBean(KubeRestClient.class).config()).isSameAs(own));
    }

    @Test
    void aUsersTransportWins() {
        runner.withBean("myTransport", KubeTransport.class, () -> KubeTransport.create(USER_CONFIG))
                .run(context -> assertThat(context).getBean(KubeTransport.class).isSameAs(context.getBean("myTransport")));
    }

    @Test
    void aUsersRateLimiterWins() {
        RateLimiter own = RateLimiter.tokenBucket(100, 200);
        runner.withBean(RateLimiter.class, () -> own)
                .run(context -> assertThat(context.getBean(KubeRestClient.class).rateLimiter()).isSameAs(own));
    }

    @Test
    void aUsersRestClientWins() {
        runner.withBean(KubeRestClient.class, () -> KubeRestClient.builder(USER_CONFIG).httpClient(new OkHttpClient()).build())
                .run(context -> {
                    assertThat(context).hasSingleBean(KubeRestClient.class);
                    assertThat(context.getBean(Clientset.class).typed().rest()).isSameAs(context.getBean(KubeRestClient.class));
                });
    }

    @Test
    void aUsersClientsetWins() {
        runner.withBean("myClientset", Clientset.class, () -> Clientset.create(USER_CONFIG), b -> b.setDestroyMethodName("close"))
                .run(context -> assertThat(context).hasSingleBean(Clientset.class).hasBean("myClientset"));
    }

    @Test
    void aUsersDynamicClientWins() {
        runner.withUserConfiguration(OwnDynamic.class)
                .run(context -> assertThat(context).hasSingleBean(DynamicClient.class).hasBean("myDynamic"));
    }

    @Test
    void aUsersDiscoveryWinsAndFeedsTheMapper() {
        runner.withUserConfiguration(OwnDiscovery.class).run(context -> {
            assertThat(context).hasSingleBean(Discovery.class).hasBean("myDiscovery");
            assertThat(context).hasSingleBean(RestMapper.class);
        });
    }

    @Test
    void aUsersRestMapperWins() {
        runner.withUserConfiguration(OwnMapper.class)
                .run(context -> assertThat(context).hasSingleBean(RestMapper.class).hasBean("myMapper"));
    }

    @Test
    void aUsersWatcherThreadsWin() {
        KubeWatcherThreads own = new KubeWatcherThreads(Thread::new, Duration.ofSeconds(1));
        runner.withBean(KubeWatcherThreads.class, () -> own)
                .run(context -> assertThat(context.getBean(KubeRestClient.class).watcherThreadFactory()).isSameAs(own));
    }

    @Test
    void aUsersRetryTemplatesWinByName() {
        org.springframework.core.retry.RetryTemplate own = new org.springframework.core.retry.RetryTemplate();
        runner.withBean("kubeConflictRetryTemplate", org.springframework.core.retry.RetryTemplate.class, () -> own)
                .run(context -> assertThat(context.getBean("kubeConflictRetryTemplate")).isSameAs(own));
    }

    @Test
    void virtualThreadsAreOnlyUsedWhereTheJdkHasThem() {
        runner.withPropertyValues("spring.threads.virtual.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(KubeWatcherThreads.class);
            Thread thread = context.getBean(KubeWatcherThreads.class).newThread(() -> { });
            boolean virtualCapable = Runtime.version().feature() >= 21;
            // On Java 17 Boot's Threading.VIRTUAL condition does not match, so platform daemon threads are used.
            assertThat(thread.isDaemon()).isTrue();
            if (!virtualCapable) {
                assertThat(thread.getClass()).isEqualTo(Thread.class);
            }
        });
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OwnDynamic {
        @org.springframework.context.annotation.Bean
        DynamicClient myDynamic(KubeRestClient rest) {
            return DynamicClient.create(rest);
        }
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OwnDiscovery {
        @org.springframework.context.annotation.Bean
        Discovery myDiscovery(KubeRestClient rest) {
            return DiscoveryClient.create(rest);
        }
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OwnMapper {
        @org.springframework.context.annotation.Bean
        RestMapper myMapper(KubeRestClient rest) {
            return RestMapper.create(CachedDiscoveryClient.wrap(DiscoveryClient.create(rest)));
        }
    }
}
