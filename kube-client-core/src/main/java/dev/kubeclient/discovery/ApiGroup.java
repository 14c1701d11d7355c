package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;

import java.util.List;

/**
 * An API group and the versions the server serves of it, preferred version included ({@code APIGroup}). The core
 * group has the name {@code ""}.
 *
 * @param name             the group name, {@code ""} for the core group
 * @param versions         the served versions, most preferred first as the server lists them
 * @param preferredVersion the version the server prefers; one of {@code versions}
 */
public record ApiGroup(String name, List<GroupVersion> versions, GroupVersion preferredVersion) {

    /** Copies the versions; without a preferred version the first one is taken, as the server orders them by preference. */
    public ApiGroup {
        name = name == null ? "" : name;
        versions = versions == null ? List.of() : List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("API group '" + name + "' lists no versions");
        }
        if (preferredVersion == null) {
            preferredVersion = versions.get(0);
        }
    }
}
