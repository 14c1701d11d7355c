package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One immutable view of discovery for the {@link RestMapper}: every served resource (no subresources) in priority
 * order, the order client-go's {@code NewDiscoveryRESTMapper} gives its priority mapper: groups as the server lists
 * them (core first), and inside a group the preferred version first, then the others in server order.
 */
final class MapperIndex {

    /** One resource at one version, with every name it answers to. */
    record Entry(RestMapping mapping, String singular, List<String> shortNames) {
        String plural() {
            return mapping.resource().resource();
        }
    }

    private final List<Entry> entries;
    private final Map<GroupVersion, ?> failures;
    private final Set<String> groups;

    private MapperIndex(List<Entry> entries, Map<GroupVersion, ?> failures, Set<String> groups) {
        this.entries = List.copyOf(entries);
        this.failures = Map.copyOf(failures);
        this.groups = Set.copyOf(groups);
    }

    static MapperIndex of(ServerResources discovered) {
        List<Entry> entries = new ArrayList<>();
        for (ApiGroup group : discovered.groups()) {
            List<GroupVersion> ordered = new ArrayList<>();
            ordered.add(group.preferredVersion());
            group.versions().stream().filter(v -> !v.equals(group.preferredVersion())).forEach(ordered::add);
            for (GroupVersion version : ordered) {
                ApiResourceList list = discovered.resourcesFor(version).orElse(null);
                if (list == null) {
                    continue;
                }
                for (ApiResource r : list.resources()) {
                    if (r.isSubresource() || r.kind().isEmpty()) {
                        continue;
                    }
                    RestMapping mapping = new RestMapping(version.withResource(r.name()), version.withKind(r.kind()),
                            r.namespaced() ? Scope.NAMESPACED : Scope.CLUSTER);
                    entries.add(new Entry(mapping, r.singularOrGuess(),
                            r.shortNames().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()));
                }
            }
        }
        return new MapperIndex(entries, discovered.failures(),
                discovered.groups().stream().map(ApiGroup::name).collect(Collectors.toSet()));
    }

    int size() {
        return entries.size();
    }

    /** The group-versions discovery could not read; a name may hide there. */
    Set<GroupVersion> failedGroupVersions() {
        return failures.keySet();
    }

    /** Whether discovery listed this API group ({@code ""} for core). */
    boolean servesGroup(String group) {
        return groups.contains(group);
    }

    Optional<RestMapping> first(Predicate<Entry> test) {
        return entries.stream().filter(test).map(Entry::mapping).findFirst();
    }

    List<RestMapping> all(Predicate<Entry> test) {
        return entries.stream().filter(test).map(Entry::mapping).toList();
    }
}
