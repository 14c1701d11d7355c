/**
 * Retrying an action on chosen errors, the counterpart of client-go's {@code util/retry}:
 * {@link dev.kubeclient.retry.Retry#onConflict} for read-modify-update loops and
 * {@link dev.kubeclient.retry.Retry#onError} for any predicate, scheduled by a
 * {@link dev.kubeclient.flowcontrol.Backoff}.
 */
package dev.kubeclient.retry;
