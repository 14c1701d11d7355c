package dev.kubeclient.flowcontrol;

/**
 * A monotonic time source in nanoseconds, like {@link System#nanoTime()}: only differences between readings mean
 * anything. Injected wherever timing logic lives so tests can move time by hand.
 */
@FunctionalInterface
public interface Ticker {

    /** The current reading in nanoseconds; never decreases. */
    long nanoTime();

    /** The JVM's monotonic clock, {@link System#nanoTime()}. */
    static Ticker system() {
        return SystemTime.INSTANCE;
    }
}
