package dev.kubeclient.rest;

import okhttp3.Call;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cancels a call when the thread that runs it is interrupted. Calls run on the caller's thread (so interceptors,
 * listeners and the wire trace see its ThreadLocals: MDC, tracing context), and a thread blocked in a socket read
 * does not notice an interrupt; this watchdog does, within {@link #POLL_INTERVAL}, and cancels the call, which
 * makes the read fail at once.
 *
 * <p>One per client. Its one daemon thread, {@code kube-client-interrupt-watchdog}, runs only while calls are in
 * flight: it ends after {@link #IDLE_TIMEOUT} without calls and is started again by the next one.
 */
final class InterruptWatchdog implements AutoCloseable {

    /** How often in-flight calls are checked; the longest an interrupt waits before the call is cancelled. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    /** How long the thread waits without calls before it ends. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Map<Call, Thread> calls = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition callAdded = lock.newCondition();
    private final String threadName;
    private Thread thread;
    private boolean closed;

    InterruptWatchdog(String threadName) {
        this.threadName = threadName;
    }

    /** Watches {@code call}, run by the current thread, until {@link #unwatch}. */
    void watch(Call call) {
        calls.put(call, Thread.currentThread());
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (thread == null) {
                thread = new Thread(this::loop, threadName);
                thread.setDaemon(true);
                thread.start();
            }
            callAdded.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Stops watching {@code call}. */
    void unwatch(Call call) {
        calls.remove(call);
    }

    private void loop() {
        while (true) {
            lock.lock();
            try {
                while (calls.isEmpty()) {
                    if (closed || !callAdded.await(IDLE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)
                            && calls.isEmpty()) {
                        thread = null;
                        return;
                    }
                }
            } catch (InterruptedException e) {
                thread = null;
                return;
            } finally {
                lock.unlock();
            }
            calls.forEach((call, caller) -> {
                if (caller.isInterrupted()) {
                    call.cancel();
                }
            });
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                lock.lock();
                try {
                    thread = null;
                } finally {
                    lock.unlock();
                }
                return;
            }
        }
    }

    /** Stops the thread; calls still watched are no longer cancelled on interrupt. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            callAdded.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
