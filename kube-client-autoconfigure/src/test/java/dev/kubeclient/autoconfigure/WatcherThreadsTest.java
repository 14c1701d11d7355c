package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.rest.KubeRestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher threads follow {@code spring.threads.virtual.enabled} where the JDK has virtual threads (Java 21+),
 * and stay platform daemon threads elsewhere. The build runs on Java 17; run this class on a Java 21+ JDK too
 * (see docs/spring-boot.md) to exercise the virtual branch.
 */
class WatcherThreadsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class))
            .withBean(KubeClientConnectionDetails.class,
                    () -> () -> RestConfig.builder().server("https://a.example:6443").build());

    /** {@code Thread.isVirtual()}, read reflectively: the code base compiles for Java 17, which lacks it. */
    private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
        return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }

    /** A thread from {@code threads} that has run an empty task and ended, as a watcher's does when it closes. */
    private static Thread ranThread(KubeWatcherThreads threads) throws InterruptedException {
        Thread thread = threads.newThread(() -> { });
        thread.start();
        thread.join();
        assertThat(threads.liveThreads()).isEmpty();
        return thread;
    }

    @Test
    void byDefaultWatchersRunOnPlatformDaemonThreads() {
        runner.run(context -> {
            KubeWatcherThreads threads = context.getBean(KubeWatcherThreads.class);
            assertThat(context.getBean(KubeRestClient.class).watcherThreadFactory()).isSameAs(threads);
            Thread thread = ranThread(threads);
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getName()).startsWith("kube-client-watcher");
            assertThat(thread.getClass()).isEqualTo(Thread.class);
        });
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    void onAJdkWithoutVirtualThreadsThePropertyFallsBackToPlatformDaemonThreads() {
        runner.withPropertyValues("spring.threads.virtual.enabled=true").run(context -> {
            Thread thread = ranThread(context.getBean(KubeWatcherThreads.class));
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getClass()).isEqualTo(Thread.class);
        });
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void onAJdkWithVirtualThreadsThePropertyMakesWatcherThreadsVirtual() {
        runner.withPropertyValues("spring.threads.virtual.enabled=true").run(context -> {
            Thread thread = ranThread(context.getBean(KubeWatcherThreads.class));
            assertThat(isVirtual(thread)).isTrue();
            assertThat(thread.getName()).startsWith("kube-client-watcher-");
        });
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void onAJdkWithVirtualThreadsTheyStayPlatformThreadsUnlessAskedFor() {
        runner.run(context -> assertThat(isVirtual(ranThread(context.getBean(KubeWatcherThreads.class)))).isFalse());
    }
}
