package dev.kubeclient.watch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of one watch call made by a {@link ResilientWatcher}.
 *
 * @param resourceVersion where to start: events after this version; {@code null} for "now" (with
 *                        {@code sendInitialEvents}: the current state first)
 * @param allowWatchBookmarks whether the server may send BOOKMARK events
 * @param timeout how long the server keeps the stream open ({@code timeoutSeconds}); {@code null} for its default
 * @param sendInitialEvents whether this is a streaming list (KEP-3157, "WatchList"): the server first sends every
 *                          current object as an ADDED event, then a BOOKMARK annotated
 *                          {@code k8s.io/initial-events-end: "true"}, then the changes; sent with
 *                          {@code resourceVersionMatch=NotOlderThan}, as the API requires
 */
public record WatchRequest(String resourceVersion, boolean allowWatchBookmarks, Duration timeout,
                           boolean sendInitialEvents) {

    /** The annotation on the BOOKMARK that ends the initial events of a streaming list. */
    public static final String INITIAL_EVENTS_END_ANNOTATION = "k8s.io/initial-events-end";

    /**
     * Checks the combination.
     *
     * @throws IllegalArgumentException when {@code sendInitialEvents} is asked for without bookmarks (the server
     *                                  rejects it: the end of the initial events is a bookmark)
     */
    public WatchRequest {
        if (sendInitialEvents && !allowWatchBookmarks) {
            throw new IllegalArgumentException("WatchRequest.sendInitialEvents needs allowWatchBookmarks=true: the end "
                    + "of the initial events is announced by a BOOKMARK");
        }
    }

    /** A plain watch (no initial events) from {@code resourceVersion}. */
    public WatchRequest(String resourceVersion, boolean allowWatchBookmarks, Duration timeout) {
        this(resourceVersion, allowWatchBookmarks, timeout, false);
    }

    /** A streaming list: the current state as events, then the changes; with bookmarks. */
    public static WatchRequest initialEvents(Duration timeout) {
        return new WatchRequest(null, true, timeout, true);
    }

    /**
     * The query parameters to add to a {@code watch=true} request ({@code resourceVersion},
     * {@code allowWatchBookmarks}, {@code timeoutSeconds}, and for a streaming list {@code sendInitialEvents} and
     * {@code resourceVersionMatch}); only those that are set. An opener must send all of them.
     */
    public Map<String, String> queryParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        if (resourceVersion != null && !resourceVersion.isEmpty()) {
            params.put("resourceVersion", resourceVersion);
        }
        if (allowWatchBookmarks) {
            params.put("allowWatchBookmarks", "true");
        }
        if (sendInitialEvents) {
            params.put("sendInitialEvents", "true");
            params.put("resourceVersionMatch", "NotOlderThan");
        }
        if (timeout != null && !timeout.isZero()) {
            params.put("timeoutSeconds", Long.toString(Math.max(1, timeout.toSeconds())));
        }
        return params;
    }
}
