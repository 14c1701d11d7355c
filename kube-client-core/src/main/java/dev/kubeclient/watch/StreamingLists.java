package dev.kubeclient.watch;

/**
 * How a {@link ResilientWatcher} gets the initial state (and the state after a 410 Gone): from a LIST, or from a
 * streaming list (KEP-3157, "WatchList": a watch with {@code sendInitialEvents=true} that sends the current objects
 * as ADDED events and then a BOOKMARK annotated {@code k8s.io/initial-events-end}). Kubernetes 1.27 added it behind
 * the {@code WatchList} feature gate; it is on by default on current servers. A streaming list spares the server the
 * memory of building a whole list answer, and the client the buffering of it.
 */
public enum StreamingLists {

    /**
     * Try a streaming list; when the server refuses it (400 or 422: servers before 1.27, or without the feature
     * gate, reject {@code resourceVersionMatch} or {@code sendInitialEvents} on a watch) or shows it ignored it (the
     * stream ends, or sends anything but ADDED events, before the closing bookmark), remember that for the rest of
     * the watcher's life and list instead. The default, as in client-go's reflector since v0.35.
     */
    AUTO,

    /** Always list (paged), then watch from the list's resourceVersion. */
    OFF
}
