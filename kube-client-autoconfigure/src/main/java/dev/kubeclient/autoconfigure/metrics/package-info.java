/** Micrometer meters for kube-client: binds the core's {@code KubeClientListener} to a {@code MeterRegistry}. */
package dev.kubeclient.autoconfigure.metrics;
