package dev.kubeclient.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An exec credential plugin as declared in a kubeconfig {@code users[].user.exec} stanza
 * ({@code client.authentication.k8s.io/v1} or {@code v1beta1}).
 *
 * @param apiVersion the ExecCredential API version the plugin speaks
 * @param command the executable; a bare name is looked up on {@code PATH}, a relative path is resolved against the kubeconfig's folder
 * @param args the arguments passed to the command (may hold secrets: never printed)
 * @param env extra environment variables, merged over the process environment (values are secrets: never printed)
 * @param installHint text shown when the command cannot be found
 * @param provideClusterInfo whether to pass the cluster in {@code KUBERNETES_EXEC_INFO}
 * @param clusterExtension the cluster's {@code client.authentication.k8s.io/exec} extension, passed as {@code spec.cluster.config}; may be {@code null}
 * @param interactiveMode when the plugin may use standard input
 * @param timeout how long one run may take before it is killed
 */
public record ExecConfig(
        String apiVersion,
        String command,
        List<String> args,
        Map<String, String> env,
        String installHint,
        boolean provideClusterInfo,
        Object clusterExtension,
        InteractiveMode interactiveMode,
        Duration timeout) {

    /** The default time one plugin run may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** How an exec plugin may interact with the user, as in kubeconfig's {@code interactiveMode}. */
    public enum InteractiveMode {
        /** The plugin never uses standard input. */
        NEVER,
        /** The plugin may use standard input when it is available. */
        IF_AVAILABLE,
        /** The plugin requires standard input; running without it is an error. */
        ALWAYS
    }

    public ExecConfig {
        Objects.requireNonNull(command, "exec command");
        if (command.isBlank()) {
            throw new IllegalArgumentException("exec command must not be blank");
        }
        apiVersion = apiVersion == null ? "client.authentication.k8s.io/v1" : apiVersion;
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        interactiveMode = interactiveMode == null ? InteractiveMode.IF_AVAILABLE : interactiveMode;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** A plugin that runs {@code command} with {@code args} and the defaults for everything else. */
    public static ExecConfig of(String command, String... args) {
        return new ExecConfig(null, command, List.of(args), Map.of(), null, false, null, null, null);
    }

    @Override
    public String toString() {
        return "ExecConfig[apiVersion=" + apiVersion + ", command=" + command + ", args=<" + args.size() + " redacted>"
                + ", env=" + env.keySet().stream().sorted().collect(Collectors.toMap(k -> k, k -> "<redacted>", (a, b) -> a, java.util.TreeMap::new))
                + ", provideClusterInfo=" + provideClusterInfo + ", interactiveMode=" + interactiveMode
                + ", timeout=" + timeout + "]";
    }
}
