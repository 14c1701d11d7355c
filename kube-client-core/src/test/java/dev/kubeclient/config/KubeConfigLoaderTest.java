package dev.kubeclient.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static dev.kubeclient.config.Fixtures.env;
import static dev.kubeclient.config.Fixtures.fixture;
import static dev.kubeclient.config.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where kubeconfig files are found and how several are merged (client-go's loading rules). */
class KubeConfigLoaderTest {

    @TempDir
    Path home;

    private final Path first = fixture("merge/first/config");
    private final Path second = fixture("merge/second/config");

    private KubeConfigLoader loaderWithKubeconfig(String value) {
        return new KubeConfigLoader(env(home, Map.of(KubeConfigLoader.KUBECONFIG_ENV, value)));
    }

    private static String list(Object... paths) {
        StringBuilder s = new StringBuilder();
        for (Object p : paths) {
            if (!s.isEmpty()) s.append(File.pathSeparator);
            s.append(p);
        }
        return s.toString();
    }

    @Test
    void homeKubeconfigIsReadWhenKubeconfigVariableIsUnset() {
        Path config = write(home, ".kube/config", Fixtures.withUser("token: t"));

        KubeConfig loaded = Fixtures.loader(home).load();

        assertThat(loaded.files()).containsExactly(config);
        assertThat(loaded.restConfig().server()).isEqualTo(URI.create("https://c.example.com"));
    }

    @Test
    void kubeconfigVariableReplacesTheHomeFile() {
        write(home, ".kube/config", Fixtures.withUser("token: from-home"));

        KubeConfig loaded = loaderWithKubeconfig(first.toString()).load();

        assertThat(loaded.files()).containsExactly(first);
        assertThat(loaded.contextNames()).containsExactly("first", "shared");
    }

    @Test
    void blankKubeconfigVariableCountsAsUnset() {
        Path config = write(home, ".kube/config", Fixtures.withUser("token: t"));

        assertThat(loaderWithKubeconfig("  ").load().files()).containsExactly(config);
        assertThat(loaderWithKubeconfig(File.pathSeparator).load().files()).containsExactly(config);
    }

    @Test
    void severalFilesAreMergedInOrderAndTheFirstDefinitionOfANameWinsWholly() {
        KubeConfig merged = loaderWithKubeconfig(list(first, second)).load();

        assertThat(merged.files()).containsExactly(first, second);
        assertThat(merged.clusters()).containsOnlyKeys("shared", "only-first", "only-second");
        assertThat(merged.users()).containsOnlyKeys("shared", "only-second");
        assertThat(merged.contextNames()).containsExactly("first", "second", "shared");
        // The whole entry wins, not field by field: the second file's insecure flag does not leak in.
        KubeConfigCluster shared = merged.clusters().get("shared");
        assertThat(shared.server()).isEqualTo("https://first.example.com");
        assertThat(shared.insecureSkipTlsVerify()).isFalse();
        assertThat(shared.source()).isEqualTo(first);
        assertThat(merged.users().get("shared").token()).isEqualTo("first-token");
        assertThat(merged.users().get("shared").username()).isNull();

        RestConfig sharedContext = merged.restConfig("shared");
        assertThat(sharedContext.server()).isEqualTo(URI.create("https://first.example.com"));
        assertThat(sharedContext.bearerToken()).isEqualTo("first-token");
        assertThat(sharedContext.namespace()).isEqualTo("from-first");
    }

    @Test
    void reversingTheOrderReversesWhoWins() {
        KubeConfig merged = loaderWithKubeconfig(list(second, first)).load();

        assertThat(merged.clusters().get("shared").server()).isEqualTo("https://second.example.com");
        assertThat(merged.restConfig("shared").namespace()).isEqualTo("from-second");
    }

    @Test
    void currentContextComesFromTheFirstFileThatSetsOne() {
        Path third = write(home, "third/config", """
                current-context: first
                contexts:
                - name: third
                  context: {cluster: shared}
                """);

        KubeConfig merged = loaderWithKubeconfig(list(first, second, third)).load();
        assertThat(merged.currentContextName()).contains("second");
        RestConfig current = merged.restConfig();
        assertThat(current.server()).isEqualTo(URI.create("https://only-second.example.com"));
        assertThat(current.namespace()).isEqualTo("second-ns");

        assertThat(loaderWithKubeconfig(list(third, second)).load().currentContextName()).contains("first");
    }

    @Test
    void relativePathsAreResolvedAgainstTheFileThatDefinedTheEntry() {
        KubeConfig merged = loaderWithKubeconfig(list(first, second)).load();

        assertThat(merged.restConfig("first").caFile()).isEqualTo(first.getParent().resolve("pki/ca.crt"));
        assertThat(merged.restConfig("second").caFile()).isEqualTo(second.getParent().resolve("pki/ca.crt"));
    }

    @Test
    void originNamesTheFilesAndTheContext() {
        RestConfig config = loaderWithKubeconfig(list(first, second)).restConfig("first");

        assertThat(config.origin()).isEqualTo("kubeconfig " + first + File.pathSeparator + second + ", context first");
    }

    @Test
    void missingFilesInTheListAreSkippedAndDuplicatesAndEmptyEntriesIgnored() {
        Path missing = home.resolve("does-not-exist/config");

        KubeConfig merged = loaderWithKubeconfig(list(missing, "", first, first, "", second)).load();

        assertThat(merged.files()).containsExactly(first, second);
        assertThat(loaderWithKubeconfig(list(missing, "", first, first, second)).searchPath())
                .containsExactly(missing, first, second);
    }

    @Test
    void whenNoListedFileExistsTheMessageListsThem() {
        Path a = home.resolve("a/config");
        Path b = home.resolve("b/config");

        assertThatThrownBy(() -> loaderWithKubeconfig(list(a, b)).load())
                .isInstanceOf(KubeConfigException.class)
                .hasMessage("no kubeconfig found: $KUBECONFIG lists " + a + ", " + b + ", none of which exists; "
                        + "fix $KUBECONFIG or create the file");
    }

    @Test
    void whenNothingIsSetAndTheHomeFileIsMissingTheMessageSaysSo() {
        assertThatThrownBy(() -> Fixtures.loader(home).load())
                .isInstanceOf(KubeConfigException.class)
                .hasMessageStartingWith("no kubeconfig found: $KUBECONFIG is not set and "
                        + home.resolve(".kube/config") + " does not exist");
    }

    @Test
    void anExplicitFileIgnoresTheVariableAndMustExist() {
        KubeConfigLoader loader = loaderWithKubeconfig(second.toString());

        assertThat(loader.load(first).files()).containsExactly(first);
        // first sets no current-context; merged with $KUBECONFIG's second file it would get one.
        assertThatThrownBy(() -> loader.restConfig(first, null))
                .hasMessageStartingWith("no current-context is set in " + first + " and no context was given; "
                        + "contexts there: first, shared");
        assertThat(loader.restConfig(first, "first").server()).isEqualTo(URI.create("https://only-first.example.com"));
        Path missing = home.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.load(missing))
                .isInstanceOf(KubeConfigException.class)
                .hasMessageStartingWith("kubeconfig " + missing + " does not exist; it was given explicitly");
    }

    @Test
    void aContextOverrideSelectsAnotherContext() {
        KubeConfigLoader loader = loaderWithKubeconfig(list(first, second));

        assertThat(loader.restConfig().server()).isEqualTo(URI.create("https://only-second.example.com"));
        assertThat(loader.restConfig("first").server()).isEqualTo(URI.create("https://only-first.example.com"));
        assertThat(loader.restConfig("first").origin()).endsWith("context first");
    }

    @Test
    void anEmptyFileIsAnEmptyConfiguration() {
        Path empty = write(home, "empty.yaml", "");

        KubeConfig loaded = Fixtures.loader(home).load(empty);

        assertThat(loaded.contexts()).isEmpty();
        assertThat(loaded.currentContextName()).isEmpty();
        assertThatThrownBy(loaded::restConfig)
                .isInstanceOf(KubeConfigException.class)
                .hasMessageStartingWith("kubeconfig " + empty + " defines no contexts");
    }

    @Test
    void toolsCanListContextsAndTheCurrentOneWithoutBuildingAConfig() {
        KubeConfig merged = loaderWithKubeconfig(list(first, second)).load();

        assertThat(merged.contextNames()).containsExactly("first", "second", "shared");
        assertThat(merged.currentContextName()).contains("second");
        assertThat(merged.context("shared")).get().extracting(KubeConfigContext::source).isEqualTo(first);
    }
}
