package dev.kubeclient.config;

import java.util.Map;
import java.util.Objects;

/**
 * A kubeconfig {@code users[].user.auth-provider} entry. Only {@code oidc} is supported; the removed
 * in-tree {@code gcp} and {@code azure} providers are rejected with a pointer to their exec plugins.
 *
 * @param name the provider name, for example {@code oidc}
 * @param config the provider's settings (id-token, refresh-token, client-secret...): secrets, never printed
 */
public record AuthProviderConfig(String name, Map<String, String> config) {

    public AuthProviderConfig {
        Objects.requireNonNull(name, "auth-provider name");
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    @Override
    public String toString() {
        return "AuthProviderConfig[name=" + name + ", config=<redacted " + config.size() + " keys>]";
    }
}
