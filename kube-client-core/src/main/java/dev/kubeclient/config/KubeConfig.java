package dev.kubeclient.config;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A kubeconfig as loaded: one file, or several merged the way client-go merges {@code $KUBECONFIG} (for each name
 * the first file that defines it wins; {@code current-context} comes from the first file that sets one). Each entry
 * remembers the file it came from. Get one from {@link KubeConfigLoader}; turn a context into a {@link RestConfig}
 * with {@link #restConfig(String)}.
 *
 * @param files the files that were read, in merge order
 * @param clusters the clusters by name
 * @param users the users ({@code AuthInfo}s) by name
 * @param contexts the contexts by name
 * @param currentContext the {@code current-context}; {@code null} if no file sets one
 * @param preferences the {@code preferences}
 * @param extensions the top-level {@code extensions}, by name
 */
public record KubeConfig(
        List<Path> files,
        Map<String, KubeConfigCluster> clusters,
        Map<String, KubeConfigUser> users,
        Map<String, KubeConfigContext> contexts,
        String currentContext,
        KubeConfigPreferences preferences,
        Map<String, Object> extensions) {

    public KubeConfig {
        files = List.copyOf(files);
        clusters = Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
        contexts = Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
        currentContext = currentContext == null || currentContext.isEmpty() ? null : currentContext;
        preferences = preferences == null ? KubeConfigPreferences.NONE : preferences;
        extensions = Yaml.immutableMap(extensions);
    }

    /** The context names, sorted, as {@code kubectl config get-contexts -o name} lists them. */
    public List<String> contextNames() {
        return contexts.keySet().stream().sorted().toList();
    }

    /** The {@code current-context}, if a file sets one. */
    public Optional<String> currentContextName() {
        return Optional.ofNullable(currentContext);
    }

    /** The context with this name, if defined. */
    public Optional<KubeConfigContext> context(String name) {
        return Optional.ofNullable(contexts.get(name));
    }

    /**
     * The configuration for the {@code current-context}.
     *
     * @throws KubeConfigException when no current-context is set, or the context cannot be used (see
     *     {@link #restConfig(String)})
     */
    public RestConfig restConfig() {
        return restConfig(null);
    }

    /**
     * The configuration for one context: its cluster's server and TLS settings, its user's credentials, its
     * namespace (or {@value RestConfig#DEFAULT_NAMESPACE}). Referenced files (CA, client certificate and key, token
     * file) must exist now; their content is read later by the transport and auth layers, so rotation on disk is
     * picked up.
     *
     * @param contextName the context to use; {@code null} for the {@code current-context}
     * @throws KubeConfigException naming the file, context, entry and field when the context is unknown, names a
     *     missing cluster or user, the cluster has no server, a referenced file is missing, credentials conflict, or
     *     the user asks for a removed auth provider
     */
    public RestConfig restConfig(String contextName) {
        return new KubeConfigResolver(this).resolve(contextName);
    }

    /** The files as one string, in the form {@code $KUBECONFIG} uses, for messages. */
    String describeFiles() {
        return files.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Merges loaded files in order: the first file that defines a cluster, user or context name wins (the whole
     * entry, not field by field), {@code current-context} and {@code preferences} come from the first file that
     * sets them, top-level extensions merge by name with the first one winning.
     */
    static KubeConfig merge(List<KubeConfig> parts) {
        Objects.requireNonNull(parts, "parts");
        List<Path> files = new ArrayList<>();
        Map<String, KubeConfigCluster> clusters = new LinkedHashMap<>();
        Map<String, KubeConfigUser> users = new LinkedHashMap<>();
        Map<String, KubeConfigContext> contexts = new LinkedHashMap<>();
        Map<String, Object> extensions = new LinkedHashMap<>();
        String current = null;
        KubeConfigPreferences preferences = null;
        for (KubeConfig part : parts) {
            files.addAll(part.files());
            part.clusters().forEach(clusters::putIfAbsent);
            part.users().forEach(users::putIfAbsent);
            part.contexts().forEach(contexts::putIfAbsent);
            part.extensions().forEach(extensions::putIfAbsent);
            if (current == null) {
                current = part.currentContext();
            }
            if (preferences == null && !part.preferences().equals(KubeConfigPreferences.NONE)) {
                preferences = part.preferences();
            }
        }
        return new KubeConfig(files, clusters, users, contexts, current, preferences, extensions);
    }
}
