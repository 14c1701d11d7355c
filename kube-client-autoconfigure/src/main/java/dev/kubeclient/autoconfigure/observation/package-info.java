/**
 * Micrometer Observation for kube-client: each Kubernetes request is an Observation (a client span with a tracer,
 * the {@code kube.client.requests} timer with a meter handler), and its trace context goes to the server.
 */
package dev.kubeclient.autoconfigure.observation;
