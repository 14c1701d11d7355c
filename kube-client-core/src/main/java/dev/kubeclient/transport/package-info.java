/**
 * Builds the one OkHttp client a {@link dev.kubeclient.config.RestConfig} talks through, like client-go's
 * {@code transport} package: TLS (CA, client certificates, server name, rotation), HTTP/2 with pings, proxies,
 * and the interceptor chain (impersonation, user agent, credentials, wire trace, the user's interceptors).
 * Start at {@link dev.kubeclient.transport.KubeTransport}.
 */
package dev.kubeclient.transport;
