package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every start-up error of the starter is explained by exactly one of the failure analyzers registered in
 * {@code META-INF/spring.factories}, run on the real start-up exception: the description names the wrong property,
 * the action says what fixes it.
 */
class FailureAnalysisTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class));

    private ApplicationContextRunner with(ConfigEnvironment environment) {
        return runner.withBean(ConfigEnvironment.class, () -> environment);
    }

    private ConfigEnvironment noPodNoHome(Map<String, String> variables) {
        return Fixtures.environment(dir.resolve("home"), dir.resolve("no-serviceaccount"), variables);
    }

    /** Runs the context, expects it to fail, and analyses the failure with the registered analyzers of the starter. */
    private FailureAnalysis analyse(ApplicationContextRunner runner) {
        List<FailureAnalysis> analyses = new ArrayList<>();
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            for (FailureAnalyzer analyzer : starterAnalyzers()) {
                FailureAnalysis analysis = analyzer.analyze(failure);
                if (analysis != null) {
                    analyses.add(analysis);
                }
            }
        });
        assertThat(analyses).as("analyses of the start-up failure").hasSize(1);
        return analyses.get(0);
    }

    private static List<FailureAnalyzer> starterAnalyzers() throws Exception {
        List<FailureAnalyzer> analyzers = new ArrayList<>();
        for (String name : SpringFactoriesLoader.loadFactoryNames(FailureAnalyzer.class,
                FailureAnalysisTest.class.getClassLoader())) {
            if (name.startsWith("dev.kubeclient.")) {
                Constructor<?> constructor = Class.forName(name).getDeclaredConstructor();
                constructor.setAccessible(true);
                analyzers.add((FailureAnalyzer) constructor.newInstance());
            }
        }
        assertThat(analyzers).hasSize(6);
        return analyzers;
    }

    @Test
    void inClusterModeOutsideAPodNamesTheModeAndTheMissingVariables() {
        FailureAnalysis analysis = analyse(with(noPodNoHome(Map.of())).withPropertyValues("kube.client.mode=in-cluster"));
        assertThat(analysis.getDescription()).contains("kube.client.mode is 'in-cluster'")
                .contains("KUBERNETES_SERVICE_HOST");
        assertThat(analysis.getAction()).contains("Run the application in a Kubernetes pod")
                .contains("set kube.client.mode to 'auto' or 'kubeconfig'");
    }

    @Test
    void anUnknownContextListsTheKnownOnes() {
        Path kubeconfig = Fixtures.kubeconfig(dir, "config", "https://a.example");
        FailureAnalysis analysis = analyse(with(noPodNoHome(Map.of())).withPropertyValues(
                "kube.client.kubeconfig=" + kubeconfig, "kube.client.context=prod"));
        assertThat(analysis.getDescription()).contains("kube.client.context is 'prod'").contains(kubeconfig.toString())
                .contains("dev, staging");
        assertThat(analysis.getAction()).isEqualTo("Set kube.client.context to one of: dev, staging (or remove it to "
                + "use the current-context).");
    }

    @Test
    void aKubeconfigPathThatDoesNotExistIsNamed() {
        Path missing = dir.resolve("nope/config");
        FailureAnalysis analysis = analyse(with(noPodNoHome(Map.of())).withPropertyValues("kube.client.kubeconfig=" + missing));
        assertThat(analysis.getDescription()).contains("kube.client.kubeconfig is '" + missing + "'")
                .contains("does not exist");
        assertThat(analysis.getAction()).contains("Point kube.client.kubeconfig at an existing kubeconfig file");
    }

    @Test
    void aBurstBelowOneWithTheLimiterOnIsRejected() {
        Path kubeconfig = Fixtures.kubeconfig(dir, "config", "https://a.example");
        FailureAnalysis analysis = analyse(with(noPodNoHome(Map.of())).withPropertyValues(
                "kube.client.kubeconfig=" + kubeconfig, "kube.client.burst=0"));
        assertThat(analysis.getDescription()).startsWith("Invalid value '0' for kube.client.burst: must be at least 1 "
                + "while the rate limiter is on");
        assertThat(analysis.getAction()).contains("Set kube.client.burst to 1 or more")
                .contains("kube.client.rate-limiter=off");
    }

    @Test
    void aBurstOfZeroIsFineWithTheLimiterOff() {
        Path kubeconfig = Fixtures.kubeconfig(dir, "config", "https://a.example");
        with(noPodNoHome(Map.of())).withPropertyValues("kube.client.kubeconfig=" + kubeconfig, "kube.client.burst=0",
                "kube.client.rate-limiter=off").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void anExecPluginThatIsNotInstalledShowsItsInstallHint() {
        Path kubeconfig = Fixtures.execKubeconfig(dir, "https://a.example", "kube-login-that-is-not-installed",
                "Install it with: brew install kube-login");
        FailureAnalysis analysis = analyse(with(noPodNoHome(Map.of("PATH", dir.toString())))
                .withPropertyValues("kube.client.kubeconfig=" + kubeconfig));
        assertThat(analysis.getDescription()).contains("'kube-login-that-is-not-installed', which is not installed")
                .contains(kubeconfig.toString());
        assertThat(analysis.getAction()).contains("Install 'kube-login-that-is-not-installed'")
                .contains("Install it with: brew install kube-login");
    }

    @Test
    void noConfigurationAtAllSaysWhatWasSearched() {
        FailureAnalysis analysis = analyse(with(noPodNoHome(Map.of())));
        assertThat(analysis.getDescription()).contains("kube.client.kubeconfig: not set")
                .contains("$KUBECONFIG: not set").contains("in-cluster: KUBERNETES_SERVICE_HOST")
                .contains(dir.resolve("home/.kube/config") + ": does not exist");
        assertThat(analysis.getAction()).contains("Set kube.client.kubeconfig").contains("KubeClientConnectionDetails");
    }

    @Test
    void otherInvalidValuesNameTheirProperty() {
        Path kubeconfig = Fixtures.kubeconfig(dir, "config", "https://a.example");
        for (String[] bad : new String[][] {{"kube.client.qps", "0"}, {"kube.client.max-retries", "-1"},
                {"kube.client.wire-trace-level", "12"}, {"kube.client.request-timeout", "-1s"},
                {"kube.client.max-rate-limiter-wait", "-5s"}}) {
            FailureAnalysis analysis = analyse(with(noPodNoHome(Map.of())).withPropertyValues(
                    "kube.client.kubeconfig=" + kubeconfig, bad[0] + "=" + bad[1]));
            assertThat(analysis.getDescription()).as(bad[0]).contains("for " + bad[0] + ":");
            assertThat(Objects.requireNonNull(analysis.getAction())).as(bad[0]).contains(bad[0]);
        }
    }

    @Test
    void aKubeconfigVariableListingOnlyMissingFilesSaysSo() {
        Path missing = dir.resolve("gone.kubeconfig");
        FailureAnalysis analysis = analyse(with(noPodNoHome(Map.of("KUBECONFIG", missing.toString()))));
        assertThat(analysis.getDescription()).contains("$KUBECONFIG lists " + missing + ", none of which exists");
        assertThat(analysis.getAction()).contains("set $KUBECONFIG");
    }
}
