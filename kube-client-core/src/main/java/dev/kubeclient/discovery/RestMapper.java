package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;
import dev.kubeclient.scheme.GroupVersionKind;
import dev.kubeclient.scheme.GroupVersionResource;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Maps kinds and kubectl-style resource names to the resource to call and its scope, from discovery (client-go's
 * {@code DeferredDiscoveryRESTMapper} over a {@code PriorityRESTMapper}, plus kubectl's short-name expansion).
 *
 * <ul>
 *   <li>{@link #mappingFor(String)}: a kind ({@code Deployment}, {@code Deployment.apps},
 *       {@code Deployment.v1.apps}) to its preferred resource.</li>
 *   <li>{@link #mappingFor(GroupVersionKind)}: an exact kind, as an object's apiVersion and kind name it.</li>
 *   <li>{@link #resourceFor(String)}: what kubectl accepts after {@code get}: plural, singular or short name,
 *       optionally with {@code .group} or {@code .version.group} ({@code deploy}, {@code deployments.apps}).</li>
 * </ul>
 * Names compare case-insensitively, as kubectl does. When several groups serve a name, the first group in discovery
 * order wins (the core group first); inside a group the preferred version wins.
 *
 * <p>Discovery is read lazily on first use. On a miss the mapper invalidates the cached discovery and looks once
 * more, so kinds from CRDs added since are found; a second miss throws {@link NoMatchException}. Thread-safe.
 */
public final class RestMapper {

    private final CachedDiscovery discovery;
    private final ReentrantLock loading = new ReentrantLock();
    private volatile MapperIndex index;

    private RestMapper(CachedDiscovery discovery) {
        this.discovery = discovery;
    }

    /** A mapper over this (cached) discovery; nothing is fetched until the first lookup. */
    public static RestMapper create(CachedDiscovery discovery) {
        if (discovery == null) {
            throw new IllegalArgumentException("discovery is null");
        }
        return new RestMapper(discovery);
    }

    /** Forgets what the mapper knows and invalidates the discovery cache; the next lookup fetches again. */
    public void reset() {
        loading.lock();
        try {
            discovery.invalidate();
            index = null;
        } finally {
            loading.unlock();
        }
    }

    /**
     * The preferred resource for a kind: {@code Deployment} maps to {@code apps/v1/deployments}, namespaced. Accepts
     * {@code Kind}, {@code Kind.group} and {@code Kind.version.group}, case-insensitively.
     *
     * @throws NoMatchException when no served resource has that kind, even after refreshing discovery
     */
    public RestMapping mappingFor(String kind) {
        requireText(kind, "kind");
        return lookup(kind, "kind", index -> findKind(index, kind));
    }

    /**
     * The resource serving exactly this group, version and kind.
     *
     * @throws NoMatchException when that group-version does not serve the kind, even after refreshing discovery
     */
    public RestMapping mappingFor(GroupVersionKind kind) {
        if (kind == null) {
            throw new IllegalArgumentException("kind is null");
        }
        return lookup(kind.toString(), "kind", index -> index.first(e -> e.mapping().kind().equals(kind))
                .or(() -> index.first(e -> e.mapping().kind().groupVersion().equals(kind.groupVersion())
                        && e.mapping().kind().kind().equalsIgnoreCase(kind.kind()))));
    }

    /** Every served version of a kind ({@code Kind} or {@code Kind.group}), preferred first; empty if none. */
    public List<RestMapping> mappingsFor(String kind) {
        requireText(kind, "kind");
        ParsedName name = ParsedName.of(kind);
        return current().all(e -> name.kindMatches(e.mapping().kind()));
    }

    /**
     * The resource kubectl would pick for a name: plural ({@code deployments}), singular ({@code deployment}) or
     * short name ({@code deploy}), optionally qualified as {@code deployments.apps} or {@code deployments.v1.apps}.
     *
     * @throws NoMatchException when nothing answers to that name, even after refreshing discovery
     */
    public RestMapping resourceFor(String resource) {
        requireText(resource, "resource");
        return lookup(resource, "resource", index -> findResource(index, resource));
    }

    /**
     * The kind and scope of a resource at exactly this group-version.
     *
     * @throws NoMatchException when the group-version does not serve that resource, even after refreshing discovery
     */
    public RestMapping resourceFor(GroupVersionResource resource) {
        if (resource == null) {
            throw new IllegalArgumentException("resource is null");
        }
        return lookup(resource.toString(), "resource",
                index -> index.first(e -> e.mapping().resource().equals(resource)));
    }

    private static Optional<RestMapping> findKind(MapperIndex index, String text) {
        ParsedName name = ParsedName.of(text);
        Optional<RestMapping> exactCase = index.first(e -> name.kindMatches(e.mapping().kind())
                && e.mapping().kind().kind().equals(name.name()));
        return exactCase.or(() -> index.first(e -> name.kindMatches(e.mapping().kind())));
    }

    private static Optional<RestMapping> findResource(MapperIndex index, String text) {
        ParsedName name = ParsedName.of(text.toLowerCase(Locale.ROOT));
        String n = name.name();
        return index.first(e -> name.groupMatches(e.mapping().resource().groupVersion()) && e.plural().equals(n))
                .or(() -> index.first(e -> name.groupMatches(e.mapping().resource().groupVersion()) && e.singular().equals(n)))
                .or(() -> index.first(e -> name.groupMatches(e.mapping().resource().groupVersion()) && e.shortNames().contains(n)));
    }

    private RestMapping lookup(String searchedFor, String what, Function<MapperIndex, Optional<RestMapping>> find) {
        Optional<RestMapping> found = find.apply(current());
        if (found.isPresent()) {
            return found.get();
        }
        // A miss may mean a CRD or aggregated API added after discovery was cached: look once more, fresh.
        reset();
        MapperIndex fresh = current();
        return find.apply(fresh).orElseThrow(() -> noMatch(searchedFor, what, fresh));
    }

    private static NoMatchException noMatch(String searchedFor, String what, MapperIndex index) {
        StringBuilder message = new StringBuilder("no ").append(what).append(" '").append(searchedFor)
                .append("' is served by the API server (")
                .append("kind".equals(what) ? "compared with the kind of " : "compared with the plural, singular and short names of ")
                .append(index.size()).append(" resources, case-insensitively, after refreshing discovery)");
        if (!index.failedGroupVersions().isEmpty()) {
            message.append("; discovery failed for ").append(index.failedGroupVersions())
                    .append(", which may serve it");
        }
        return new NoMatchException(searchedFor, message.toString());
    }

    private MapperIndex current() {
        MapperIndex snapshot = index;
        if (snapshot != null) {
            return snapshot;
        }
        loading.lock();
        try {
            if (index == null) {
                index = MapperIndex.of(discovery.serverGroupsAndResources());
            }
            return index;
        } finally {
            loading.unlock();
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is blank");
        }
    }

    /**
     * A name as kubectl splits it: {@code name}, {@code name.group}, or {@code name.version.group}. The
     * three-part form is only taken as such when its middle part looks like a version ({@code v1}, {@code v2beta1}),
     * so {@code ingresses.networking.k8s.io} stays a resource in group {@code networking.k8s.io}.
     */
    private record ParsedName(String name, String version, String group) {

        static ParsedName of(String text) {
            int dot = text.indexOf('.');
            if (dot < 0) {
                return new ParsedName(text, null, null);
            }
            String name = text.substring(0, dot);
            String rest = text.substring(dot + 1);
            int second = rest.indexOf('.');
            if (second > 0 && rest.substring(0, second).matches("v\\d+((alpha|beta)\\d+)?")) {
                return new ParsedName(name, rest.substring(0, second), rest.substring(second + 1));
            }
            return new ParsedName(name, null, rest);
        }

        boolean groupMatches(GroupVersion gv) {
            return (group == null || gv.group().equalsIgnoreCase(group))
                    && (version == null || gv.version().equalsIgnoreCase(version));
        }

        boolean kindMatches(GroupVersionKind kind) {
            return groupMatches(kind.groupVersion()) && kind.kind().equalsIgnoreCase(name);
        }
    }
}
