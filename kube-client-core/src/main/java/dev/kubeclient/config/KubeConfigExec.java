package dev.kubeclient.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@code users[].user.exec} stanza as written in the file. It is checked and turned into an {@link ExecConfig}
 * only when a context that uses it is selected, as client-go does, so a broken entry for a cluster you no longer use
 * does not stop the others from working.
 *
 * @param apiVersion {@code apiVersion}; {@code null} if missing
 * @param command {@code command}, resolved against the kubeconfig's folder when it is a relative path; {@code null} if missing
 * @param args {@code args}
 * @param env {@code env}, the list of {@code name}/{@code value} pairs as a map in file order (values are secrets)
 * @param installHint {@code installHint}; {@code null} if unset
 * @param provideClusterInfo {@code provideClusterInfo}
 * @param interactiveMode {@code interactiveMode} as written ({@code Never}, {@code IfAvailable}, {@code Always}); {@code null} if missing
 */
public record KubeConfigExec(
        String apiVersion,
        String command,
        List<String> args,
        Map<String, String> env,
        String installHint,
        boolean provideClusterInfo,
        String interactiveMode) {

    public KubeConfigExec {
        args = args == null ? List.of() : List.copyOf(args);
        env = Yaml.immutableMap(env);
    }

    @Override
    public String toString() {
        return "KubeConfigExec[apiVersion=" + apiVersion + ", command=" + command + ", args=" + args
                + ", env=" + env.keySet().stream().map(k -> k + "=<redacted>").collect(Collectors.joining(", ", "{", "}"))
                + ", provideClusterInfo=" + provideClusterInfo + ", interactiveMode=" + interactiveMode + "]";
    }
}
