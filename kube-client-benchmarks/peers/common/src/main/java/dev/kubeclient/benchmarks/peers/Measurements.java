package dev.kubeclient.benchmarks.peers;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;

/**
 * What a timed section costs in this JVM, read from the platform MX beans the same way kube-client's own harnesses
 * read them: bytes allocated summed over every live thread (the client's background threads included), collections and
 * collection time of every collector, and the heap pools' peak above the level after a {@code System.gc()}.
 */
final class Measurements {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();

    /** A snapshot taken when a timed section starts. */
    record Start(long nanos, long allocated, long gcCount, long gcMillis, long heapUsed) {
    }

    /** What one timed section cost. */
    record Cost(long nanos, long allocated, long gcCount, long gcMillis, long peakGrowth) {
    }

    /** Collects garbage, resets the heap pools' peaks and takes the counters; the clock is read last. */
    Start start() {
        System.gc();
        long used = heapPools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long count = gcCount();
        long millis = gcMillis();
        long allocated = allocatedBytes();
        return new Start(System.nanoTime(), allocated, count, millis, used);
    }

    /** Reads the clock first, then the counters, against {@code start}. */
    Cost stop(Start start) {
        long nanos = System.nanoTime() - start.nanos();
        long allocated = allocatedBytes() - start.allocated();
        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Cost(nanos, allocated, gcCount() - start.gcCount(), gcMillis() - start.gcMillis(),
                Math.max(0, peak - start.heapUsed()));
    }

    static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** The value at {@code fraction} (0..1) of an ascending array, nearest rank. */
    static long percentile(long[] sorted, double fraction) {
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
        return sorted[index];
    }
}
