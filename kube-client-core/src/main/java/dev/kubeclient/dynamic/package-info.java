/**
 * The untyped client: {@link dev.kubeclient.dynamic.Unstructured} objects (maps of JSON values) and the
 * {@link dev.kubeclient.dynamic.DynamicClient} that reads and writes any resource by
 * {@link dev.kubeclient.scheme.GroupVersionResource}, custom resources included. The counterpart of client-go's
 * {@code dynamic} package and {@code unstructured.Unstructured}.
 */
package dev.kubeclient.dynamic;
