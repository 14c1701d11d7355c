package dev.kubeclient.autoconfigure;

import dev.kubeclient.auth.ExecPluginDeniedException;
import dev.kubeclient.auth.ExecPluginException;
import dev.kubeclient.config.InClusterConfig;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.observation.ExecPluginRun;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * One {@link org.springframework.boot.diagnostics.FailureAnalyzer} per start-up error of the starter, registered
 * in {@code META-INF/spring.factories}: the description says which property (or file) is wrong, the action what
 * fixes it.
 */
final class KubeClientFailureAnalyzers {

    private KubeClientFailureAnalyzers() {
    }

    static final class InClusterUnavailable extends AbstractFailureAnalyzer<InClusterUnavailableException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, InClusterUnavailableException cause) {
            return new FailureAnalysis("kube.client.mode is 'in-cluster', but the in-cluster configuration cannot "
                    + "be used: " + cause.reason() + ".",
                    "Run the application in a Kubernetes pod (kubelet sets " + InClusterConfig.SERVICE_HOST_ENV + " and "
                    + InClusterConfig.SERVICE_PORT_ENV + " and mounts the ServiceAccount token), or set kube.client.mode "
                    + "to 'auto' or 'kubeconfig' to use a kubeconfig outside a cluster.", cause);
        }
    }

    static final class UnknownContext extends AbstractFailureAnalyzer<UnknownContextException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, UnknownContextException cause) {
            String known = cause.knownContexts().isEmpty() ? "it defines none"
                    : "it defines: " + String.join(", ", cause.knownContexts());
            return new FailureAnalysis("kube.client.context is '" + cause.context() + "', but the kubeconfig "
                    + cause.files() + " has no context of that name; " + known + ".",
                    cause.knownContexts().isEmpty()
                            ? "Add the context to the kubeconfig (kubectl config set-context), or remove kube.client.context."
                            : "Set kube.client.context to one of: " + String.join(", ", cause.knownContexts())
                            + " (or remove it to use the current-context).", cause);
        }
    }

    static final class KubeconfigNotFound extends AbstractFailureAnalyzer<KubeconfigNotFoundException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, KubeconfigNotFoundException cause) {
            return new FailureAnalysis("kube.client.kubeconfig is '" + cause.path() + "', but that file does not "
                    + "exist or is not a readable file.",
                    "Point kube.client.kubeconfig at an existing kubeconfig file, or remove it to use $"
                    + KubeConfigLoader.KUBECONFIG_ENV + " or ~/.kube/config.", cause);
        }
    }

    static final class NoConfiguration extends AbstractFailureAnalyzer<NoKubeConfigurationException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, NoKubeConfigurationException cause) {
            return new FailureAnalysis("No Kubernetes configuration was found. Searched, in order:\n  - "
                    + String.join("\n  - ", cause.searched()),
                    "Set kube.client.kubeconfig to a kubeconfig file, set $" + KubeConfigLoader.KUBECONFIG_ENV
                    + ", create ~/.kube/config (for example with your cloud's get-credentials command), run the "
                    + "application in a pod, or provide a KubeClientConnectionDetails bean.", cause);
        }
    }

    /**
     * The kubeconfig user's exec credential plugin cannot run: it is not installed (the action shows the
     * kubeconfig's {@code installHint}), or {@code kube.client.exec-plugin-policy} forbids it. Other plugin failures
     * (it ran and failed) happen on requests, not at start-up, and are left to the caller.
     */
    static final class ExecPluginNotRunnable extends AbstractFailureAnalyzer<ExecPluginException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, ExecPluginException cause) {
            if (cause instanceof ExecPluginDeniedException denied) {
                return new FailureAnalysis("The kubeconfig user's exec credential plugin '" + denied.command()
                        + "' is not allowed by kube.client.exec-plugin-policy (" + denied.policy().describe() + "): "
                        + cause.getMessage() + ".",
                        "Add '" + denied.command() + "' (a bare name found on the PATH, or its absolute path) to "
                        + "kube.client.exec-plugin-policy.allowed with kube.client.exec-plugin-policy.mode=allowlist, "
                        + "or choose a kubeconfig context whose user needs no exec plugin (kube.client.context).",
                        cause);
            }
            if (cause.outcome() != ExecPluginRun.Outcome.NOT_STARTED || cause.command() == null) {
                return null;
            }
            String hint = cause.installHint() == null || cause.installHint().isBlank() ? ""
                    : " The kubeconfig says:\n" + cause.installHint().strip();
            // The core's message names the plugin, the configuration it came from and why it is not installed.
            return new FailureAnalysis("The kubeconfig user's exec credential plugin cannot be started: "
                    + cause.getMessage().lines().findFirst().orElse("") + ".",
                    "Install '" + cause.command() + "' so that it is on the PATH of the application (or fix users[].user."
                    + "exec in the kubeconfig as the description says), or choose another context with "
                    + "kube.client.context." + hint, cause);
        }
    }

    static final class InvalidProperty extends AbstractFailureAnalyzer<InvalidKubeClientPropertyException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, InvalidKubeClientPropertyException cause) {
            return new FailureAnalysis("Invalid value '" + cause.value() + "' for " + cause.property() + ": "
                    + cause.problem() + ".",
                    cause.fix(), cause);
        }
    }
}
