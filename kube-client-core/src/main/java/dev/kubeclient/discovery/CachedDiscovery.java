package dev.kubeclient.discovery;

/**
 * A {@link Discovery} that remembers answers until {@link #invalidate()} (client-go's
 * {@code CachedDiscoveryInterface}).
 */
public interface CachedDiscovery extends Discovery {

    /** Forgets every cached answer; the next call asks the server again (for example after a CRD was added). */
    void invalidate();

    /**
     * Whether the cached answers were all fetched from the server since the last {@link #invalidate()}, so asking
     * again is pointless. {@code false} before the first fetch.
     */
    boolean fresh();
}
