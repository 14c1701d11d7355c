package dev.kubeclient.scheme;

import java.util.Objects;

/**
 * A group, version and resource (the lower-case plural in URLs): how a REST path names a collection
 * (client-go's {@code schema.GroupVersionResource}).
 *
 * @param group    the API group, {@code ""} for the core group
 * @param version  the version
 * @param resource the plural resource name, for example {@code deployments}
 */
public record GroupVersionResource(String group, String version, String resource) {

    /** Checks that no part is {@code null} and that version and resource are not blank. */
    public GroupVersionResource {
        Objects.requireNonNull(group, "group must not be null (use \"\" for the core group)");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version of a GroupVersionResource must not be blank (resource " + resource + ")");
        }
        if (resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("resource of a GroupVersionResource must not be blank (" + group + "/" + version + ")");
        }
    }

    /** {@code version} for the core group, else {@code group/version}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    @Override
    public String toString() {
        return group.isEmpty() ? version + "/" + resource : group + "/" + version + "/" + resource;
    }
}
