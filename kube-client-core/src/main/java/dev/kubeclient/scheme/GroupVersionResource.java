package dev.kubeclient.scheme;

/**
 * A resource at one group-version, such as {@code apps/v1/deployments}: what the dynamic client needs to build a
 * URL. The resource is the plural, lower-case REST name; a subresource is not part of it.
 *
 * @param group    the API group, {@code ""} for the core group
 * @param version  the version
 * @param resource the plural resource name, such as {@code deployments}
 */
public record GroupVersionResource(String group, String version, String resource) {

    /** Validates the parts; {@code null} group means the core group. */
    public GroupVersionResource {
        group = group == null ? "" : group;
        String whole = group + "/" + version + "/" + resource;
        Names.requireNoSlash("group", group, whole);
        Names.requireToken("version", version, whole);
        Names.requireToken("resource", resource, whole);
    }

    /**
     * Parses {@code group/version/resource} ({@code apps/v1/deployments}) or, for the core group,
     * {@code version/resource} ({@code v1/configmaps}).
     *
     * @throws IllegalArgumentException when the text has neither shape
     */
    public static GroupVersionResource parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("group-version-resource is blank; expected 'apps/v1/deployments' or 'v1/configmaps'");
        }
        String[] parts = text.split("/", -1);
        return switch (parts.length) {
            case 2 -> new GroupVersionResource("", parts[0], parts[1]);
            case 3 -> new GroupVersionResource(parts[0], parts[1], parts[2]);
            default -> throw new IllegalArgumentException("group-version-resource '" + text
                    + "' must have 2 or 3 parts separated by '/', such as 'apps/v1/deployments' or 'v1/configmaps'");
        };
    }

    /** The group and version. */
    public GroupVersion groupVersion() {
        return new GroupVersion(group, version);
    }

    /** The {@code apiVersion} of objects of this resource: {@code version} for the core group, else {@code group/version}. */
    public String apiVersion() {
        return groupVersion().apiVersion();
    }

    /** The group and resource, without the version. */
    public GroupResource groupResource() {
        return new GroupResource(group, resource);
    }

    // Written out: a record's generated equals and hashCode bootstrap method handles on first use
    // (java.lang.runtime.ObjectMethods), tens of milliseconds at start-up, when the built-in kinds are indexed.
    @Override
    public boolean equals(Object o) {
        return o instanceof GroupVersionResource other && group.equals(other.group)
                && version.equals(other.version)
                && resource.equals(other.resource);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * group.hashCode() + version.hashCode()) + resource.hashCode();
    }

    /** {@code apps/v1/deployments}, or {@code v1/configmaps} for the core group; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return group.isEmpty() ? version + "/" + resource : group + "/" + version + "/" + resource;
    }
}
