package dev.kubeclient.observation;

/** Why a request was sent again. */
public enum RetryReason {
    /** The server answered 429 Too Many Requests. */
    TOO_MANY_REQUESTS,
    /** The server answered 5xx with a Retry-After header (it did not act on the request). */
    SERVER_RETRY_AFTER,
    /** The connection failed before a response; only idempotent reads are retried for this. */
    CONNECTION_FAILURE,
    /** The server answered 401 and a fresh credential was fetched (exec plugin, token file, OIDC). */
    UNAUTHORIZED_REFRESH
}
