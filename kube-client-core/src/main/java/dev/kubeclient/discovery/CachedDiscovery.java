package dev.kubeclient.discovery;

/**
 * A {@link Discovery} that remembers answers until {@link #invalidate()} (client-go's
 * {@code CachedDiscoveryInterface}).
 */
public interface CachedDiscovery extends Discovery {

    /** Forgets every cached answer; the next call asks the server again (for example after a CRD was added). */
    void invalidate();

    /**
     * Asks the server again about one group only (its versions and their resources), updates the cache with the
     * answer (the group added, replaced or removed) and returns the whole updated picture. The REST mapper calls this
     * on a miss for a name that carries its group, instead of refreshing every group. This default forgets
     * everything and fetches everything.
     *
     * @param group the group name, {@code ""} for the core group
     * @throws dev.kubeclient.errors.KubeClientException when the server cannot be asked
     */
    default ServerResources refreshGroup(String group) {
        if (group == null) {
            throw new IllegalArgumentException("group name is null (the core group is \"\")");
        }
        invalidate();
        return serverGroupsAndResources();
    }

    /**
     * Whether the cached answers were all fetched from the server since the last {@link #invalidate()}, so asking
     * again is pointless. {@code false} before the first fetch.
     */
    boolean fresh();
}
