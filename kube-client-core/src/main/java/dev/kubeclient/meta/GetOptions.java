package dev.kubeclient.meta;

/**
 * Options of a get (metav1.GetOptions).
 *
 * @param resourceVersion {@code null}: the latest data (a quorum read); {@code "0"}: any cached data; otherwise data
 *                        at least that new
 */
public record GetOptions(String resourceVersion) {

    /** No options: read the latest data. */
    public static final GetOptions DEFAULTS = new GetOptions(null);

    /** Data at least as new as {@code resourceVersion}. */
    public static GetOptions resourceVersion(String resourceVersion) {
        return new GetOptions(resourceVersion);
    }
}
