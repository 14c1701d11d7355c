package dev.kubeclient.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The threads of the resilient watchers started through the starter's clients: platform daemon threads, or
 * virtual threads when {@code spring.threads.virtual.enabled=true} on Java 21+. Every thread it made is ended
 * when the application stops: interrupted when the context stops (a watcher ends when its thread is interrupted),
 * and awaited, after the clients closed their connections, when the bean is destroyed. Thread-safe.
 */
public final class KubeWatcherThreads implements ThreadFactory, SmartLifecycle, DisposableBean {

    /**
     * Stops after the web server and other default-phase lifecycles, so that requests still being served can
     * use watchers until then.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(KubeWatcherThreads.class);

    private final ThreadFactory delegate;
    private final Duration awaitTermination;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean shutDown;

    /**
     * @param delegate makes the threads (their name is set by the watcher)
     * @param awaitTermination how long destruction waits for the threads to end
     */
    public KubeWatcherThreads(ThreadFactory delegate, Duration awaitTermination) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.awaitTermination = Objects.requireNonNull(awaitTermination, "awaitTermination");
    }

    /** A thread for {@code task}, tracked until it ends; {@code null} once shut down (no new watchers then). */
    @Override
    public Thread newThread(Runnable task) {
        if (shutDown) {
            return null;
        }
        Thread thread = delegate.newThread(() -> {
            try {
                task.run();
            } finally {
                live.remove(Thread.currentThread());
            }
        });
        if (thread == null) {
            return null;
        }
        live.add(thread);
        return thread;
    }

    /** The threads made here that have not ended yet. */
    public List<Thread> liveThreads() {
        return List.copyOf(live);
    }

    @Override
    public void start() {
        shutDown = false;
        running = true;
    }

    /** Interrupts every watcher thread: each watcher closes its watch and ends. */
    @Override
    public void stop() {
        running = false;
        shutDown = true;
        live.forEach(Thread::interrupt);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Interrupts any thread still alive (if {@link #stop()} was not called) and waits for all to end. */
    @Override
    public void destroy() throws InterruptedException {
        shutDown = true;
        long deadline = System.nanoTime() + awaitTermination.toNanos();
        for (Thread thread : List.copyOf(live)) {
            thread.interrupt();
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
        }
        List<Thread> left = liveThreads();
        if (!left.isEmpty()) {
            log.warn("{} kube-client watcher thread(s) did not end within {}: {}", left.size(), awaitTermination,
                    left.stream().map(Thread::getName).toList());
        }
    }

    @Override
    public String toString() {
        return "KubeWatcherThreads[live=" + live.size() + (shutDown ? ", shut down" : "") + "]";
    }
}
