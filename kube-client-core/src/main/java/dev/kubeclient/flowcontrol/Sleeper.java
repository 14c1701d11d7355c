package dev.kubeclient.flowcontrol;

import java.time.Duration;

/**
 * Blocks the calling thread for a while. Injected wherever code waits so tests can let time pass instantly.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for {@code duration}; returns at once for zero or negative durations.
     *
     * @throws InterruptedException if the thread is interrupted before or while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** Real sleeping with {@link Thread#sleep}. */
    static Sleeper system() {
        return SystemTime.INSTANCE;
    }
}
