/**
 * Sends requests to the Kubernetes API server, the counterpart of client-go's {@code rest} package:
 * {@link dev.kubeclient.rest.KubeRestClient} (one per configuration: rate limiter, retries, listener, JSON),
 * {@link dev.kubeclient.rest.KubeRequest} (a fluent, single-use request) and
 * {@link dev.kubeclient.rest.KubeResponse}. Paged lists live in {@code dev.kubeclient.rest.pager}, watch streams in
 * {@code dev.kubeclient.watch}.
 */
package dev.kubeclient.rest;
