package dev.kubeclient.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * The watcher threads: virtual threads when {@code spring.threads.virtual.enabled=true} on Java 21 or later
 * (Boot's {@link Threading} condition), otherwise platform daemon threads. Watchers rename their thread to
 * {@code kube-client-watcher-<resource>}.
 */
final class KubeClientWatcherThreadsConfiguration {

    /** How long closing the context waits for watcher threads to end. */
    static final Duration AWAIT_TERMINATION = Duration.ofSeconds(10);

    private KubeClientWatcherThreadsConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnThreading(Threading.PLATFORM)
    static class PlatformThreads {

        @Bean
        @ConditionalOnMissingBean
        KubeWatcherThreads kubeWatcherThreads() {
            ThreadFactory daemon = task -> {
                Thread thread = new Thread(task, "kube-client-watcher");
                thread.setDaemon(true);
                return thread;
            };
            return new KubeWatcherThreads(daemon, AWAIT_TERMINATION);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnThreading(Threading.VIRTUAL)
    static class VirtualThreads {

        @Bean
        @ConditionalOnMissingBean
        KubeWatcherThreads kubeWatcherThreads() {
            // Spring's executor builds its virtual-thread factory without reflection on Java 21+.
            return new KubeWatcherThreads(new VirtualThreadTaskExecutor("kube-client-watcher-").getVirtualThreadFactory(),
                    AWAIT_TERMINATION);
        }
    }
}
