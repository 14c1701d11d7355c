package dev.kubeclient.config;

import java.util.List;

/**
 * {@link RestConfigs#detect} found no usable configuration: every source it may use was missing or broken. The
 * message, and {@link #searched()} one entry per source, say what was looked at and why it did not serve.
 */
public class ConfigNotFoundException extends KubeConfigException {

    private static final long serialVersionUID = 1L;

    private final List<String> searched;

    /**
     * @param searched each source looked at and why it did not serve, in search order
     * @param cause the failure of the last source tried, or {@code null}
     */
    public ConfigNotFoundException(List<String> searched, Throwable cause) {
        super("no usable Kubernetes configuration found. " + String.join(". ", searched), cause);
        this.searched = List.copyOf(searched);
    }

    /** Each source looked at and why it did not serve, in search order. */
    public List<String> searched() {
        return searched;
    }
}
