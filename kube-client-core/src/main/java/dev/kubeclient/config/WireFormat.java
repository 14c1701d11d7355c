package dev.kubeclient.config;

/**
 * The encoding the typed clients ask the API server for when they read built-in resources (client-go's
 * {@code ContentConfig.AcceptContentTypes}). Writes are always JSON; custom resources and the dynamic client always
 * read JSON, which is all a server serves for them.
 */
public enum WireFormat {
    /** {@code Accept: application/json} for every read. */
    JSON,
    /**
     * {@code Accept: application/vnd.kubernetes.protobuf, application/json} for gets, lists and watches of built-in
     * types: smaller bodies and cheaper decoding into the same model objects; an answer in JSON is read as JSON. The
     * default.
     */
    PROTOBUF
}
