package dev.kubeclient.config;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which source {@link RestConfigs#detect} took the configuration from, and why: for a start-up log line, a health
 * endpoint or a failure report. Holds no credential.
 *
 * @param kind the kind of source that won
 * @param files the kubeconfig files that were read, in merge order; empty for {@link Kind#IN_CLUSTER}
 * @param context the kubeconfig context used; {@code null} for {@link Kind#IN_CLUSTER}
 * @param reason why this source was chosen over the others, in one sentence
 */
public record ConfigOrigin(Kind kind, List<Path> files, String context, String reason) {

    /** The sources, in the order {@link ConfigSource#AUTO} tries them (controller-runtime's order). */
    public enum Kind {
        /** A kubeconfig file given explicitly (kubectl's {@code --kubeconfig}); nothing else is consulted. */
        EXPLICIT_FILE,
        /** The files listed in {@code $KUBECONFIG}; set, it wins over the pod's own ServiceAccount. */
        KUBECONFIG_VARIABLE,
        /** The pod's ServiceAccount ({@link InClusterConfig}). */
        IN_CLUSTER,
        /** {@code ~/.kube/config}. */
        DEFAULT_KUBECONFIG
    }

    public ConfigOrigin {
        Objects.requireNonNull(kind, "kind");
        files = List.copyOf(files);
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code "in-cluster"}, or the kubeconfig files in the form {@code $KUBECONFIG} uses. */
    public String location() {
        return kind == Kind.IN_CLUSTER ? "in-cluster"
                : files.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** One line for logs: {@code "$KUBECONFIG (/etc/k/config), context prod: $KUBECONFIG is set, ..."}. */
    public String describe() {
        String source = switch (kind) {
            case EXPLICIT_FILE -> "explicit kubeconfig " + location();
            case KUBECONFIG_VARIABLE -> "$KUBECONFIG (" + location() + ")";
            case IN_CLUSTER -> "in-cluster ServiceAccount";
            case DEFAULT_KUBECONFIG -> "kubeconfig " + location();
        };
        return source + (context == null ? "" : ", context " + context) + ": " + reason;
    }
}
