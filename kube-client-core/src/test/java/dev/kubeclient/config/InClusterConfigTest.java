package dev.kubeclient.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static dev.kubeclient.config.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-cluster configuration from the service variables and a ServiceAccount folder under a temp dir. */
class InClusterConfigTest {

    @TempDir
    Path home;

    @TempDir
    Path serviceAccount;

    private final Map<String, String> variables = new HashMap<>(Map.of(
            InClusterConfig.SERVICE_HOST_ENV, "10.96.0.1",
            InClusterConfig.SERVICE_PORT_ENV, "443"));

    @BeforeEach
    void mountServiceAccount() {
        write(serviceAccount, "token", "fixture-secret-sa-token");
        write(serviceAccount, "ca.crt", "-----BEGIN CERTIFICATE-----\n");
        write(serviceAccount, "namespace", "payments\n");
    }

    private InClusterConfig inCluster() {
        return new InClusterConfig(new ConfigEnvironment(variables, home, serviceAccount));
    }

    @Test
    void serverTokenFileCaAndNamespaceComeFromThePod() {
        RestConfig config = inCluster().load();

        assertThat(config.server()).isEqualTo(URI.create("https://10.96.0.1:443"));
        assertThat(config.bearerTokenFile()).isEqualTo(serviceAccount.resolve("token"));
        assertThat(config.caFile()).isEqualTo(serviceAccount.resolve("ca.crt"));
        assertThat(config.namespace()).isEqualTo("payments");
        assertThat(config.origin()).isEqualTo("in-cluster (ServiceAccount in " + serviceAccount
                + ", KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT)");
    }

    @Test
    void theTokenIsNotReadSoARotatedTokenIsSeenByTheAuthLayer() throws Exception {
        RestConfig config = inCluster().load();

        Files.writeString(serviceAccount.resolve("token"), "rotated");

        assertThat(config.bearerToken()).as("no cached copy of the token").isNull();
        assertThat(Files.readString(config.bearerTokenFile())).isEqualTo("rotated");
        assertThat(config.toString()).doesNotContain("fixture-secret");
    }

    @Test
    void anIpv6HostIsBracketed() {
        variables.put(InClusterConfig.SERVICE_HOST_ENV, "fd00:10:96::1");
        variables.put(InClusterConfig.SERVICE_PORT_ENV, "6443");

        URI server = inCluster().load().server();

        assertThat(server).isEqualTo(URI.create("https://[fd00:10:96::1]:6443"));
        assertThat(server.getHost()).isEqualTo("[fd00:10:96::1]");
        assertThat(server.getPort()).isEqualTo(6443);
    }

    @Test
    void isInClusterOnlyWhenBothVariablesAreSet() {
        assertThat(inCluster().isInCluster()).isTrue();
        variables.remove(InClusterConfig.SERVICE_PORT_ENV);
        assertThat(inCluster().isInCluster()).isFalse();
    }

    @Test
    void missingVariablesAreNamed() {
        variables.clear();
        assertThatThrownBy(() -> inCluster().load())
                .isInstanceOf(KubeConfigException.class)
                .hasMessage("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must both be "
                        + "set (kubelet sets them in every pod), but neither is set");

        variables.put(InClusterConfig.SERVICE_HOST_ENV, "10.0.0.1");
        assertThatThrownBy(() -> inCluster().load())
                .hasMessageEndingWith("but KUBERNETES_SERVICE_PORT is not set");
    }

    @Test
    void aPortThatIsNotANumberIsReported() {
        variables.put(InClusterConfig.SERVICE_PORT_ENV, "https");

        assertThatThrownBy(() -> inCluster().load())
                .isInstanceOf(KubeConfigException.class)
                .hasMessage("KUBERNETES_SERVICE_PORT is 'https', which is not a port number (1-65535)");
    }

    @Test
    void missingTokenFileIsNamedWithAHint() throws Exception {
        Files.delete(serviceAccount.resolve("token"));

        assertThatThrownBy(() -> inCluster().load())
                .isInstanceOf(KubeConfigException.class)
                .hasMessage("in-cluster configuration: the ServiceAccount token " + serviceAccount.resolve("token")
                        + " does not exist; is the token mounted? Check automountServiceAccountToken on the pod and its "
                        + "ServiceAccount");
    }

    @Test
    void missingCaFileIsNamed() throws Exception {
        Files.delete(serviceAccount.resolve("ca.crt"));

        assertThatThrownBy(() -> inCluster().load())
                .isInstanceOf(KubeConfigException.class)
                .hasMessageStartingWith("in-cluster configuration: the cluster CA certificate "
                        + serviceAccount.resolve("ca.crt") + " does not exist");
    }

    @Test
    void aTokenPathThatIsAFolderIsReported() throws Exception {
        Files.delete(serviceAccount.resolve("token"));
        Files.createDirectory(serviceAccount.resolve("token"));

        assertThatThrownBy(() -> inCluster().load())
                .hasMessageStartingWith("in-cluster configuration: the ServiceAccount token "
                        + serviceAccount.resolve("token") + " is not a regular file");
    }

    @Test
    void missingNamespaceFileFallsBackToDefaultAsClientGoDoes() throws Exception {
        Files.delete(serviceAccount.resolve("namespace"));

        assertThat(inCluster().load().namespace()).isEqualTo("default");
    }

    @Test
    void podNamespaceVariableOverridesTheNamespaceFile() {
        variables.put(InClusterConfig.POD_NAMESPACE_ENV, "from-downward-api");

        assertThat(inCluster().load().namespace()).isEqualTo("from-downward-api");
    }

    @Test
    void theServiceAccountFolderDefaultsToWhereKubeletMountsIt() {
        ConfigEnvironment environment = ConfigEnvironment.of(Map.of(), home);

        assertThat(environment.serviceAccountDirectory())
                .isEqualTo(Path.of("/var/run/secrets/kubernetes.io/serviceaccount"));
        assertThat(environment.withServiceAccountDirectory(serviceAccount).serviceAccountDirectory())
                .isEqualTo(serviceAccount);
    }
}
