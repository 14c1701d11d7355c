package dev.kubeclient.discovery;

import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.flowcontrol.Ticker;
import dev.kubeclient.scheme.GroupVersion;
import dev.kubeclient.scheme.GroupVersionKind;
import dev.kubeclient.scheme.GroupVersionResource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * <p>Discovery is read lazily on first use. A miss refreshes discovery only when what the mapper knows is older than
 * the {@linkplain Builder#minRefreshInterval minimum refresh interval} ({@value #DEFAULT_MIN_REFRESH_INTERVAL_MILLIS}
 * ms by default), so a reconciler that probes for an optional CRD on every pass costs no requests between refreshes,
 * as with controller-runtime's mapper. When the name carries its group ({@code Widget.example.com}, a
 * {@link GroupVersionKind}) only that group is asked again ({@code GET /apis/example.com} and its versions);
 * otherwise everything is. Concurrent misses share one refresh: one caller asks the server, the others wait for its
 * answer (interruptibly). A refresh that fails is thrown to the caller that made it and also counts, so an unreachable
 * server is asked at most once per interval. After installing a CRD and wanting its kind at once, call
 * {@link #reset()}. Thread-safe.
 */
public final class RestMapper {

    /** The default minimum time between two discovery refreshes caused by misses, in milliseconds. */
    public static final long DEFAULT_MIN_REFRESH_INTERVAL_MILLIS = 1000;

    /** The default minimum time between two discovery refreshes caused by misses: one second. */
    public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofMillis(DEFAULT_MIN_REFRESH_INTERVAL_MILLIS);

    private final CachedDiscovery discovery;
    private final Duration minRefreshInterval;
    private final Ticker ticker;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot snapshot;

    private RestMapper(Builder builder) {
        this.discovery = builder.discovery;
        this.minRefreshInterval = builder.minRefreshInterval;
        this.ticker = builder.ticker;
    }

    /** A mapper over this (cached) discovery with the defaults; nothing is fetched until the first lookup. */
    public static RestMapper create(CachedDiscovery discovery) {
        return builder(discovery).build();
    }

    /** A builder for a mapper over this (cached) discovery. */
    public static Builder builder(CachedDiscovery discovery) {
        if (discovery == null) {
            throw new IllegalArgumentException("discovery is null");
        }
        return new Builder(discovery);
    }

    /** The minimum time between two refreshes of the same group (or of everything) caused by misses. */
    public Duration minRefreshInterval() {
        return minRefreshInterval;
    }

    /**
     * Forgets what the mapper knows and invalidates the discovery cache; the next lookup fetches again, whatever the
     * refresh interval. Waits for a refresh under way to finish.
     */
    public void reset() {
        lockInterruptibly();
        try {
            discovery.invalidate();
            snapshot = null;
        } finally {
            refreshing.unlock();
        }
    }

    /**
     * The preferred resource for a kind: {@code Deployment} maps to {@code apps/v1/deployments}, namespaced. Accepts
     * {@code Kind}, {@code Kind.group} and {@code Kind.version.group}, case-insensitively.
     *
     * @throws NoMatchException when no served resource has that kind, even after a refresh if one was due
     */
    public RestMapping mappingFor(String kind) {
        requireText(kind, "kind");
        return lookup(kind, "kind", ParsedName.of(kind).refreshGroup(), index -> findKind(index, kind));
    }

    /**
     * The resource serving exactly this group, version and kind.
     *
     * @throws NoMatchException when that group-version does not serve the kind, even after a refresh if one was due
     */
    public RestMapping mappingFor(GroupVersionKind kind) {
        if (kind == null) {
            throw new IllegalArgumentException("kind is null");
        }
        return lookup(kind.toString(), "kind", kind.group(), index -> index.first(e -> e.mapping().kind().equals(kind))
                .or(() -> index.first(e -> e.mapping().kind().groupVersion().equals(kind.groupVersion())
                        && e.mapping().kind().kind().equalsIgnoreCase(kind.kind()))));
    }

    /**
     * Every served version of a kind ({@code Kind} or {@code Kind.group}), preferred first; empty if none. Reads what
     * the mapper knows; an empty answer does not refresh discovery.
     */
    public List<RestMapping> mappingsFor(String kind) {
        requireText(kind, "kind");
        ParsedName name = ParsedName.of(kind);
        return current().index().all(e -> name.kindMatches(e.mapping().kind()));
    }

    /**
     * The resource kubectl would pick for a name: plural ({@code deployments}), singular ({@code deployment}) or
     * short name ({@code deploy}), optionally qualified as {@code deployments.apps} or {@code deployments.v1.apps}.
     *
     * @throws NoMatchException when nothing answers to that name, even after a refresh if one was due
     */
    public RestMapping resourceFor(String resource) {
        requireText(resource, "resource");
        return lookup(resource, "resource", ParsedName.of(resource).refreshGroup(),
                index -> findResource(index, resource));
    }

    /**
     * The kind and scope of a resource at exactly this group-version.
     *
     * @throws NoMatchException when the group-version does not serve that resource, even after a refresh if one was
     *                          due
     */
    public RestMapping resourceFor(GroupVersionResource resource) {
        if (resource == null) {
            throw new IllegalArgumentException("resource is null");
        }
        return lookup(resource.toString(), "resource", resource.group(),
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

    /**
     * Looks in what the mapper knows; on a miss refreshes {@code group} (or everything when {@code null}) if that is
     * older than the interval, once for all concurrent callers, and looks again.
     */
    private RestMapping lookup(String searchedFor, String what, String group,
                               Function<MapperIndex, Optional<RestMapping>> find) {
        Snapshot seen = current();
        Optional<RestMapping> found = find.apply(seen.index());
        if (found.isPresent()) {
            return found.get();
        }
        if (seen.fresh(group, ticker.nanoTime(), minRefreshInterval)) {
            throw noMatch(searchedFor, what, group, seen, false);
        }
        lockInterruptibly();
        try {
            Snapshot now = snapshot == null ? load() : snapshot;
            if (now != seen) {
                // Another caller refreshed while this one waited: its answer may already hold the name.
                found = find.apply(now.index());
                if (found.isPresent()) {
                    return found.get();
                }
            }
            boolean refreshed = false;
            if (!now.fresh(group, ticker.nanoTime(), minRefreshInterval)) {
                now = refresh(now, group);
                refreshed = true;
                found = find.apply(now.index());
                if (found.isPresent()) {
                    return found.get();
                }
            }
            throw noMatch(searchedFor, what, group, now, refreshed || now != seen);
        } finally {
            refreshing.unlock();
        }
    }

    /**
     * Called with the lock held. A failed refresh counts as one too: the caller gets the failure, and misses within
     * the interval are answered from what the mapper knew, so an unreachable server is not asked on every miss.
     */
    private Snapshot refresh(Snapshot previous, String group) {
        Map<String, Long> groups = new HashMap<>(previous.groupRefreshedAt());
        try {
            Snapshot next;
            if (group == null) {
                discovery.invalidate();
                next = new Snapshot(MapperIndex.of(discovery.serverGroupsAndResources()), ticker.nanoTime(), Map.of());
            } else {
                ServerResources resources = discovery.refreshGroup(group);
                groups.put(group, ticker.nanoTime());
                next = new Snapshot(MapperIndex.of(resources), previous.fullRefreshAt(), groups);
            }
            snapshot = next;
            return next;
        } catch (RuntimeException e) {
            if (group == null) {
                snapshot = new Snapshot(previous.index(), ticker.nanoTime(), Map.of());
            } else {
                groups.put(group, ticker.nanoTime());
                snapshot = new Snapshot(previous.index(), previous.fullRefreshAt(), groups);
            }
            throw e;
        }
    }

    /** Called with the lock held: the first read of discovery, or the first after {@link #reset()}. */
    private Snapshot load() {
        Snapshot loaded = new Snapshot(MapperIndex.of(discovery.serverGroupsAndResources()), ticker.nanoTime(), Map.of());
        snapshot = loaded;
        return loaded;
    }

    private NoMatchException noMatch(String searchedFor, String what, String group, Snapshot known, boolean refreshed) {
        MapperIndex index = known.index();
        StringBuilder message = new StringBuilder("no ").append(what).append(" '").append(searchedFor)
                .append("' is served by the API server (")
                .append("kind".equals(what) ? "compared with the kind of " : "compared with the plural, singular and short names of ")
                .append(index.size()).append(" resources, case-insensitively, ");
        if (refreshed) {
            message.append("after refreshing discovery");
        } else {
            long ageMillis = Duration.ofNanos(ticker.nanoTime() - known.lastRefresh(group)).toMillis();
            message.append("in discovery read ").append(ageMillis).append(" ms ago; a miss refreshes it at most every ")
                    .append(minRefreshInterval.toMillis()).append(" ms, RestMapper.reset() forces it");
        }
        message.append(')');
        if (group != null && !index.servesGroup(group)) {
            message.append("; the server does not serve API group '").append(group.isEmpty() ? "core" : group)
                    .append("' (is its CRD installed?)");
        }
        if (!index.failedGroupVersions().isEmpty()) {
            message.append("; discovery failed for ").append(index.failedGroupVersions())
                    .append(", which may serve it");
        }
        return new NoMatchException(searchedFor, message.toString());
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        if (known != null) {
            return known;
        }
        lockInterruptibly();
        try {
            return snapshot == null ? load() : snapshot;
        } finally {
            refreshing.unlock();
        }
    }

    private void lockInterruptibly() {
        try {
            refreshing.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeClientException("interrupted while waiting for a discovery refresh of the REST mapper", e);
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

        /** The group to refresh on a miss: the named one, lower-cased as API groups are; {@code null} for all. */
        String refreshGroup() {
            return group == null ? null : group.toLowerCase(Locale.ROOT);
        }

        boolean groupMatches(GroupVersion gv) {
            return (group == null || gv.group().equalsIgnoreCase(group))
                    && (version == null || gv.version().equalsIgnoreCase(version));
        }

        boolean kindMatches(GroupVersionKind kind) {
            return groupMatches(kind.groupVersion()) && kind.kind().equalsIgnoreCase(name);
        }
    }

    /**
     * What the mapper knows, and when each part was last read from the server (ticker readings): everything at
     * {@code fullRefreshAt}, single groups at their entry in {@code groupRefreshedAt}.
     */
    private record Snapshot(MapperIndex index, long fullRefreshAt, Map<String, Long> groupRefreshedAt) {

        Snapshot {
            groupRefreshedAt = Map.copyOf(groupRefreshedAt);
        }

        long lastRefresh(String group) {
            if (group == null) {
                return fullRefreshAt;
            }
            return Math.max(fullRefreshAt, groupRefreshedAt.getOrDefault(group, fullRefreshAt));
        }

        boolean fresh(String group, long now, Duration interval) {
            long intervalNanos = interval.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : interval.toNanos();
            return now - lastRefresh(group) < intervalNanos;
        }
    }

    /** Builds a {@link RestMapper}; every setting has a default. */
    public static final class Builder {

        private final CachedDiscovery discovery;
        private Duration minRefreshInterval = DEFAULT_MIN_REFRESH_INTERVAL;
        private Ticker ticker = Ticker.system();

        private Builder(CachedDiscovery discovery) {
            this.discovery = discovery;
        }

        /**
         * The minimum time between two refreshes caused by misses, per group for names that carry their group and
         * for everything otherwise (default {@value RestMapper#DEFAULT_MIN_REFRESH_INTERVAL_MILLIS} ms). {@link Duration#ZERO}
         * refreshes on every miss (still one refresh for concurrent misses).
         *
         * @throws IllegalArgumentException when null or negative
         */
        public Builder minRefreshInterval(Duration interval) {
            if (interval == null || interval.isNegative()) {
                throw new IllegalArgumentException("RestMapper minRefreshInterval must be zero or positive, got "
                        + interval);
            }
            this.minRefreshInterval = interval;
            return this;
        }

        /** The clock the refresh interval is measured with (default {@link Ticker#system()}); tests pass a fake. */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** The mapper; nothing is fetched until its first lookup. */
        public RestMapper build() {
            return new RestMapper(this);
        }
    }
}
