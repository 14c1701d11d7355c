package dev.kubeclient.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code contexts[]} entry of a kubeconfig: a cluster, a user and a namespace under one name.
 *
 * @param name the context's name
 * @param source the kubeconfig file that defined this entry
 * @param cluster the name of the cluster entry; {@code null} if unset
 * @param user the name of the user entry; {@code null} for none (anonymous requests)
 * @param namespace the default namespace; {@code null} means {@value RestConfig#DEFAULT_NAMESPACE}
 * @param extensions the entry's {@code extensions}, by name
 */
public record KubeConfigContext(String name, Path source, String cluster, String user, String namespace,
                                Map<String, Object> extensions) {

    public KubeConfigContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        extensions = Yaml.immutableMap(extensions);
    }
}
