package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;

import java.util.List;
import java.util.Optional;

/**
 * Asks the API server what it serves (client-go's {@code DiscoveryInterface}). {@link DiscoveryClient} asks the
 * server every time; {@link CachedDiscoveryClient} remembers the answers.
 *
 * <p>Methods that cover many group-versions return a {@link ServerResources}: one group-version failing (an
 * aggregated API that is down) does not fail the others. Every method throws
 * {@link dev.kubeclient.errors.KubeClientException} when the server cannot be asked at all ({@code /api} or
 * {@code /apis} failing), and honours thread interruption.
 */
public interface Discovery {

    /** {@code GET /version}: the server's build. */
    ServerVersion serverVersion();

    /** The API groups, core group ({@code ""}) first, each with its versions and preferred version. */
    List<ApiGroup> serverGroups();

    /**
     * One API group as the server serves it now ({@code GET /apis/<group>}, or {@code GET /api} for the core group
     * {@code ""}), or empty when the server does not serve it. Cheaper than {@link #serverGroups()} on a server with
     * many groups; the REST mapper uses it to refresh only the group a lookup names. This default reads
     * {@link #serverGroups()}.
     *
     * @throws dev.kubeclient.errors.KubeClientException when the server cannot be asked
     */
    default Optional<ApiGroup> serverGroup(String name) {
        if (name == null) {
            throw new IllegalArgumentException("group name is null (the core group is \"\")");
        }
        return serverGroups().stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /**
     * The resources of one group-version ({@code GET /api/v1} or {@code /apis/g/v}).
     *
     * @throws dev.kubeclient.errors.KubeClientException when that group-version cannot be fetched (404 if not served)
     */
    ApiResourceList serverResourcesForGroupVersion(GroupVersion groupVersion);

    /** Every group with the resources of every version it serves; failed group-versions are listed, not thrown. */
    ServerResources serverGroupsAndResources();

    /**
     * The resources of each group's preferred version only, plus resources that exist only in a non-preferred
     * version (client-go keeps those too, under the first version that has them); subresources are left out.
     */
    default ServerResources serverPreferredResources() {
        return PreferredResources.select(serverGroupsAndResources());
    }

    /** {@link #serverPreferredResources()} restricted to namespaced resources. */
    default ServerResources serverPreferredNamespacedResources() {
        ServerResources all = serverPreferredResources();
        return new ServerResources(all.groups(),
                all.resourceLists().stream().map(l -> l.filter(ApiResource::namespaced)).toList(), all.failures());
    }
}
