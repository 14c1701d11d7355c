package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.RestConfig;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the API server is and with which credentials, in Spring Boot's connection-details pattern. By default the
 * starter derives it from the {@code kube.client.*} properties (kubeconfig or in-cluster); a bean of this type,
 * for example one the test kit contributes, points the starter at a given server instead.
 */
public interface KubeClientConnectionDetails extends ConnectionDetails {

    /**
     * The server URL, TLS settings and credentials to connect with. The starter applies its properties
     * ({@code qps}, {@code user-agent}, timeouts...) and the {@link RestConfigCustomizer}s on top of it.
     */
    RestConfig getRestConfig();
}
