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

/** Choosing between in-cluster and kubeconfig, automatically or explicitly. */
class RestConfigsTest {

    @TempDir
    Path home;

    @TempDir
    Path serviceAccount;

    private final Map<String, String> variables = new HashMap<>();

    @BeforeEach
    void setUp() {
        write(serviceAccount, "token", "sa-token");
        write(serviceAccount, "ca.crt", "ca");
        write(home, ".kube/config", Fixtures.withUser("token: kubeconfig-token"));
    }

    private ConfigEnvironment environment() {
        return new ConfigEnvironment(variables, home, serviceAccount);
    }

    private void inPod() {
        variables.put(InClusterConfig.SERVICE_HOST_ENV, "10.96.0.1");
        variables.put(InClusterConfig.SERVICE_PORT_ENV, "443");
    }

    @Test
    void autoUsesInClusterWhenBothServiceVariablesAreSet() {
        inPod();

        RestConfig config = RestConfigs.autodetect(ConfigSource.AUTO, environment());

        assertThat(config.server()).isEqualTo(URI.create("https://10.96.0.1:443"));
        assertThat(config.origin()).startsWith("in-cluster");
    }

    @Test
    void autoUsesKubeconfigOutsideAPod() {
        variables.put(InClusterConfig.SERVICE_HOST_ENV, "10.96.0.1");

        RestConfig config = RestConfigs.autodetect(ConfigSource.AUTO, environment());

        assertThat(config.server()).isEqualTo(URI.create("https://c.example.com"));
        assertThat(config.origin()).isEqualTo("kubeconfig " + home.resolve(".kube/config") + ", context ctx");
    }

    @Test
    void autoFallsBackToKubeconfigWhenThePodHasNoUsableServiceAccount() throws Exception {
        inPod();
        Files.delete(serviceAccount.resolve("token"));

        RestConfig config = RestConfigs.autodetect(ConfigSource.AUTO, environment());

        assertThat(config.bearerToken()).isEqualTo("kubeconfig-token");
    }

    @Test
    void explicitKubeconfigWinsEvenInAPod() {
        inPod();

        RestConfig config = RestConfigs.autodetect(ConfigSource.KUBECONFIG, environment());

        assertThat(config.server()).isEqualTo(URI.create("https://c.example.com"));
    }

    @Test
    void explicitInClusterDoesNotFallBack() {
        assertThatThrownBy(() -> RestConfigs.autodetect(ConfigSource.IN_CLUSTER, environment()))
                .isInstanceOf(KubeConfigException.class)
                .hasMessageStartingWith("not running in a cluster");
    }

    @Test
    void explicitKubeconfigReportsItsOwnError() throws Exception {
        Files.delete(home.resolve(".kube/config"));
        inPod();

        assertThatThrownBy(() -> RestConfigs.autodetect(ConfigSource.KUBECONFIG, environment()))
                .isInstanceOf(KubeConfigException.class)
                .hasMessageStartingWith("no kubeconfig found: $KUBECONFIG is not set and " + home.resolve(".kube/config"));
    }

    @Test
    void whenNothingWorksOneMessageListsEverythingThatWasLookedFor() throws Exception {
        Files.delete(home.resolve(".kube/config"));
        Path kubeconfig = home.resolve(".kube/config");

        assertThatThrownBy(() -> RestConfigs.autodetect(ConfigSource.AUTO, environment()))
                .isInstanceOf(KubeConfigException.class)
                .hasMessage("no usable Kubernetes configuration found. In-cluster: KUBERNETES_SERVICE_HOST and "
                        + "KUBERNETES_SERVICE_PORT are not both set, so this is not a pod. Kubeconfig (searched ["
                        + kubeconfig + "]): no kubeconfig found: $KUBECONFIG is not set and " + kubeconfig
                        + " does not exist; create it (for example with your cloud's get-credentials command) or set "
                        + "$KUBECONFIG");
    }

    @Test
    void inAPodWithoutTokenAndWithoutKubeconfigBothProblemsAreReported() throws Exception {
        inPod();
        Files.delete(serviceAccount.resolve("token"));
        Files.delete(home.resolve(".kube/config"));
        Path missing = home.resolve("missing.yaml");
        variables.put(KubeConfigLoader.KUBECONFIG_ENV, missing.toString());

        assertThatThrownBy(() -> RestConfigs.autodetect(ConfigSource.AUTO, environment()))
                .isInstanceOf(KubeConfigException.class)
                .hasMessageContaining("In-cluster: in-cluster configuration: the ServiceAccount token "
                        + serviceAccount.resolve("token") + " does not exist")
                .hasMessageContaining("Kubeconfig (searched [" + missing + "]): no kubeconfig found: $KUBECONFIG lists "
                        + missing + ", which does not exist");
    }
}
