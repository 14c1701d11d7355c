package dev.kubeclient.testing.server;

import java.util.List;

/**
 * One resource the server serves in one group-version: its kind, names, scope, verbs and subresources, as discovery
 * reports it and as storage and validation need it.
 *
 * @param group          API group ({@code ""} for core)
 * @param version        API version
 * @param kind           kind of one object
 * @param plural         the resource name used in URLs
 * @param singular       the singular resource name
 * @param namespaced     whether objects live in a namespace
 * @param verbs          verbs discovery lists
 * @param shortNames     short names discovery lists
 * @param categories     categories discovery lists (for example {@code all})
 * @param status         whether the resource has a {@code status} subresource
 * @param scale          the scale subresource, or {@code null}
 * @param tracksGeneration whether {@code metadata.generation} is kept (bumped on spec changes)
 * @param custom         whether a CustomResourceDefinition defines it
 * @param modelClass     the fabric8 model class of a built-in kind (for field validation), or {@code null}
 */
record ResourceDef(String group, String version, String kind, String plural, String singular, boolean namespaced,
                   List<String> verbs, List<String> shortNames, List<String> categories, boolean status,
                   ScaleDef scale, boolean tracksGeneration, boolean custom, Class<?> modelClass) {

    /** All verbs of an ordinary stored resource, in the order the real server lists them. */
    static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    /** Where a scale subresource reads and writes replicas (JSON paths as in a CRD: {@code .spec.replicas}). */
    record ScaleDef(String specReplicasPath, String statusReplicasPath, String labelSelectorPath) {
        static final ScaleDef BUILT_IN = new ScaleDef(".spec.replicas", ".status.replicas", ".status.selector");
    }

    /** {@code group/version}, or {@code version} for the core group. */
    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The storage key shared by every version of the resource: {@code plural.group}. */
    String groupResource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** Whether objects are stored (create-only kinds such as TokenReview are not). */
    boolean stored() {
        return verbs.contains("get");
    }

    /** The kind used in Status details: the plural, as the real server reports it. */
    String detailsKind() {
        return plural;
    }
}
