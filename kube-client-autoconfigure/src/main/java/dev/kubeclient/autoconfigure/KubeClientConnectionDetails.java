package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigOrigin;
import dev.kubeclient.config.RestConfig;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

import java.util.Optional;

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

    /**
     * Where {@link #getRestConfig()} found its configuration (which kubeconfig files and context, or in-cluster, and
     * why), for the health details. Empty when unknown: connection details that name a server directly have no
     * origin, and the properties-backed details know it only once {@link #getRestConfig()} has run (asking never
     * triggers the search).
     */
    default Optional<ConfigOrigin> getConfigOrigin() {
        return Optional.empty();
    }
}
