package dev.kubeclient.config;

import java.util.Map;

/**
 * The {@code preferences} stanza of a kubeconfig. Kept for tools; it does not change how requests are sent.
 *
 * @param colors kubectl's {@code colors} preference
 * @param extensions the stanza's {@code extensions}, by name
 */
public record KubeConfigPreferences(boolean colors, Map<String, Object> extensions) {

    /** No preferences. */
    public static final KubeConfigPreferences NONE = new KubeConfigPreferences(false, Map.of());

    public KubeConfigPreferences {
        extensions = Yaml.immutableMap(extensions);
    }
}
