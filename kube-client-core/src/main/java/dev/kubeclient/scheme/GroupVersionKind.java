package dev.kubeclient.scheme;

import java.util.Objects;

/**
 * A group, version and kind: the identity of a Kubernetes object type on the wire (client-go's
 * {@code schema.GroupVersionKind}). The core group is the empty string.
 *
 * @param group   the API group, {@code ""} for the core group
 * @param version the version, for example {@code v1} or {@code v1beta1}
 * @param kind    the kind, for example {@code Deployment}
 */
public record GroupVersionKind(String group, String version, String kind) {

    /** Checks that no part is {@code null} and that version and kind are not blank. */
    public GroupVersionKind {
        Objects.requireNonNull(group, "group must not be null (use \"\" for the core group)");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version of a GroupVersionKind must not be blank (kind " + kind + ")");
        }
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind of a GroupVersionKind must not be blank (" + group + "/" + version + ")");
        }
    }

    /**
     * Parses an object's {@code apiVersion} ({@code v1} or {@code apps/v1}) and {@code kind}.
     *
     * @throws IllegalArgumentException if either is missing or the apiVersion has more than one slash
     */
    public static GroupVersionKind of(String apiVersion, String kind) {
        if (apiVersion == null || apiVersion.isBlank()) {
            throw new IllegalArgumentException("apiVersion is missing (kind " + kind + ")");
        }
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return new GroupVersionKind("", apiVersion, kind);
        }
        if (apiVersion.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("apiVersion '" + apiVersion + "' has more than one '/'; expected group/version or version");
        }
        return new GroupVersionKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
    }

    /** The {@code apiVersion} field's value: {@code version} for the core group, else {@code group/version}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code apiVersion, Kind=kind}, as client-go prints it. */
    @Override
    public String toString() {
        return apiVersion() + ", Kind=" + kind;
    }
}
