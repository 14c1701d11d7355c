package dev.kubeclient.config;

import java.util.Objects;

/**
 * The outcome of {@link RestConfigs#detect}: the configuration and where it came from.
 *
 * @param config the configuration to connect with
 * @param origin which source won and why
 */
public record DetectedConfig(RestConfig config, ConfigOrigin origin) {

    public DetectedConfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(origin, "origin");
    }
}
