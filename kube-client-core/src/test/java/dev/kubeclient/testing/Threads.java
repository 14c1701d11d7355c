package dev.kubeclient.testing;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Waits for another thread to be blocked, so a test interrupts or closes at a known point instead of after a guessed
 * sleep (which a busy machine outlasts).
 */
public final class Threads {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Threads() {
    }

    /**
     * Returns once {@code thread} waits: parked, sleeping, waiting on a monitor, or reading from a socket (a
     * blocking socket read is {@code RUNNABLE} to the JVM, so its stack tells instead).
     *
     * @throws org.awaitility.core.ConditionTimeoutException when it does not block within 30 s
     */
    public static void awaitBlocked(Thread thread) {
        await(thread.getName() + " blocked").atMost(DEADLINE).pollInterval(Duration.ofMillis(5))
                .until(() -> isBlocked(thread));
    }

    /** Whether {@code thread} is waiting, as {@link #awaitBlocked} means it. */
    public static boolean isBlocked(Thread thread) {
        Thread.State state = thread.getState();
        if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED) {
            return true;
        }
        if (state != Thread.State.RUNNABLE) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            String where = frame.getClassName() + "." + frame.getMethodName();
            if (where.contains("SocketImpl.") && frame.getMethodName().contains("read")
                    || where.contains("SocketDispatcher.read") || where.contains("Net.poll")) {
                return true;
            }
        }
        return false;
    }
}
