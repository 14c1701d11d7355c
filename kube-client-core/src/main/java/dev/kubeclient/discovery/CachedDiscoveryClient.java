package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;

import dev.kubeclient.errors.KubeClientException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Remembers discovery answers in memory until {@link #invalidate()} (client-go's {@code memory.memCacheClient}).
 * The server version is not cached: it is one cheap request and callers ask for it to see the live server.
 *
 * <p>Group-versions that failed are not remembered as failed: the next {@link #serverGroupsAndResources()} asks
 * for just those again, so an aggregated API that comes back is picked up without a full refresh. Thread-safe:
 * concurrent callers of a cold cache wait for one fetch instead of each fetching.
 */
public final class CachedDiscoveryClient implements CachedDiscovery {

    private final Discovery delegate;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile ServerResources all;
    private volatile List<ApiGroup> groups;
    private final Map<GroupVersion, ApiResourceList> single = new LinkedHashMap<>();

    private CachedDiscoveryClient(Discovery delegate) {
        this.delegate = delegate;
    }

    /** A cache in front of this discovery (usually a {@link DiscoveryClient}). */
    public static CachedDiscoveryClient wrap(Discovery delegate) {
        if (delegate == null) {
            throw new IllegalArgumentException("delegate discovery is null");
        }
        if (delegate instanceof CachedDiscoveryClient cached) {
            return cached;
        }
        return new CachedDiscoveryClient(delegate);
    }

    @Override
    public ServerVersion serverVersion() {
        return delegate.serverVersion();
    }

    @Override
    public List<ApiGroup> serverGroups() {
        List<ApiGroup> cached = groups;
        if (cached != null) {
            return cached;
        }
        lock.lock();
        try {
            if (groups == null) {
                groups = List.copyOf(delegate.serverGroups());
            }
            return groups;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ApiResourceList serverResourcesForGroupVersion(GroupVersion groupVersion) {
        ServerResources snapshot = all;
        if (snapshot != null) {
            var list = snapshot.resourcesFor(groupVersion);
            if (list.isPresent()) {
                return list.get();
            }
        }
        lock.lock();
        try {
            ApiResourceList list = single.get(groupVersion);
            if (list == null) {
                list = delegate.serverResourcesForGroupVersion(groupVersion);
                single.put(groupVersion, list);
            }
            return list;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ServerResources serverGroupsAndResources() {
        ServerResources snapshot = all;
        if (snapshot != null && snapshot.isComplete()) {
            return snapshot;
        }
        lock.lock();
        try {
            if (all == null) {
                all = delegate.serverGroupsAndResources();
                groups = all.groups();
            } else if (!all.isComplete()) {
                all = retryFailed(all);
            }
            return all;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@inheritDoc} Sends {@code GET /apis/<group>} (or {@code GET /api}) and one request per version of the group;
     * the other groups stay as cached. On a cold cache this fetches everything once instead.
     */
    @Override
    public ServerResources refreshGroup(String group) {
        if (group == null) {
            throw new IllegalArgumentException("group name is null (the core group is \"\")");
        }
        lock.lock();
        try {
            if (all == null) {
                all = delegate.serverGroupsAndResources();
                groups = all.groups();
                return all;
            }
            Optional<ApiGroup> fresh = delegate.serverGroup(group);
            Map<GroupVersion, ApiResourceList> lists = new LinkedHashMap<>();
            Map<GroupVersion, KubeClientException> failures = new LinkedHashMap<>();
            all.resourceLists().stream().filter(l -> !l.groupVersion().group().equals(group))
                    .forEach(l -> lists.put(l.groupVersion(), l));
            all.failures().forEach((gv, e) -> {
                if (!gv.group().equals(group)) {
                    failures.put(gv, e);
                }
            });
            List<ApiGroup> newGroups = new ArrayList<>();
            boolean replaced = false;
            for (ApiGroup g : all.groups()) {
                if (!g.name().equals(group)) {
                    newGroups.add(g);
                } else if (fresh.isPresent()) {
                    // Keep the group where the server listed it, so lookup priority does not change.
                    newGroups.add(fresh.get());
                    replaced = true;
                }
            }
            if (fresh.isPresent() && !replaced) {
                newGroups.add(fresh.get());
            }
            if (fresh.isPresent()) {
                for (GroupVersion gv : fresh.get().versions()) {
                    fetchInto(gv, lists, failures);
                }
            }
            single.keySet().removeIf(gv -> gv.group().equals(group));
            all = new ServerResources(newGroups, inGroupOrder(newGroups, lists), failures);
            groups = all.groups();
            return all;
        } finally {
            lock.unlock();
        }
    }

    private void fetchInto(GroupVersion gv, Map<GroupVersion, ApiResourceList> lists,
                           Map<GroupVersion, KubeClientException> failures) {
        try {
            lists.put(gv, delegate.serverResourcesForGroupVersion(gv));
        } catch (KubeClientException e) {
            // An interrupted caller wants to stop, not a partial answer.
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            failures.put(gv, e);
        }
    }

    private static List<ApiResourceList> inGroupOrder(List<ApiGroup> groups, Map<GroupVersion, ApiResourceList> lists) {
        List<ApiResourceList> ordered = new ArrayList<>();
        for (ApiGroup group : groups) {
            for (GroupVersion gv : group.versions()) {
                ApiResourceList list = lists.get(gv);
                if (list != null) {
                    ordered.add(list);
                }
            }
        }
        return ordered;
    }

    private ServerResources retryFailed(ServerResources previous) {
        Map<GroupVersion, ApiResourceList> lists = new LinkedHashMap<>();
        previous.resourceLists().forEach(l -> lists.put(l.groupVersion(), l));
        Map<GroupVersion, KubeClientException> failures = new LinkedHashMap<>();
        for (GroupVersion gv : previous.failures().keySet()) {
            fetchInto(gv, lists, failures);
        }
        // Keep the group order of the first answer so lookups stay in server priority order.
        return new ServerResources(previous.groups(), inGroupOrder(previous.groups(), lists), failures);
    }

    @Override
    public void invalidate() {
        lock.lock();
        try {
            all = null;
            groups = null;
            single.clear();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean fresh() {
        ServerResources snapshot = all;
        return snapshot != null && snapshot.isComplete();
    }
}
