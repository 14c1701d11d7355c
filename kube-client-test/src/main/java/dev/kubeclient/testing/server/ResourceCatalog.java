package dev.kubeclient.testing.server;

import dev.kubeclient.scheme.ResourceType;
import dev.kubeclient.scheme.Scheme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources the server serves: the built-in kinds of the client's {@link Scheme} plus the custom resources of
 * the CustomResourceDefinitions created through the API. Thread-safe.
 */
final class ResourceCatalog {

    private static final Map<String, List<String>> SHORT_NAMES = Map.ofEntries(
            Map.entry("pods", List.of("po")), Map.entry("services", List.of("svc")),
            Map.entry("configmaps", List.of("cm")), Map.entry("namespaces", List.of("ns")),
            Map.entry("serviceaccounts", List.of("sa")), Map.entry("nodes", List.of("no")),
            Map.entry("endpoints", List.of("ep")), Map.entry("events", List.of("ev")),
            Map.entry("limitranges", List.of("limits")), Map.entry("persistentvolumes", List.of("pv")),
            Map.entry("persistentvolumeclaims", List.of("pvc")), Map.entry("replicationcontrollers", List.of("rc")),
            Map.entry("resourcequotas", List.of("quota")), Map.entry("componentstatuses", List.of("cs")),
            Map.entry("deployments", List.of("deploy")), Map.entry("replicasets", List.of("rs")),
            Map.entry("statefulsets", List.of("sts")), Map.entry("daemonsets", List.of("ds")),
            Map.entry("cronjobs", List.of("cj")), Map.entry("horizontalpodautoscalers", List.of("hpa")),
            Map.entry("ingresses", List.of("ing")), Map.entry("networkpolicies", List.of("netpol")),
            Map.entry("poddisruptionbudgets", List.of("pdb")), Map.entry("priorityclasses", List.of("pc")),
            Map.entry("storageclasses", List.of("sc")), Map.entry("customresourcedefinitions", List.of("crd", "crds")),
            Map.entry("certificatesigningrequests", List.of("csr")));

    private static final Set<String> ALL_CATEGORY = Set.of("pods", "services", "deployments", "replicasets",
            "statefulsets", "daemonsets", "jobs", "cronjobs", "horizontalpodautoscalers", "replicationcontrollers");

    private static final Set<String> SCALABLE = Set.of("deployments.apps", "replicasets.apps", "statefulsets.apps",
            "replicationcontrollers");

    private static final Set<String> GENERATION_GROUPS = Set.of("apps", "batch", "autoscaling", "policy",
            "networking.k8s.io", "apiextensions.k8s.io", "admissionregistration.k8s.io");

    private final List<ResourceDef> builtIns;
    private final List<ResourceDef> custom = new CopyOnWriteArrayList<>();

    ResourceCatalog(Scheme scheme) {
        this.builtIns = scheme == null ? DefaultBuiltIns.DEFS : definitions(scheme);
    }

    private static List<ResourceDef> definitions(Scheme scheme) {
        List<ResourceDef> defs = new ArrayList<>();
        for (ResourceType<?> type : scheme.resourceTypes()) {
            defs.add(builtIn(type));
        }
        return List.copyOf(defs);
    }

    /** The definitions of the default scheme's kinds, derived once per class loader (immutable). */
    private static final class DefaultBuiltIns {
        static final List<ResourceDef> DEFS = definitions(Scheme.withBuiltIns());
    }

    private static ResourceDef builtIn(ResourceType<?> type) {
        String group = type.kind().group();
        String plural = type.resource();
        String groupResource = group.isEmpty() ? plural : plural + "." + group;
        boolean stored = type.listType() != null;
        List<String> verbs = stored ? ResourceDef.ALL_VERBS : List.of("create");
        if (plural.equals("componentstatuses")) {
            verbs = List.of("get", "list");
        }
        boolean status = stored && hasMethod(type.type(), "getStatus");
        boolean tracksGeneration = stored && hasMethod(type.type(), "getSpec")
                && (GENERATION_GROUPS.contains(group) || plural.equals("replicationcontrollers"));
        return new ResourceDef(group, type.kind().version(), type.kind().kind(), plural,
                type.kind().kind().toLowerCase(Locale.ROOT), type.namespaced(), verbs,
                SHORT_NAMES.getOrDefault(plural, List.of()),
                ALL_CATEGORY.contains(plural) ? List.of("all") : List.of(),
                status, SCALABLE.contains(groupResource) ? ResourceDef.ScaleDef.BUILT_IN : null,
                tracksGeneration, false, type.type());
    }

    private static boolean hasMethod(Class<?> type, String name) {
        try {
            type.getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Every served resource. */
    List<ResourceDef> all() {
        List<ResourceDef> all = new ArrayList<>(builtIns);
        all.addAll(custom);
        return all;
    }

    /** The resource served as {@code plural} in {@code group/version}. */
    Optional<ResourceDef> find(String group, String version, String plural) {
        for (ResourceDef def : custom) {
            if (def.group().equals(group) && def.version().equals(version) && def.plural().equals(plural)) {
                return Optional.of(def);
            }
        }
        for (ResourceDef def : builtIns) {
            if (def.group().equals(group) && def.version().equals(version) && def.plural().equals(plural)) {
                return Optional.of(def);
            }
        }
        return Optional.empty();
    }

    /** The resource of a kind in a group-version (for objects seeded by the test). */
    Optional<ResourceDef> findKind(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return all().stream().filter(d -> d.group().equals(group) && d.version().equals(version)
                && d.kind().equals(kind)).findFirst();
    }

    /** Group name → served versions, highest priority first, groups in the order the real server lists them. */
    Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new TreeMap<>();
        for (ResourceDef def : all()) {
            List<String> versions = groups.computeIfAbsent(def.group(), g -> new ArrayList<>());
            if (!versions.contains(def.version())) {
                versions.add(def.version());
            }
        }
        groups.values().forEach(v -> v.sort(VERSION_PRIORITY));
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        if (groups.containsKey("")) {
            ordered.put("", groups.remove(""));
        }
        ordered.putAll(groups);
        return ordered;
    }

    /** Replaces the resources a CRD defines (one per served version). */
    void putCustom(String groupResource, List<ResourceDef> defs) {
        removeCustom(groupResource);
        custom.addAll(defs);
    }

    /** Forgets the resources of a deleted CRD. */
    void removeCustom(String groupResource) {
        custom.removeIf(d -> d.groupResource().equals(groupResource));
    }

    private static final Pattern KUBE_VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    /** Kubernetes version priority: GA before beta before alpha, higher numbers first, others last by name. */
    static final Comparator<String> VERSION_PRIORITY = Comparator.comparingLong(ResourceCatalog::versionRank)
            .reversed().thenComparing(Comparator.naturalOrder());

    private static long versionRank(String version) {
        Matcher m = KUBE_VERSION.matcher(version);
        if (!m.matches()) {
            return 0;
        }
        long major = Long.parseLong(m.group(1));
        if (m.group(2) == null) {
            return 3_000_000 + major;
        }
        long minor = Long.parseLong(m.group(3));
        long level = m.group(2).equals("beta") ? 2_000_000 : 1_000_000;
        return level + major * 1000 + minor;
    }
}
