package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;

import dev.kubeclient.errors.KubeClientException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the discovery documents from their JSON trees: {@code APIVersions} ({@code /api}), {@code APIGroupList}
 * ({@code /apis}), {@code APIResourceList} ({@code /apis/g/v}) and the aggregated {@code APIGroupDiscoveryList}.
 * Every method names the endpoint in its error so a malformed answer can be traced.
 */
final class DiscoveryDocuments {

    /** Aggregated discovery marks a group-version whose resources could not be refreshed with this freshness. */
    static final String FRESHNESS_STALE = "Stale";

    private DiscoveryDocuments() {
    }

    /** {@code GET /api}: the core group; its versions, first preferred. */
    static ApiGroup coreGroup(JsonNode apiVersions, String source) {
        List<GroupVersion> versions = new ArrayList<>();
        for (JsonNode v : array(apiVersions, "versions", source)) {
            versions.add(new GroupVersion("", requireText(v, source + " versions[]")));
        }
        if (versions.isEmpty()) {
            throw malformed(source, "lists no versions of the core group");
        }
        return new ApiGroup("", versions, versions.get(0));
    }

    /** {@code GET /apis}: the named groups, in server order. */
    static List<ApiGroup> groups(JsonNode groupList, String source) {
        List<ApiGroup> groups = new ArrayList<>();
        for (JsonNode g : array(groupList, "groups", source)) {
            groups.add(group(g, source));
        }
        return groups;
    }

    /** {@code GET /apis/g}: one named group ({@code APIGroup}), or one entry of an {@code APIGroupList}. */
    static ApiGroup group(JsonNode g, String source) {
        String name = text(g, "name");
        List<GroupVersion> versions = new ArrayList<>();
        for (JsonNode v : array(g, "versions", source + " group '" + name + "'")) {
            versions.add(groupVersion(v, name, source));
        }
        if (versions.isEmpty()) {
            throw malformed(source, "group '" + name + "' lists no versions");
        }
        JsonNode preferred = g.path("preferredVersion");
        GroupVersion preferredVersion = preferred.isObject() ? groupVersion(preferred, name, source) : versions.get(0);
        return new ApiGroup(name, versions, preferredVersion);
    }

    /** {@code GET /apis/g/v}: the resources of one group-version. */
    static ApiResourceList resourceList(JsonNode list, GroupVersion expected, String source) {
        String declared = text(list, "groupVersion");
        GroupVersion gv = declared.isEmpty() ? expected : parseGroupVersion(declared, source);
        List<ApiResource> resources = new ArrayList<>();
        for (JsonNode r : array(list, "resources", source)) {
            resources.add(new ApiResource(requireText(r.path("name"), source + " resources[].name"),
                    text(r, "singularName"), r.path("namespaced").asBoolean(false), text(r, "group"),
                    text(r, "version"), text(r, "kind"), strings(r, "verbs"), strings(r, "shortNames"),
                    strings(r, "categories")));
        }
        return new ApiResourceList(gv, resources);
    }

    /**
     * The aggregated {@code APIGroupDiscoveryList} (apidiscovery.k8s.io v2 or v2beta1, the same shape): groups with
     * their versions in preference order, each version with its resources and their subresources. Versions marked
     * stale are reported in {@link Aggregated#stale()} instead of being trusted.
     */
    static Aggregated aggregated(JsonNode discoveryList, String source) {
        List<ApiGroup> groups = new ArrayList<>();
        List<ApiResourceList> lists = new ArrayList<>();
        List<GroupVersion> stale = new ArrayList<>();
        for (JsonNode g : array(discoveryList, "items", source)) {
            String name = text(g.path("metadata"), "name");
            List<GroupVersion> versions = new ArrayList<>();
            for (JsonNode v : array(g, "versions", source + " group '" + name + "'")) {
                GroupVersion gv = new GroupVersion(name, requireText(v.path("version"), source + " group '" + name + "' versions[].version"));
                versions.add(gv);
                if (FRESHNESS_STALE.equals(text(v, "freshness"))) {
                    stale.add(gv);
                    continue;
                }
                lists.add(new ApiResourceList(gv, aggregatedResources(v, gv, source)));
            }
            if (versions.isEmpty()) {
                throw malformed(source, "group '" + name + "' lists no versions");
            }
            groups.add(new ApiGroup(name, versions, versions.get(0)));
        }
        return new Aggregated(groups, lists, stale);
    }

