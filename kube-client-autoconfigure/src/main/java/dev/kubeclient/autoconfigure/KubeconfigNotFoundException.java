package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.KubeConfigException;

import java.nio.file.Path;

/** {@code kube.client.kubeconfig} names a file that does not exist (or is not a readable file). */
public final class KubeconfigNotFoundException extends KubeConfigException {

    private static final long serialVersionUID = 1L;

    private final Path path;

    /** @param path the absolute path that was looked for */
    public KubeconfigNotFoundException(Path path) {
        super("kube.client.kubeconfig names " + path + ", which does not exist or is not a readable file");
        this.path = path;
    }

    /** The absolute path that was looked for. */
    public Path path() {
        return path;
    }
}
