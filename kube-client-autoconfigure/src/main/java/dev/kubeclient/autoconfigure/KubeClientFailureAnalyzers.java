package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.InClusterConfig;
import dev.kubeclient.config.KubeConfigLoader;
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

    static final class ExecPluginNotInstalled extends AbstractFailureAnalyzer<ExecPluginNotInstalledException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, ExecPluginNotInstalledException cause) {
            String hint = cause.installHint() == null || cause.installHint().isBlank() ? ""
                    : " The kubeconfig says:\n" + cause.installHint().strip();
            return new FailureAnalysis("The kubeconfig user of " + cause.origin() + " authenticates with the exec "
                    + "credential plugin '" + cause.command() + "', which is not installed.",
                    "Install '" + cause.command() + "' so that it is on the PATH of the application (or fix users[].user."
                    + "exec.command in the kubeconfig), or choose another context with kube.client.context." + hint, cause);
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
