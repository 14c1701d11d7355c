package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.RestConfig;

/**
 * Adjusts the {@link RestConfig} the starter builds, without replacing the bean. Every customizer bean is applied
 * in {@link org.springframework.core.annotation.Order @Order}, after the starter's own defaults (order 0) and
 * after the {@link KubeClientConnectionDetails} and {@code kube.client.*} properties were applied.
 */
@FunctionalInterface
public interface RestConfigCustomizer {

    /** Changes {@code builder} in place. */
    void customize(RestConfig.Builder builder);
}
