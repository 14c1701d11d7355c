/**
 * An in-JVM Kubernetes API server for tests: discovery, CRUD with the real server's bookkeeping, lists, watches,
 * the four patch types and server-side apply, served over HTTP/1.1 and HTTP/2 on loopback.
 */
package dev.kubeclient.testing.server;
