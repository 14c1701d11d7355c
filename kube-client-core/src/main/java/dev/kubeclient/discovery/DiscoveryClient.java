package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;

import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.rest.KubeResponse;
import dev.kubeclient.rest.KubeRestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the API server what it serves, every time it is called (client-go's {@code discovery.DiscoveryClient});
 * wrap it in a {@link CachedDiscoveryClient} to remember answers.
 *
 * <p>It first asks {@code /api} and {@code /apis} for aggregated discovery (Kubernetes 1.26 and later answer with an
 * {@code APIGroupDiscoveryList} holding every group's resources in one document). A server that does not offer it
 * answers with the legacy {@code APIVersions} / {@code APIGroupList}, and the resources of each group-version are
 * then fetched one by one. Either way, one group-version failing (an aggregated API server that is down, or a
 * version marked stale) is reported in {@link ServerResources#failures()} rather than failing the whole call.
 *
 * <p>Requests go through the {@link KubeRestClient}: its rate limiter, retries, timeouts and listener apply.
 */
public final class DiscoveryClient implements Discovery {

    /**
     * The Accept header that asks for aggregated discovery: v2, then v2beta1 (1.26 to 1.29), then legacy JSON, as
     * client-go sends it.
     */
    static final String AGGREGATED_ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    private final KubeRestClient rest;
    private final boolean aggregated;

    private DiscoveryClient(KubeRestClient rest, boolean aggregated) {
        this.rest = rest;
        this.aggregated = aggregated;
    }

    /** A client that uses aggregated discovery when the server offers it. */
    public static DiscoveryClient create(KubeRestClient rest) {
        return new DiscoveryClient(Objects.requireNonNull(rest, "rest client"), true);
    }

    /** A client that only uses the legacy endpoints (one request per group-version), as servers before 1.26 need. */
    public static DiscoveryClient legacy(KubeRestClient rest) {
        return new DiscoveryClient(Objects.requireNonNull(rest, "rest client"), false);
    }

    @Override
    public ServerVersion serverVersion() {
        return rest.get().absPath("version").as(ServerVersion.class);
    }

    @Override
    public List<ApiGroup> serverGroups() {
        return root().groups();
    }

    /**
     * {@inheritDoc} One request: {@code GET /apis/<group>} (a 404 means the group is not served), or {@code GET /api}
     * for the core group. These endpoints answer in the legacy format on every server version.
     */
    @Override
    public Optional<ApiGroup> serverGroup(String name) {
        if (name == null) {
            throw new IllegalArgumentException("group name is null (the core group is \"\")");
        }
        if (name.isEmpty()) {
            byte[] body = rest.get().absPath("api").bytes();
            return Optional.of(DiscoveryDocuments.coreGroup(readTree(body, "GET /api"), "GET /api"));
        }
        String source = "GET /apis/" + name;
        byte[] body;
        try {
            body = rest.get().absPath("apis", name).bytes();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        ApiGroup group = DiscoveryDocuments.group(readTree(body, source), source);
        if (!group.name().equals(name)) {
            throw DiscoveryDocuments.malformed(source, "answered with group '" + group.name() + "'");
        }
        return Optional.of(group);
    }

    @Override
    public ApiResourceList serverResourcesForGroupVersion(GroupVersion groupVersion) {
        Objects.requireNonNull(groupVersion, "groupVersion");
        String source = "GET /" + String.join("/", groupVersion.pathSegments());
        byte[] body = rest.get().absPath(groupVersion.pathSegments()).bytes();
        return DiscoveryDocuments.resourceList(readTree(body, source), groupVersion, source);
    }

    @Override
    public ServerResources serverGroupsAndResources() {
        Root root = root();
        Map<GroupVersion, KubeClientException> failures = new LinkedHashMap<>();
        List<ApiResourceList> lists = new ArrayList<>();
        for (ApiGroup group : root.groups()) {
            for (GroupVersion gv : group.versions()) {
                ApiResourceList known = root.resources().get(gv);
                if (known != null) {
                    lists.add(known);
                } else if (root.stale().contains(gv)) {
                    failures.put(gv, new KubeClientException("aggregated discovery marks " + gv
                            + " as stale: the server could not refresh its resources (is its APIService available?)"));
                } else {
                    fetchInto(gv, lists, failures);
                }
            }
        }
        return new ServerResources(root.groups(), lists, failures);
    }

    private void fetchInto(GroupVersion gv, List<ApiResourceList> lists, Map<GroupVersion, KubeClientException> failures) {
        try {
            lists.add(serverResourcesForGroupVersion(gv));
        } catch (KubeClientException e) {
            // An interrupted caller wants to stop, not a partial answer.
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            failures.put(gv, e);
        }
    }

    /** The groups, plus the resources and stale versions when the server answered with aggregated discovery. */
    private Root root() {
        Root core = fetchRoot("api");
        Root named = fetchRoot("apis");
        List<ApiGroup> groups = new ArrayList<>(core.groups());
        groups.addAll(named.groups());
        Map<GroupVersion, ApiResourceList> resources = new LinkedHashMap<>(core.resources());
        resources.putAll(named.resources());
        List<GroupVersion> stale = new ArrayList<>(core.stale());
        stale.addAll(named.stale());
        return new Root(groups, resources, stale);
    }

    private Root fetchRoot(String path) {
        String source = "GET /" + path;
        byte[] body;
        String contentType;
        var request = rest.get().absPath(path);
        if (aggregated) {
            request.header("Accept", AGGREGATED_ACCEPT);
        }
        try (KubeResponse response = request.execute()) {
            contentType = response.contentType();
            body = response.bytes();
        }
        JsonNode tree = readTree(body, source);
        if (aggregated && isAggregated(contentType)) {
            DiscoveryDocuments.Aggregated doc = DiscoveryDocuments.aggregated(tree, source);
            return new Root(doc.groups(), doc.byGroupVersion(), doc.stale());
        }
        List<ApiGroup> groups = "api".equals(path)
                ? List.of(DiscoveryDocuments.coreGroup(tree, source))
                : DiscoveryDocuments.groups(tree, source);
        return new Root(groups, Map.of(), List.of());
    }

    /** Whether the Content-Type says the body is an {@code APIGroupDiscoveryList} (any apidiscovery version). */
    static boolean isAggregated(String contentType) {
        if (contentType == null) {
            return false;
        }
        boolean group = false;
        boolean list = false;
        for (String part : contentType.split(";")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            group |= p.equals("g=apidiscovery.k8s.io");
            list |= p.equals("as=apigroupdiscoverylist");
        }
        return group && list;
    }

    private JsonNode readTree(byte[] body, String source) {
        try {
            JsonNode tree = rest.json().mapper().readTree(body);
            if (tree == null || !tree.isObject()) {
                throw DiscoveryDocuments.malformed(source, "expected a JSON object");
            }
            return tree;
        } catch (JacksonException e) {
            throw new KubeClientException("malformed discovery document from " + source + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "DiscoveryClient[" + rest.config().server() + (aggregated ? "" : ", legacy only") + "]";
    }

    private record Root(List<ApiGroup> groups, Map<GroupVersion, ApiResourceList> resources, List<GroupVersion> stale) {
    }
}
