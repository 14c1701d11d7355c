package dev.kubeclient.watch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of one watch call made by a {@link ResilientWatcher}.
 *
 * @param resourceVersion where to start: events after this version; {@code null} for "now, with the current
 *                        state as ADDED events first" (not used by the resilient watcher, which always lists first)
 * @param allowWatchBookmarks whether the server may send BOOKMARK events
 * @param timeout how long the server keeps the stream open ({@code timeoutSeconds}); {@code null} for its default
 */
public record WatchRequest(String resourceVersion, boolean allowWatchBookmarks, Duration timeout) {

    /**
     * The query parameters to add to a {@code watch=true} request ({@code resourceVersion},
     * {@code allowWatchBookmarks}, {@code timeoutSeconds}); only those that are set.
     */
    public Map<String, String> queryParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        if (resourceVersion != null && !resourceVersion.isEmpty()) {
            params.put("resourceVersion", resourceVersion);
        }
        if (allowWatchBookmarks) {
            params.put("allowWatchBookmarks", "true");
        }
        if (timeout != null && !timeout.isZero()) {
            params.put("timeoutSeconds", Long.toString(Math.max(1, timeout.toSeconds())));
        }
        return params;
    }
}
