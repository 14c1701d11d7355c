/**
 * What the API server serves, and how names map onto it: the discovery client ({@code /version}, {@code /api},
 * {@code /apis}, aggregated discovery), its in-memory cache, and the {@link dev.kubeclient.discovery.RestMapper}
 * that turns kinds and kubectl-style resource names ({@code deploy}, {@code deployments.apps}) into
 * {@link dev.kubeclient.scheme.GroupVersionResource}s. The counterpart of client-go's {@code discovery} and
 * {@code restmapper} packages.
 */
package dev.kubeclient.discovery;

