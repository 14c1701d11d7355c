package dev.kubeclient.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What configuration loading reads from the process: its environment variables, the user's home folder, and
 * where the pod's ServiceAccount files are mounted. Injected into {@link KubeConfigLoader}, {@link InClusterConfig}
 * and {@link RestConfigs} so that nothing deep inside reads {@code System.getenv}; tests pass their own.
 *
 * @param variables the environment variables ({@code KUBECONFIG}, {@code KUBERNETES_SERVICE_HOST}...)
 * @param homeDirectory the folder that holds {@code .kube/config}
 * @param serviceAccountDirectory the folder holding {@code token}, {@code ca.crt} and {@code namespace} in a pod
 */
public record ConfigEnvironment(Map<String, String> variables, Path homeDirectory, Path serviceAccountDirectory) {

    /** Where kubelet mounts the ServiceAccount token, CA and namespace in every pod. */
    public static final Path DEFAULT_SERVICE_ACCOUNT_DIRECTORY = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    public ConfigEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(homeDirectory, "homeDirectory");
        serviceAccountDirectory = serviceAccountDirectory == null ? DEFAULT_SERVICE_ACCOUNT_DIRECTORY : serviceAccountDirectory;
    }

    /**
     * The running process: {@link System#getenv()}, the home folder from {@code HOME} (as client-go's
     * {@code homedir.HomeDir} does) or else the {@code user.home} property, and the standard ServiceAccount folder.
     */
    public static ConfigEnvironment system() {
        Map<String, String> env = System.getenv();
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return new ConfigEnvironment(env, Path.of(home), DEFAULT_SERVICE_ACCOUNT_DIRECTORY);
    }

    /** An environment with these variables and home folder, and the standard ServiceAccount folder. */
    public static ConfigEnvironment of(Map<String, String> variables, Path homeDirectory) {
        return new ConfigEnvironment(variables, homeDirectory, DEFAULT_SERVICE_ACCOUNT_DIRECTORY);
    }

    /** A copy that looks for the ServiceAccount files in {@code directory}. */
    public ConfigEnvironment withServiceAccountDirectory(Path directory) {
        return new ConfigEnvironment(variables, homeDirectory, Objects.requireNonNull(directory, "directory"));
    }

    /** The variable's value, empty when it is unset or blank. */
    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** {@code ~/.kube/config} for this environment's home folder. */
    public Path defaultKubeConfig() {
        return homeDirectory.resolve(".kube").resolve("config");
    }

    @Override
    public String toString() {
        // Environment values can be secrets (tokens passed to exec plugins, proxies with passwords): show names only.
        return "ConfigEnvironment[variables=" + variables.size() + " names, homeDirectory=" + homeDirectory
                + ", serviceAccountDirectory=" + serviceAccountDirectory + "]";
    }
}
