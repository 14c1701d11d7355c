package dev.kubeclient.meta;

/** How a list interprets its {@code resourceVersion} ({@code ?resourceVersionMatch=}, Kubernetes 1.19+). */
public enum ResourceVersionMatch {
    /** Data at least as new as the given resourceVersion (served from the watch cache when it can be). */
    NOT_OLDER_THAN("NotOlderThan"),
    /** Data at exactly the given resourceVersion (410 Gone once it was compacted away). */
    EXACT("Exact");

    private final String wireValue;

    ResourceVersionMatch(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The query parameter's value. */
    public String wireValue() {
        return wireValue;
    }
}
