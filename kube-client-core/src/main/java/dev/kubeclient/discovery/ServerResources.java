package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;

import dev.kubeclient.errors.KubeClientException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A discovery answer that may be partial: the groups, the resource lists of every group-version that answered, and
 * the group-versions that did not (an aggregated API whose backend is down answers 503). client-go returns such a
 * result together with {@code ErrGroupDiscoveryFailed}; here the failures travel in the result, and
 * {@link #orThrow()} turns them into a {@link GroupDiscoveryFailedException} for callers that need everything.
 *
 * @param groups        the API groups, core group first, in server order
 * @param resourceLists the resource lists that were fetched, in group order
 * @param failures      the group-versions whose resources could not be fetched, with the reason
 */
public record ServerResources(List<ApiGroup> groups, List<ApiResourceList> resourceLists,
                              Map<GroupVersion, KubeClientException> failures) {

    /** Copies the collections, keeping their order. */
    public ServerResources {
        groups = List.copyOf(groups);
        resourceLists = List.copyOf(resourceLists);
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /** Whether every group-version answered. */
    public boolean isComplete() {
        return failures.isEmpty();
    }

    /**
     * This result if it is complete.
     *
     * @throws GroupDiscoveryFailedException naming every group-version that failed, with the partial result attached
     */
    public ServerResources orThrow() {
        if (!isComplete()) {
            throw new GroupDiscoveryFailedException(this);
        }
        return this;
    }

    /** The resources of one group-version, if it was fetched. */
    public Optional<ApiResourceList> resourcesFor(GroupVersion groupVersion) {
        return resourceLists.stream().filter(l -> l.groupVersion().equals(groupVersion)).findFirst();
    }

    /** The group with this name ({@code ""} for core), if the server serves it. */
    public Optional<ApiGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }
}
