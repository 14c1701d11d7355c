package dev.kubeclient.flowcontrol;

import java.time.Duration;

/** Duration arithmetic that saturates instead of overflowing. */
final class ChronoDurations {

    /** A wait so long it means "no limit"; fits in a {@code long} of nanoseconds. */
    static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE);

    private ChronoDurations() {
    }

    /** {@code d} in nanoseconds, clamped to {@code [0, Long.MAX_VALUE]}. */
    static long nonNegativeNanos(Duration d) {
        if (d.isNegative()) {
            return 0;
        }
        return d.compareTo(FOREVER) >= 0 ? Long.MAX_VALUE : d.toNanos();
    }
}