    private static List<ApiResource> aggregatedResources(JsonNode version, GroupVersion gv, String source) {
        List<ApiResource> resources = new ArrayList<>();
        String where = source + " " + gv;
        for (JsonNode r : array(version, "resources", where)) {
            String name = requireText(r.path("resource"), where + " resources[].resource");
            boolean namespaced = "Namespaced".equals(text(r, "scope"));
            ResponseKind kind = ResponseKind.of(r.path("responseKind"), gv);
            resources.add(new ApiResource(name, text(r, "singularResource"), namespaced, kind.group(),
                    kind.version(), kind.kind(), strings(r, "verbs"), strings(r, "shortNames"),
                    strings(r, "categories")));
            for (JsonNode s : array(r, "subresources", where + " " + name)) {
                String sub = requireText(s.path("subresource"), where + " " + name + " subresources[].subresource");
                ResponseKind subKind = ResponseKind.of(s.path("responseKind"), gv);
                resources.add(new ApiResource(name + "/" + sub, "", namespaced, subKind.group(), subKind.version(),
                        subKind.kind(), strings(s, "verbs"), List.of(), List.of()));
            }
        }
        return resources;
    }

    /**
     * A response kind in the legacy list's convention: group and version are given only when they differ from the
     * group-version that serves the resource ({@code deployments/scale} answers with {@code autoscaling/v1 Scale}).
     */
    private record ResponseKind(String group, String version, String kind) {
        static ResponseKind of(JsonNode node, GroupVersion served) {
            String group = text(node, "group");
            String version = text(node, "version");
            boolean own = version.isEmpty() || (group.equals(served.group()) && version.equals(served.version()));
            return own ? new ResponseKind("", "", text(node, "kind")) : new ResponseKind(group, version, text(node, "kind"));
        }
    }

    private static GroupVersion groupVersion(JsonNode v, String groupName, String source) {
        String declared = text(v, "groupVersion");
        if (!declared.isEmpty()) {
            return parseGroupVersion(declared, source);
        }
        return new GroupVersion(groupName, requireText(v.path("version"), source + " group '" + groupName + "' version"));
    }

    private static GroupVersion parseGroupVersion(String text, String source) {
        try {
            return GroupVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw malformed(source, e.getMessage());
        }
    }

    static List<String> strings(JsonNode node, String field) {
        JsonNode values = node.path(field);
        if (!values.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : values.values()) {
            if (v.isString()) {
                out.add(v.stringValue());
            }
        }
        return out;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : "";
    }

    private static String requireText(JsonNode value, String where) {
        if (!value.isString() || value.stringValue().isBlank()) {
            throw malformed(where, "expected a non-empty string but found " + value.getNodeType());
        }
        return value.stringValue();
    }

    private static Iterable<JsonNode> array(JsonNode node, String field, String source) {
        JsonNode values = node.path(field);
        if (values.isMissingNode() || values.isNull()) {
            return List.of();
        }
        if (!values.isArray()) {
            throw malformed(source, "field '" + field + "' is " + values.getNodeType() + ", expected an array");
        }
        return values.values();
    }

    static KubeClientException malformed(String source, String problem) {
        return new KubeClientException("malformed discovery document from " + source + ": " + problem);
    }

    /** What an aggregated discovery document said: groups, the resources of fresh versions, and stale versions. */
    record Aggregated(List<ApiGroup> groups, List<ApiResourceList> resourceLists, List<GroupVersion> stale) {
        Map<GroupVersion, ApiResourceList> byGroupVersion() {
            Map<GroupVersion, ApiResourceList> map = new LinkedHashMap<>();
            resourceLists.forEach(l -> map.put(l.groupVersion(), l));
            return map;
        }
    }
}
