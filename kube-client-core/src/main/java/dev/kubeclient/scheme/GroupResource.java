package dev.kubeclient.scheme;

/**
 * A resource in a group without a version, such as {@code deployments.apps}: how kubectl and RBAC name resources.
 *
 * @param group    the API group, {@code ""} for the core group
 * @param resource the plural resource name
 */
public record GroupResource(String group, String resource) {

    /** Validates the parts; {@code null} group means the core group. */
    public GroupResource {
        group = group == null ? "" : group;
        Names.requireNoSlash("group", group, resource + "." + group);
        Names.requireToken("resource", resource, resource + "." + group);
    }

    /**
     * Parses kubectl's {@code resource.group} form: everything before the first dot is the resource, the rest the
     * group ({@code deployments.apps}, {@code ingresses.networking.k8s.io}); no dot means the group is not given.
     */
    public static GroupResource parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("resource is blank; expected 'deployments' or 'deployments.apps'");
        }
        int dot = text.indexOf('.');
        return dot < 0 ? new GroupResource("", text) : new GroupResource(text.substring(dot + 1), text.substring(0, dot));
    }

    // Written out: a record's generated equals and hashCode bootstrap method handles on first use
    // (java.lang.runtime.ObjectMethods), tens of milliseconds at start-up, when the built-in kinds are indexed.
    @Override
    public boolean equals(Object o) {
        return o instanceof GroupResource other && group.equals(other.group)
                && resource.equals(other.resource);
    }

    @Override
    public int hashCode() {
        return 31 * group.hashCode() + resource.hashCode();
    }

    /** {@code deployments.apps}, or just {@code configmaps} for the core group. */
    @Override
    public String toString() {
        return group.isEmpty() ? resource : resource + "." + group;
    }
}
