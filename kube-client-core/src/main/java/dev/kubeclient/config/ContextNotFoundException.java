package dev.kubeclient.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A context asked for by name (kubectl's {@code --context}) is not defined in the kubeconfig. Carries the known
 * context names so that a caller (a start-up failure report, say) can offer them.
 */
public class ContextNotFoundException extends KubeConfigException {

    private static final long serialVersionUID = 1L;

    private final String context;
    private final List<String> knownContexts;
    private final transient List<Path> files;

    /**
     * @param message the full message, naming the context, the files and the known contexts
     * @param context the context asked for
     * @param knownContexts the contexts the kubeconfig defines, sorted
     * @param files the kubeconfig files read, in merge order
     */
    public ContextNotFoundException(String message, String context, List<String> knownContexts, List<Path> files) {
        super(message);
        this.context = context;
        this.knownContexts = List.copyOf(knownContexts);
        this.files = List.copyOf(files);
    }

    /** The context asked for. */
    public String context() {
        return context;
    }

    /** The contexts the kubeconfig defines, sorted. */
    public List<String> knownContexts() {
        return knownContexts;
    }

    /** The kubeconfig files read, in merge order. */
    public List<Path> files() {
        return files == null ? List.of() : files;
    }
}
