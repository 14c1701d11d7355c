package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;

import java.util.List;
import java.util.function.Predicate;

/**
 * The resources one group-version serves ({@code GET /apis/apps/v1}), subresources included.
 *
 * @param groupVersion the group-version
 * @param resources    its resources and subresources, in server order
 */
public record ApiResourceList(GroupVersion groupVersion, List<ApiResource> resources) {

    /** Copies the list. */
    public ApiResourceList {
        if (groupVersion == null) {
            throw new IllegalArgumentException("groupVersion is null");
        }
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** A copy holding only the entries for which {@code keep} holds. */
    ApiResourceList filter(Predicate<ApiResource> keep) {
        return new ApiResourceList(groupVersion, resources.stream().filter(keep).toList());
    }
}
