package dev.kubeclient.scheme;

/**
 * An API group and version, such as {@code apps/v1}; the core ("legacy") group is the empty string and is written
 * as just the version ({@code v1}).
 *
 * @param group   the API group, {@code ""} for the core group
 * @param version the version, never blank
 */
public record GroupVersion(String group, String version) {

    /** Validates the parts; {@code null} group means the core group. */
    public GroupVersion {
        group = group == null ? "" : group;
        Names.requireNoSlash("group", group, group + "/" + version);
        Names.requireToken("version", version, group + "/" + version);
    }

    /**
     * Parses an {@code apiVersion} string: {@code v1} (core group) or {@code apps/v1}.
     *
     * @throws IllegalArgumentException when the text is blank or has more than one slash
     */
    public static GroupVersion parse(String apiVersion) {
        if (apiVersion == null || apiVersion.isBlank()) {
            throw new IllegalArgumentException("apiVersion is blank; expected 'v1' or 'group/version' such as 'apps/v1'");
        }
        String[] parts = apiVersion.split("/", -1);
        return switch (parts.length) {
            case 1 -> new GroupVersion("", parts[0]);
            case 2 -> new GroupVersion(parts[0], parts[1]);
            default -> throw new IllegalArgumentException("apiVersion '" + apiVersion
                    + "' has more than one '/'; expected 'v1' or 'group/version' such as 'apps/v1'");
        };
    }

    /** Whether this is the core group, served under {@code /api} instead of {@code /apis}. */
    public boolean isCore() {
        return group.isEmpty();
    }

    /** The {@code apiVersion} string: {@code v1} or {@code apps/v1}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The path segments that lead to this group-version: {@code [api, v1]} or {@code [apis, apps, v1]}. */
    public String[] pathSegments() {
        return group.isEmpty() ? new String[] {"api", version} : new String[] {"apis", group, version};
    }

    /** This group-version with a resource. */
    public GroupVersionResource withResource(String resource) {
        return new GroupVersionResource(group, version, resource);
    }

    /** This group-version with a kind. */
    public GroupVersionKind withKind(String kind) {
        return new GroupVersionKind(group, version, kind);
    }

    // Written out: a record's generated equals and hashCode bootstrap method handles on first use
    // (java.lang.runtime.ObjectMethods), tens of milliseconds at start-up, when the built-in kinds are indexed.
    @Override
    public boolean equals(Object o) {
        return o instanceof GroupVersion other && group.equals(other.group)
                && version.equals(other.version);
    }

    @Override
    public int hashCode() {
        return 31 * group.hashCode() + version.hashCode();
    }

    @Override
    public String toString() {
        return apiVersion();
    }
}
