package dev.kubeclient.testing.server;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** The discovery documents, legacy ({@code APIVersions}, {@code APIGroupList}, {@code APIResourceList}) and aggregated. */
final class DiscoveryDocs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Pod subresources served besides status: name, group, version, kind, verb. */
    private static final String[][] POD_SUBRESOURCES = {
            {"eviction", "policy", "v1", "Eviction", "create"}, {"log", "", "", "Pod", "get"}};

    private final ResourceCatalog catalog;
    private final String gitVersion;

    DiscoveryDocs(ResourceCatalog catalog, String gitVersion) {
        this.catalog = catalog;
        this.gitVersion = gitVersion;
    }

    ObjectNode version() {
        ObjectNode v = NODES.objectNode();
        String[] numbers = gitVersion.replaceFirst("^v", "").split("[.-]");
        v.put("major", numbers[0]);
        v.put("minor", numbers.length > 1 ? numbers[1] : "0");
        v.put("emulationMajor", numbers[0]);
        v.put("emulationMinor", numbers.length > 1 ? numbers[1] : "0");
        v.put("gitVersion", gitVersion);
        v.put("gitCommit", "0000000000000000000000000000000000000000");
        v.put("gitTreeState", "clean");
        v.put("buildDate", "2026-01-01T00:00:00Z");
        v.put("goVersion", "go1.24.0");
        v.put("compiler", "gc");
        v.put("platform", "linux/amd64");
        return v;
    }

    ObjectNode apiVersions(String serverAddress) {
        ObjectNode doc = NODES.objectNode();
        doc.put("kind", "APIVersions");
        doc.putArray("versions").add("v1");
        ObjectNode cidr = doc.putArray("serverAddressByClientCIDRs").addObject();
        cidr.put("clientCIDR", "0.0.0.0/0");
        cidr.put("serverAddress", serverAddress);
        return doc;
    }

    ObjectNode apiGroupList() {
        ObjectNode doc = NODES.objectNode();
        doc.put("kind", "APIGroupList");
        doc.put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        for (Map.Entry<String, List<String>> g : catalog.groups().entrySet()) {
            if (!g.getKey().isEmpty()) {
                groups.add(apiGroup(g.getKey(), g.getValue()));
            }
        }
        return doc;
    }

    /** The {@code APIGroup} document of one group, or {@code null} when it is not served. */
    ObjectNode apiGroup(String group) {
        List<String> versions = catalog.groups().get(group);
        if (versions == null || group.isEmpty()) {
            return null;
        }
        ObjectNode doc = apiGroup(group, versions);
        doc.put("kind", "APIGroup");
        doc.put("apiVersion", "v1");
        return doc;
    }

    private static ObjectNode apiGroup(String group, List<String> versions) {
        ObjectNode g = NODES.objectNode();
        g.put("name", group);
        ArrayNode array = g.putArray("versions");
        for (String v : versions) {
            ObjectNode gv = array.addObject();
            gv.put("groupVersion", group + "/" + v);
            gv.put("version", v);
        }
        ObjectNode preferred = g.putObject("preferredVersion");
        preferred.put("groupVersion", group + "/" + versions.get(0));
        preferred.put("version", versions.get(0));
        return g;
    }

    /** The {@code APIResourceList} of a group-version, or {@code null} when it is not served. */
    ObjectNode apiResourceList(String group, String version) {
        List<ResourceDef> defs = catalog.all().stream()
                .filter(d -> d.group().equals(group) && d.version().equals(version))
                .sorted(java.util.Comparator.comparing(ResourceDef::plural)).toList();
        if (defs.isEmpty()) {
            return null;
        }
        ObjectNode doc = NODES.objectNode();
        doc.put("kind", "APIResourceList");
        doc.put("apiVersion", "v1");
        doc.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = doc.putArray("resources");
        for (ResourceDef d : defs) {
            ObjectNode r = resources.addObject();
            r.put("name", d.plural());
            r.put("singularName", d.singular());
            r.put("namespaced", d.namespaced());
            r.put("kind", d.kind());
            strings(r.putArray("verbs"), d.verbs());
            if (!d.shortNames().isEmpty()) {
                strings(r.putArray("shortNames"), d.shortNames());
            }
            if (!d.categories().isEmpty()) {
                strings(r.putArray("categories"), d.categories());
            }
            if (d.status()) {
                ObjectNode s = resources.addObject();
                s.put("name", d.plural() + "/status");
                s.put("singularName", "");
                s.put("namespaced", d.namespaced());
                s.put("kind", d.kind());
                strings(s.putArray("verbs"), List.of("get", "patch", "update"));
            }
            if (d.group().isEmpty() && d.plural().equals("pods")) {
                for (String[] sub : POD_SUBRESOURCES) {
                    ObjectNode s = resources.addObject();
                    s.put("name", "pods/" + sub[0]);
                    s.put("singularName", "");
                    s.put("namespaced", true);
                    if (!sub[1].isEmpty()) {
                        s.put("group", sub[1]);
                        s.put("version", sub[2]);
                    }
                    s.put("kind", sub[3]);
                    strings(s.putArray("verbs"), List.of(sub[4]));
                }
            }
            if (d.scale() != null) {
                ObjectNode s = resources.addObject();
                s.put("name", d.plural() + "/scale");
                s.put("singularName", "");
                s.put("namespaced", d.namespaced());
                s.put("group", "autoscaling");
                s.put("version", "v1");
                s.put("kind", "Scale");
                strings(s.putArray("verbs"), List.of("get", "patch", "update"));
            }
        }
        return doc;
    }

    /**
     * The aggregated discovery document ({@code APIGroupDiscoveryList}) of the core group ({@code core == true},
     * for {@code /api}) or of all named groups ({@code /apis}).
     */
    ObjectNode aggregated(boolean core, String discoveryVersion) {
        ObjectNode doc = NODES.objectNode();
        doc.put("kind", "APIGroupDiscoveryList");
        doc.put("apiVersion", "apidiscovery.k8s.io/" + discoveryVersion);
        doc.putObject("metadata");
        ArrayNode items = doc.putArray("items");
        List<ResourceDef> all = catalog.all();
        for (Map.Entry<String, List<String>> g : catalog.groups().entrySet()) {
            if (g.getKey().isEmpty() != core) {
                continue;
            }
            ObjectNode item = items.addObject();
            ObjectNode meta = item.putObject("metadata");
            if (!g.getKey().isEmpty()) {
                meta.put("name", g.getKey());
            }
            ArrayNode versions = item.putArray("versions");
            for (String v : g.getValue()) {
                ObjectNode ver = versions.addObject();
                ver.put("version", v);
                ArrayNode resources = ver.putArray("resources");
                all.stream().filter(d -> d.group().equals(g.getKey()) && d.version().equals(v))
                        .sorted(java.util.Comparator.comparing(ResourceDef::plural))
                        .forEach(d -> resources.add(aggregatedResource(d)));
                ver.put("freshness", "Current");
            }
        }
        return doc;
    }

    private static ObjectNode aggregatedResource(ResourceDef d) {
        ObjectNode r = NODES.objectNode();
        r.put("resource", d.plural());
        ObjectNode kind = r.putObject("responseKind");
        kind.put("group", d.group());
        kind.put("version", d.version());
        kind.put("kind", d.kind());
        r.put("scope", d.namespaced() ? "Namespaced" : "Cluster");
        r.put("singularResource", d.singular());
        strings(r.putArray("verbs"), d.verbs());
        if (!d.shortNames().isEmpty()) {
            strings(r.putArray("shortNames"), d.shortNames());
        }
        if (!d.categories().isEmpty()) {
            strings(r.putArray("categories"), d.categories());
        }
        boolean pods = d.group().isEmpty() && d.plural().equals("pods");
        if (d.status() || d.scale() != null || pods) {
            ArrayNode subs = r.putArray("subresources");
            if (pods) {
                for (String[] sub : POD_SUBRESOURCES) {
                    ObjectNode s = subs.addObject();
                    s.put("subresource", sub[0]);
                    ObjectNode k = s.putObject("responseKind");
                    k.put("group", sub[1].isEmpty() ? d.group() : sub[1]);
                    k.put("version", sub[1].isEmpty() ? d.version() : sub[2]);
                    k.put("kind", sub[3]);
                    strings(s.putArray("verbs"), List.of(sub[4]));
                }
            }
            if (d.status()) {
                ObjectNode s = subs.addObject();
                s.put("subresource", "status");
                ObjectNode k = s.putObject("responseKind");
                k.put("group", d.group());
                k.put("version", d.version());
                k.put("kind", d.kind());
                strings(s.putArray("verbs"), List.of("get", "patch", "update"));
            }
            if (d.scale() != null) {
                ObjectNode s = subs.addObject();
                s.put("subresource", "scale");
                ObjectNode k = s.putObject("responseKind");
                k.put("group", "autoscaling");
                k.put("version", "v1");
                k.put("kind", "Scale");
                strings(s.putArray("verbs"), List.of("get", "patch", "update"));
            }
        }
        return r;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
