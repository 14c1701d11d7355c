package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.KubeConfigException;

import java.util.List;

/** No Kubernetes configuration was found anywhere the selected mode looks. */
public final class NoKubeConfigurationException extends KubeConfigException {

    private static final long serialVersionUID = 1L;

    private final List<String> searched;

    /** @param searched each place looked at and why it did not serve, in search order */
    public NoKubeConfigurationException(List<String> searched, Throwable cause) {
        super("no Kubernetes configuration found; searched: " + String.join("; ", searched), cause);
        this.searched = List.copyOf(searched);
    }

    /** Each place looked at and why it did not serve, in search order. */
    public List<String> searched() {
        return searched;
    }
}
