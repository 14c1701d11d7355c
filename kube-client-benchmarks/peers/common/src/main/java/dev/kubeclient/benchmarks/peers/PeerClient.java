package dev.kubeclient.benchmarks.peers;

import java.net.URI;
import java.nio.file.Path;

/**
 * The few calls the side-by-side scenarios make, implemented by each peer with that client's own idiomatic API. Every
 * method decodes into the client's own model classes, as a user of that client would get them.
 */
public interface PeerClient extends AutoCloseable {

    /** Creates a client from a kubeconfig file, the way that client's documentation shows, with default settings. */
    @FunctionalInterface
    interface Factory {
        PeerClient create(Path kubeconfig) throws Exception;
    }

    /** Lists every ConfigMap of {@code namespace} in one request (no paging) and returns how many came back. */
    int listConfigMaps(String namespace) throws Exception;

    /** GETs the namespace {@code name} and returns its uid. */
    String namespaceUid(String name) throws Exception;

    /** GETs one ConfigMap and returns its name (the small GET). */
    String configMapName(String namespace, String name) throws Exception;

    /** The resourceVersion of a list of {@code namespace}'s ConfigMaps, to start watches from. */
    String configMapsResourceVersion(String namespace) throws Exception;

    /**
     * Opens a watch on {@code namespace}'s ConfigMaps from {@code resourceVersion} and returns once the server has
     * answered (as far as the client lets its caller know); closing the result ends the watch.
     */
    AutoCloseable watchConfigMaps(String namespace, String resourceVersion) throws Exception;

    /** The API server this client talks to (for counting connections to it). */
    URI server();

    /** What the client does about a client-side rate limit, for the throughput line: {@code none} where it has none. */
    String rateLimiter();

    @Override
    void close();
}
