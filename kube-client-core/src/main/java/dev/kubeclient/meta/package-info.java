/**
 * The options every client takes, as records: what client-go keeps in {@code metav1} ({@code GetOptions},
 * {@code ListOptions}, {@code CreateOptions}, {@code UpdateOptions}, {@code PatchOptions}, {@code DeleteOptions},
 * server-side apply's {@code ApplyOptions}) and {@link dev.kubeclient.meta.QueryParams}, which puts them on a
 * request. Shared by the typed ({@code clientset}) and untyped ({@code dynamic}) clients, so neither depends on the
 * other.
 */
package dev.kubeclient.meta;
