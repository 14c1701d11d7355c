package dev.kubeclient.sample;

import org.springframework.core.env.Environment;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a Kubernetes cluster is configured for the sample, looking where the starter looks:
 * {@code kube.client.kubeconfig} or {@code kube.client.server}, a {@code kube.client.mode} other than {@code auto},
 * a file named by {@code $KUBECONFIG}, in-cluster service-account credentials, or {@code ~/.kube/config}.
 */
final class ClusterConfiguration {

    static final String IN_CLUSTER_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private ClusterConfiguration() {
    }

    /** Whether {@code sample.embedded-cluster} ({@code auto} unless set) asks for the embedded API server. */
    static boolean embeddedWanted(Environment env) {
        String choice = env.getProperty("sample.embedded-cluster", "auto").trim().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> !configured(env);
            default -> throw new IllegalArgumentException("sample.embedded-cluster must be auto, always or never, not '"
                    + choice + "'");
        };
    }

    static boolean configured(Environment env) {
        if (hasText(env.getProperty("kube.client.kubeconfig")) || hasText(env.getProperty("kube.client.server"))) {
            return true;
        }
        String mode = env.getProperty("kube.client.mode", "auto").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto")) {
            return true; // the user chose a source; the starter reports it if it is missing
        }
        String kubeconfig = env.getProperty("KUBECONFIG");
        if (hasText(kubeconfig) && Arrays.stream(kubeconfig.split(File.pathSeparator))
                .anyMatch(p -> !p.isBlank() && Files.isRegularFile(Path.of(p)))) {
            return true;
        }
        if (hasText(env.getProperty("KUBERNETES_SERVICE_HOST")) && Files.isRegularFile(Path.of(IN_CLUSTER_TOKEN))) {
            return true;
        }
        String home = env.getProperty("user.home", System.getProperty("user.home"));
        return home != null && Files.isRegularFile(Path.of(home, ".kube", "config"));
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
