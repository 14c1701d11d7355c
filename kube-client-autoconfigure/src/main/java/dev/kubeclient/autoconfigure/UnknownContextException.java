package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.KubeConfigException;

import java.util.List;

/** {@code kube.client.context} names a context the kubeconfig does not define. */
public final class UnknownContextException extends KubeConfigException {

    private static final long serialVersionUID = 1L;

    private final String context;
    private final List<String> knownContexts;
    private final String files;

    /**
     * @param context the context asked for
     * @param knownContexts the contexts the kubeconfig defines
     * @param files the kubeconfig file(s) read
     */
    public UnknownContextException(String context, List<String> knownContexts, String files) {
        super("kube.client.context '" + context + "' is not defined in " + files + "; contexts there: "
                + (knownContexts.isEmpty() ? "(none)" : String.join(", ", knownContexts)));
        this.context = context;
        this.knownContexts = List.copyOf(knownContexts);
        this.files = files;
    }

    /** The context asked for. */
    public String context() {
        return context;
    }

    /** The contexts the kubeconfig defines, in file order. */
    public List<String> knownContexts() {
        return knownContexts;
    }

    /** The kubeconfig file(s) read. */
    public String files() {
        return files;
    }
}
