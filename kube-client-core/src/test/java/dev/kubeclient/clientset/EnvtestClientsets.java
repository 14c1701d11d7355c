package dev.kubeclient.clientset;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/**
 * Builds clientsets for the cluster under test from its admin kubeconfig.
 */
final class EnvtestClientsets {

    private EnvtestClientsets() {
    }

    static RestConfig.Builder adminConfig(RealCluster cluster) {
        // Tests create many objects; the client-side limiter would only slow them down.
        return cluster.adminConfig().toBuilder().qps(-1);
    }

    static Clientset admin(RealCluster cluster) {
        return Clientset.create(adminConfig(cluster).build());
    }

    /** Creates a uniquely named namespace (never deleted for good: envtest has no namespace controller). */
    static String newNamespace(Clientset clientset, String prefix) {
        String name = RealCluster.uniqueName(prefix);
        clientset.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build());
        return name;
    }
}
