package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks one version per group-resource, as client-go's {@code ServerPreferredResources} does: the group's preferred
 * version when it serves the resource, else the first version (in the server's order) that does.
 */
final class PreferredResources {

    private PreferredResources() {
    }

    static ServerResources select(ServerResources all) {
        Map<GroupVersion, List<ApiResource>> chosenByVersion = new LinkedHashMap<>();
        for (ApiGroup group : all.groups()) {
            Map<String, GroupVersion> chosenVersion = new LinkedHashMap<>();
            Map<String, ApiResource> chosen = new LinkedHashMap<>();
            for (GroupVersion version : group.versions()) {
                ApiResourceList list = all.resourcesFor(version).orElse(null);
                if (list == null) {
                    continue;
                }
                for (ApiResource resource : list.resources()) {
                    if (resource.isSubresource()) {
                        continue;
                    }
                    boolean seen = chosenVersion.containsKey(resource.name());
                    if (!seen || version.equals(group.preferredVersion())) {
                        chosenVersion.put(resource.name(), version);
                        chosen.put(resource.name(), resource);
                    }
                }
            }
            for (GroupVersion version : group.versions()) {
                chosenByVersion.put(version, new ArrayList<>());
            }
            chosen.forEach((name, resource) -> chosenByVersion.get(chosenVersion.get(name)).add(resource));
        }
        List<ApiResourceList> lists = new ArrayList<>();
        chosenByVersion.forEach((gv, resources) -> {
            if (!resources.isEmpty()) {
                lists.add(new ApiResourceList(gv, resources));
            }
        });
        return new ServerResources(all.groups(), lists, all.failures());
    }
}
