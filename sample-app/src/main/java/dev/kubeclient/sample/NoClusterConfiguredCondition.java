package dev.kubeclient.sample;

import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Matches when the sample should use its embedded API server: {@code sample.embedded-cluster=always}, or
 * {@code auto} (the default) and none of the places the starter looks in holds a cluster configuration:
 * {@code kube.client.kubeconfig} or {@code kube.client.server}, a file named by {@code $KUBECONFIG},
 * in-cluster service-account credentials, or {@code ~/.kube/config}.
 */
class NoClusterConfiguredCondition implements ConfigurationCondition {

    static final String IN_CLUSTER_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    @Override
    public ConfigurationPhase getConfigurationPhase() {
        return ConfigurationPhase.REGISTER_BEAN;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        String choice = env.getProperty("sample.embedded-cluster", "auto").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (choice) {
            case "always" -> true;
            case "never" -> false;
            default -> !clusterConfigured(env);
        };
    }

    static boolean clusterConfigured(Environment env) {
        if (hasText(env.getProperty("kube.client.kubeconfig")) || hasText(env.getProperty("kube.client.server"))) {
            return true;
        }
        String mode = env.getProperty("kube.client.mode", "auto").trim().toLowerCase(java.util.Locale.ROOT);
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
