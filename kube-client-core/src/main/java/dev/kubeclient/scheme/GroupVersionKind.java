package dev.kubeclient.scheme;

/**
 * A kind at one group-version, such as {@code apps/v1, Kind=Deployment}: what an object's {@code apiVersion} and
 * {@code kind} fields say together.
 *
 * @param group   the API group, {@code ""} for the core group
 * @param version the version
 * @param kind    the kind, such as {@code Deployment}
 */
public record GroupVersionKind(String group, String version, String kind) {

    /** Validates the parts; {@code null} group means the core group. */
    public GroupVersionKind {
        group = group == null ? "" : group;
        String whole = group + "/" + version + ", Kind=" + kind;
        Names.requireNoSlash("group", group, whole);
        Names.requireToken("version", version, whole);
        Names.requireToken("kind", kind, whole);
    }

    /**
     * The kind named by an object's {@code apiVersion} and {@code kind} fields.
     *
     * @throws IllegalArgumentException when either is blank or the apiVersion is malformed
     */
    public static GroupVersionKind of(String apiVersion, String kind) {
        GroupVersion gv = GroupVersion.parse(apiVersion);
        return new GroupVersionKind(gv.group(), gv.version(), kind);
    }

    /** The group and version. */
    public GroupVersion groupVersion() {
        return new GroupVersion(group, version);
    }

    /** The {@code apiVersion} string, {@code v1} or {@code apps/v1}. */
    public String apiVersion() {
        return groupVersion().apiVersion();
    }

    // Written out: a record's generated equals and hashCode bootstrap method handles on first use
    // (java.lang.runtime.ObjectMethods), tens of milliseconds at start-up, when the built-in kinds are indexed.
    @Override
    public boolean equals(Object o) {
        return o instanceof GroupVersionKind other && group.equals(other.group)
                && version.equals(other.version)
                && kind.equals(other.kind);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * group.hashCode() + version.hashCode()) + kind.hashCode();
    }

    /** {@code apps/v1, Kind=Deployment}, as client-go prints it. */
    @Override
    public String toString() {
        return apiVersion() + ", Kind=" + kind;
    }
}
