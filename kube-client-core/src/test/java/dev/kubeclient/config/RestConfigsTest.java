package dev.kubeclient.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

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
    void whenNothingWorksTheExceptionListsEachSourceLookedAt() throws Exception {
        Files.delete(home.resolve(".kube/config"));

        assertThatThrownBy(() -> RestConfigs.detect(ConfigSource.AUTO, null, null, environment()))
                .isInstanceOfSatisfying(ConfigNotFoundException.class, e -> assertThat(e.searched()).satisfiesExactly(
                        inCluster -> assertThat(inCluster).startsWith("In-cluster: KUBERNETES_SERVICE_HOST"),
                        kubeconfig -> assertThat(kubeconfig).startsWith("Kubeconfig (searched [")));
    }

    @Test
    void anUnknownContextAskedForByNameCarriesTheKnownOnes() {
        assertThatThrownBy(() -> RestConfigs.detect(ConfigSource.AUTO, null, "prod", environment()))
                .isInstanceOfSatisfying(ContextNotFoundException.class, e -> {
                    assertThat(e.context()).isEqualTo("prod");
                    assertThat(e.knownContexts()).containsExactly("ctx");
                    assertThat(e.files()).containsExactly(home.resolve(".kube/config"));
                    assertThat(e).hasMessageContaining("context 'prod' not found in");
                });
    }

    @Test
    void inAPodWithoutTokenAndWithoutKubeconfigBothProblemsAreReported() throws Exception {
        inPod();
        Files.delete(serviceAccount.resolve("token"));
        Files.delete(home.resolve(".kube/config"));

        assertThatThrownBy(() -> RestConfigs.autodetect(ConfigSource.AUTO, environment()))
                .isInstanceOf(KubeConfigException.class)
                .hasMessageContaining("In-cluster: in-cluster configuration: the ServiceAccount token "
                        + serviceAccount.resolve("token") + " does not exist")
                .hasMessageContaining("Kubeconfig (searched [" + home.resolve(".kube/config") + "]): no kubeconfig "
                        + "found: $KUBECONFIG is not set");
    }

    @Test
    void kubeconfigVariableWinsOverThePodsOwnServiceAccount() {
        inPod();
        Path other = write(home, "other/config", Fixtures.withUser("token: other-token")
                .replace("https://c.example.com", "https://other.example.com"));
        variables.put(KubeConfigLoader.KUBECONFIG_ENV, other.toString());

        DetectedConfig detected = RestConfigs.detect(ConfigSource.AUTO, null, null, environment());

        assertThat(detected.config().server()).isEqualTo(URI.create("https://other.example.com"));
        assertThat(detected.origin().kind()).isEqualTo(ConfigOrigin.Kind.KUBECONFIG_VARIABLE);
        assertThat(detected.origin().files()).containsExactly(other);
        assertThat(detected.origin().context()).isEqualTo("ctx");
        assertThat(detected.origin().reason()).contains("$KUBECONFIG is set");
    }

    @Test
    void aKubeconfigVariableListingOnlyMissingFilesFailsWithoutFallingBackToInCluster() {
        inPod();
        Path missing = home.resolve("missing.yaml");
        variables.put(KubeConfigLoader.KUBECONFIG_ENV, missing.toString());

        assertThatThrownBy(() -> RestConfigs.autodetect(ConfigSource.AUTO, environment()))
                .isInstanceOf(KubeConfigException.class)
                .hasMessageContaining("no usable Kubernetes configuration found")
                .hasMessageContaining("In-cluster: not tried, because $KUBECONFIG is set")
                .hasMessageContaining("Kubeconfig (searched [" + missing + "]): no kubeconfig found: $KUBECONFIG lists "
                        + missing + ", which does not exist");
    }

    @Test
    void anExplicitFileWinsOverKubeconfigVariableAndInCluster() {
        inPod();
        variables.put(KubeConfigLoader.KUBECONFIG_ENV, home.resolve(".kube/config").toString());
        Path explicit = write(home, "explicit.yaml", Fixtures.withUser("token: explicit-token")
                .replace("https://c.example.com", "https://explicit.example.com"));

        DetectedConfig detected = RestConfigs.detect(ConfigSource.AUTO, explicit, "ctx", environment());

        assertThat(detected.config().bearerToken()).isEqualTo("explicit-token");
        assertThat(detected.origin().kind()).isEqualTo(ConfigOrigin.Kind.EXPLICIT_FILE);
        assertThat(detected.origin().location()).isEqualTo(explicit.toString());
    }

    @Test
    void anExplicitFileThatDoesNotExistIsAnErrorNotAFallback() {
        inPod();
        Path missing = home.resolve("nope.yaml");

        assertThatThrownBy(() -> RestConfigs.detect(ConfigSource.AUTO, missing, null, environment()))
                .isInstanceOf(KubeConfigException.class)
                .hasMessageContaining("kubeconfig " + missing + " does not exist; it was given explicitly");
    }

    @Test
    void anExplicitFileCannotBeCombinedWithInClusterOnly() {
        assertThatThrownBy(() -> RestConfigs.detect(ConfigSource.IN_CLUSTER, home.resolve("x"), null, environment()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be used with ConfigSource.IN_CLUSTER");
    }

    @Test
    void theOriginSaysInClusterAndWhy() {
        inPod();

        ConfigOrigin origin = RestConfigs.detect(ConfigSource.AUTO, null, null, environment()).origin();

        assertThat(origin.kind()).isEqualTo(ConfigOrigin.Kind.IN_CLUSTER);
        assertThat(origin.location()).isEqualTo("in-cluster");
        assertThat(origin.context()).isNull();
        assertThat(origin.reason()).isEqualTo("KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are set and "
                + "$KUBECONFIG is not");
    }

    @Test
    void theOriginOfTheDefaultKubeconfigNamesTheFileAndContext() {
        ConfigOrigin origin = RestConfigs.detect(ConfigSource.AUTO, null, null, environment()).origin();

        assertThat(origin.kind()).isEqualTo(ConfigOrigin.Kind.DEFAULT_KUBECONFIG);
        assertThat(origin.files()).containsExactly(home.resolve(".kube/config"));
        assertThat(origin.context()).isEqualTo("ctx");
    }

    @Test
    void theWinnerIsLoggedInOneInfoLine() {
        Logger logger = (Logger) LoggerFactory.getLogger(RestConfigs.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            inPod();
            variables.put(KubeConfigLoader.KUBECONFIG_ENV, home.resolve(".kube/config").toString());

            RestConfigs.autodetect(ConfigSource.AUTO, environment());
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).isEqualTo("Kubernetes configuration from $KUBECONFIG ("
                    + home.resolve(".kube/config") + "), context ctx: $KUBECONFIG is set, so it wins over in-cluster "
                    + "and ~/.kube/config");
        });
    }
}
