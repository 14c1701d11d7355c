package dev.kubeclient.clientset;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds clientsets for the envtest server by hand (CA file, admin bearer token, server URL from the kubeconfig),
 * so these tests do not depend on the kubeconfig loader.
 */
final class EnvtestClientsets {

    private static final Pattern SERVER = Pattern.compile("server:\\s*(\\S+)");

    private EnvtestClientsets() {
    }

    static RestConfig.Builder adminConfig(RealCluster cluster) {
        Path ca = cluster.envtestFile("pki/ca.crt").orElseThrow(() -> new IllegalStateException(
                "these tests need the envtest run folder (pki/ca.crt beside " + cluster.adminKubeconfig() + ")"));
        Path token = cluster.envtestFile("pki/admin.token").orElseThrow(() -> new IllegalStateException(
                "no pki/admin.token beside " + cluster.adminKubeconfig()));
        try {
            Matcher server = SERVER.matcher(Files.readString(cluster.adminKubeconfig()));
            if (!server.find()) {
                throw new IllegalStateException("no server: line in " + cluster.adminKubeconfig());
            }
            return RestConfig.builder().server(server.group(1)).caFile(ca)
                    .bearerToken(Files.readString(token).trim())
                    // Tests create many objects; the client-side limiter would only slow them down.
                    .qps(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
