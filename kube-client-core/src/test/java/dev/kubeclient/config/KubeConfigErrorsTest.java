package dev.kubeclient.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kubeclient.config.Fixtures.fixture;
import static dev.kubeclient.config.Fixtures.withCluster;
import static dev.kubeclient.config.Fixtures.withUser;
import static dev.kubeclient.config.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every bad kubeconfig input gets a {@link KubeConfigException} that names the file, the entry, the field and a fix. */
class KubeConfigErrorsTest {

    @TempDir
    Path dir;

    private Path file;

    /** Writes {@code yaml} as {@code dir/config}, loads it and builds the current (or given) context. */
    private KubeConfigException failure(String yaml, String context) {
        file = write(dir, "config", yaml);
        KubeConfigException e = catchThrowableOfType(KubeConfigException.class,
                () -> Fixtures.loader(dir).load(file).restConfig(context));
        assertThat(e).as("expected a KubeConfigException").isNotNull();
        return e;
    }

    private KubeConfigException failure(String yaml) {
        return failure(yaml, null);
    }

    private static final String THREE_CONTEXTS = """
            current-context: dev
            clusters:
            - name: c
              cluster: {server: "https://c.example.com"}
            users:
            - name: u
              user: {token: fixture-secret-token}
            contexts:
            - name: staging
              context: {cluster: c, user: u}
            - name: dev
              context: {cluster: c, user: u}
            """;

    // --- contexts -------------------------------------------------------------------------------------------

    @Test
    void unknownContextListsTheContextsThere() {
        KubeConfigException e = failure(THREE_CONTEXTS, "prod");

        assertThat(e).hasMessage("context 'prod' not found in " + file + "; contexts there: dev, staging");
    }

    @Test
    void currentContextNamingAMissingContextSaysWhereItCameFrom() {
        KubeConfigException e = failure(THREE_CONTEXTS.replace("current-context: dev", "current-context: gone"));

        assertThat(e).hasMessage("current-context 'gone' names a context that is not defined in " + file
                + "; contexts there: dev, staging");
    }

    @Test
    void noCurrentContextAndNoneGivenListsTheContexts() {
        KubeConfigException e = failure(THREE_CONTEXTS.replace("current-context: dev", ""));

        assertThat(e).hasMessage("no current-context is set in " + file + " and no context was given; contexts there: "
                + "dev, staging; select one with `kubectl config use-context NAME` or pass a context name");
    }

    @Test
    void contextNamingAMissingClusterListsTheClusters() {
        KubeConfigException e = failure(THREE_CONTEXTS.replace("{cluster: c, user: u}\n- name: dev\n  context: {cluster: c",
                "{cluster: c, user: u}\n- name: dev\n  context: {cluster: nope"));

        assertThat(e).hasMessage("context 'dev' in " + file + " names cluster 'nope', which is not defined in "
                + file + "; clusters there: c");
    }

    @Test
    void contextNamingAMissingUserListsTheUsers() {
        KubeConfigException e = failure(THREE_CONTEXTS.replace("- name: dev\n  context: {cluster: c, user: u}",
                "- name: dev\n  context: {cluster: c, user: ghost}"));

        assertThat(e).hasMessage("context 'dev' in " + file + " names user 'ghost', which is not defined in "
                + file + "; users there: u");
    }

    @Test
    void contextWithoutClusterSaysWhichClustersExist() {
        KubeConfigException e = failure(THREE_CONTEXTS.replace("- name: dev\n  context: {cluster: c, user: u}",
                "- name: dev\n  context: {user: u}"));

        assertThat(e).hasMessage("context 'dev' in " + file + " names no cluster; set its cluster to one of: c");
    }

    // --- file level -----------------------------------------------------------------------------------------

    @Test
    void brokenYamlNamesTheFileAndLineButNotTheLineContent() {
        Path broken = fixture("broken.yaml");

        assertThatThrownBy(() -> Fixtures.loader(dir).load(broken))
                .isInstanceOf(KubeConfigException.class)
                .hasMessageStartingWith("kubeconfig " + broken + " is not valid YAML at line 6, column ")
                .hasMessageContaining("mapping values are not allowed here")
                .hasMessageEndingWith("; fix the file or point $KUBECONFIG elsewhere")
                .hasNoCause()
                .message().doesNotContain("fixture-secret");
    }

    @Test
    void aTabInTheIndentationIsReportedOnItsOwnLineAsKubectlDoes() {
        // Line 7 is indented with a tab, which YAML forbids; kubectl reports line 7.
        Path tabbed = write(dir, "tabbed.yaml", """
                apiVersion: v1
                kind: Config
                current-context: ctx
                clusters:
                - name: c
                  cluster:
                \tserver: https://c.example.com
                """);

        assertThatThrownBy(() -> Fixtures.loader(dir).load(tabbed))
                .isInstanceOf(KubeConfigException.class)
                .hasMessageStartingWith("kubeconfig " + tabbed + " is not valid YAML at line 7, column 1");
    }

    @Test
    void topLevelThatIsNotAMappingIsRejected() {
        assertThat(failure("- a\n- b\n")).hasMessage("kubeconfig " + file + " is not a kubeconfig: its top level must "
                + "be a mapping with clusters, users and contexts");
    }

    @Test
    void aFileOfAnotherKindIsRejected() {
        assertThat(failure("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n"))
                .hasMessage("kubeconfig " + file + " has kind 'Pod', expected 'Config'; is it the right file?");
    }

    @Test
    void aFolderInsteadOfAFileIsReported() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));

        assertThatThrownBy(() -> Fixtures.loader(dir).load(folder))
                .isInstanceOf(KubeConfigException.class)
                .hasMessageStartingWith("cannot read kubeconfig " + folder);
    }

    @Test
    void listsThatAreNotListsAndEntriesWithoutNamesAreReported() {
        assertThat(failure("clusters: {c: {server: x}}\n"))
                .hasMessage("field 'clusters' of kubeconfig " + file + " must be a list of entries with name and cluster");
        assertThat(failure("users:\n- user: {token: fixture-secret}\n"))
                .hasMessage("users[0] in " + file + " has no name; every entry in users needs one");
        assertThat(failure("contexts:\n- name: a\n  context: {}\n- just-a-string\n"))
                .hasMessage("contexts[1] in " + file + " must be a mapping with name and context");
    }

    @Test
    void aNameDefinedTwiceInOneFileIsReported() {
        assertThat(failure("clusters:\n- name: c\n  cluster: {server: https://a}\n- name: c\n  cluster: {server: https://b}\n"))
                .hasMessage("cluster 'c' is defined twice in " + file + "; remove one of the entries");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedWithoutItsValue() {
        assertThat(failure(withUser("token: 123456789")))
                .hasMessage("field 'token' of user 'u' in " + file + " must be a string; put the value in quotes")
                .message().doesNotContain("123456789");
        assertThat(failure(withCluster("server: https://c\ninsecure-skip-tls-verify: \"yes\"")))
                .hasMessage("field 'insecure-skip-tls-verify' of cluster 'c' in " + file + " must be true or false");
        assertThat(failure(withUser("as-groups: admins")))
                .hasMessage("field 'as-groups' of user 'u' in " + file + " must be a list of strings");
    }

    // --- base64 ---------------------------------------------------------------------------------------------

    @Test
    void badBase64NamesTheFieldTheEntryAndTheFile() {
        assertThat(failure(withCluster("server: https://c\ncertificate-authority-data: not*base64")))
                .hasMessage("field 'certificate-authority-data' of cluster 'c' in " + file + " is not valid base64; it "
                        + "must hold the PEM text encoded with base64 (for example the output of `base64 -w0 file.pem`)");
        assertThat(failure(withUser("client-certificate-data: '%%%'\nclient-key-data: LS0t")))
                .hasMessageStartingWith("field 'client-certificate-data' of user 'u' in " + file + " is not valid base64");
        assertThat(failure(withUser("client-certificate-data: LS0t\nclient-key-data: fixture-secret-key!")))
                .hasMessageStartingWith("field 'client-key-data' of user 'u' in " + file + " is not valid base64")
                .message().doesNotContain("fixture-secret");
    }

    @Test
    void base64WrappedOverSeveralLinesIsAccepted() {
        file = write(dir, "config", withCluster("server: https://c\ncertificate-authority-data: |\n  LS0tLS1C\n  RUdJTg=="));

        assertThat(new String(Fixtures.loader(dir).load(file).restConfig().caData())).isEqualTo("-----BEGIN");
    }

    // --- clusters -------------------------------------------------------------------------------------------

    @Test
    void clusterWithoutServerIsReported() {
        assertThat(failure(withCluster("insecure-skip-tls-verify: true")))
                .hasMessage("cluster 'c' in " + file + " has no server; set server: https://HOST:PORT");
    }

    @Test
    void serverWithoutSchemeSuggestsHttps() {
        assertThat(failure(withCluster("server: api.example.com:6443")))
                .hasMessage("server 'api.example.com:6443' of cluster 'c' in " + file + " must start with https:// "
                        + "(or http://), for example https://api.example.com:6443");
        assertThat(failure(withCluster("server: 'https://bad host'")))
                .hasMessageStartingWith("server 'https://bad host' of cluster 'c' in " + file + " is not a valid URL");
    }

    @Test
    void proxyUrlWithAnUnsupportedSchemeIsReportedWithoutRepeatingIt() {
        assertThat(failure(withCluster("server: https://c\nproxy-url: ftp://user:fixture-secret@proxy:21")))
                .hasMessage("proxy-url of cluster 'c' in " + file + " must be an http://, https:// or socks5:// URL "
                        + "with a host");
    }

    @Test
    void certificateAuthorityFileAndDataTogetherAreReported() {
        write(dir, "ca.crt", "pem");
        assertThat(failure(withCluster("server: https://c\ncertificate-authority: ca.crt\ncertificate-authority-data: LS0t")))
                .hasMessage("cluster 'c' in " + file + " sets both certificate-authority and "
                        + "certificate-authority-data; keep one of them");
    }

    @Test
    void insecureTogetherWithACertificateAuthorityIsReported() {
        assertThat(failure(withCluster("server: https://c\ninsecure-skip-tls-verify: true\ncertificate-authority-data: LS0t")))
                .hasMessageStartingWith("cluster 'c' in " + file + " sets insecure-skip-tls-verify together with a "
                        + "certificate authority");
    }

    // --- referenced files -----------------------------------------------------------------------------------

    @Test
    void missingCertificateAuthorityFileNamesTheFieldAndTheResolvedPath() {
        assertThat(failure(withCluster("server: https://c\ncertificate-authority: pki/missing-ca.crt")))
                .hasMessage("certificate-authority of cluster 'c' in " + file + " names " + dir.resolve("pki/missing-ca.crt")
                        + ", which does not exist; fix the path (a relative path is resolved against the folder of the "
                        + "kubeconfig that defines it)");
    }

    @Test
    void missingClientCertificateAndKeyFilesAreNamed() {
        write(dir, "client.key", "key");
        write(dir, "client.crt", "crt");
        assertThat(failure(withUser("client-certificate: nope.crt\nclient-key: client.key")))
                .hasMessageStartingWith("client-certificate of user 'u' in " + file + " names " + dir.resolve("nope.crt")
                        + ", which does not exist");
        assertThat(failure(withUser("client-certificate: client.crt\nclient-key: /nowhere/client.key")))
                .hasMessageStartingWith("client-key of user 'u' in " + file + " names /nowhere/client.key, which does "
                        + "not exist");
    }

    @Test
    void missingTokenFileIsNamed() {
        assertThat(failure(withUser("tokenFile: secrets/token")))
                .hasMessageStartingWith("tokenFile of user 'u' in " + file + " names " + dir.resolve("secrets/token")
                        + ", which does not exist");
    }

    @Test
    void aFolderWhereAFileIsExpectedIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("token-dir"));
        assertThat(failure(withUser("tokenFile: token-dir")))
                .hasMessageStartingWith("tokenFile of user 'u' in " + file + " names " + dir.resolve("token-dir")
                        + ", which is not a regular file");
    }

    // --- users ----------------------------------------------------------------------------------------------

    @Test
    void tokenAndBasicAuthTogetherAreReported() {
        assertThat(failure(withUser("token: fixture-secret\nusername: u\npassword: fixture-secret-pw")))
                .hasMessage("user 'u' in " + file + " sets both a token and username/password; only one of these "
                        + "authentication methods is allowed")
                .message().doesNotContain("fixture-secret");
    }

    @Test
    void certificateWithoutKeyAndKeyWithoutCertificateAreReported() {
        assertThat(failure(withUser("client-certificate-data: LS0t")))
                .hasMessage("user 'u' in " + file + " has a client certificate but no client-key or client-key-data; "
                        + "add the private key that belongs to it");
        assertThat(failure(withUser("client-key-data: LS0t")))
                .hasMessage("user 'u' in " + file + " has a client key but no client-certificate or "
                        + "client-certificate-data; add the certificate that belongs to it");
    }

    @Test
    void certificateOrKeyAsBothFileAndDataIsReported() {
        write(dir, "c.crt", "crt");
        write(dir, "c.key", "key");
        assertThat(failure(withUser("client-certificate: c.crt\nclient-certificate-data: LS0t\nclient-key: c.key")))
                .hasMessage("user 'u' in " + file + " sets both client-certificate and client-certificate-data; "
                        + "keep one of them");
        assertThat(failure(withUser("client-certificate: c.crt\nclient-key: c.key\nclient-key-data: LS0t")))
                .hasMessage("user 'u' in " + file + " sets both client-key and client-key-data; keep one of them");
    }

    @Test
    void impersonationExtrasWithoutAUserAreReported() {
        assertThat(failure(withUser("token: t\nas-groups: [admins]")))
                .hasMessage("user 'u' in " + file + " sets as-uid, as-groups or as-user-extra without as; "
                        + "impersonating needs a user name in as");
    }

    @Test
    void removedGcpAuthProviderPointsToItsExecPlugin() {
        assertThat(failure(withUser("auth-provider:\n  name: gcp\n  config: {access-token: fixture-secret}")))
                .hasMessageStartingWith("user 'u' in " + file + " uses auth-provider 'gcp': client-go removed the "
                        + "in-tree 'gcp' auth provider")
                .hasMessageContaining("gke-gcloud-auth-plugin")
                .message().doesNotContain("fixture-secret");
    }

    @Test
    void removedAzureAuthProviderPointsToKubelogin() {
        assertThat(failure(withUser("auth-provider:\n  name: azure\n  config: {tenant-id: t}")))
                .hasMessageStartingWith("user 'u' in " + file + " uses auth-provider 'azure': client-go removed the "
                        + "in-tree 'azure' auth provider")
                .hasMessageContaining("kubelogin");
    }

    @Test
    void authProviderWithoutNameIsReported() {
        assertThat(failure(withUser("auth-provider:\n  config: {a: b}")))
                .hasMessageStartingWith("the auth-provider of user 'u' in " + file + " has no name");
    }

    @Test
    void authProviderConfigValuesMustBeStrings() {
        assertThat(failure(withUser("auth-provider:\n  name: oidc\n  config: {expires: 42}")))
                .hasMessage("field 'config' of the auth-provider of user 'u' in " + file + " must map names to strings, "
                        + "but 'expires' is not a string; put its value in quotes");
    }

    @Test
    void execAndAuthProviderTogetherAreReported() {
        assertThat(failure(withUser("""
                exec: {apiVersion: client.authentication.k8s.io/v1, command: p, interactiveMode: Never}
                auth-provider: {name: oidc}""")))
                .hasMessage("user 'u' in " + file + " sets both exec and auth-provider; keep one of them");
    }

    // --- exec -----------------------------------------------------------------------------------------------

    @Test
    void execWithoutCommandIsReported() {
        assertThat(failure(withUser("exec: {apiVersion: client.authentication.k8s.io/v1, interactiveMode: Never}")))
                .hasMessage("the exec plugin of user 'u' in " + file + " has no command; set exec.command to the "
                        + "plugin's executable");
    }

    @Test
    void execWithoutApiVersionIsReported() {
        assertThat(failure(withUser("exec: {command: plugin, interactiveMode: Never}")))
                .hasMessage("the exec plugin of user 'u' in " + file + " has no apiVersion; set exec.apiVersion "
                        + "(usually client.authentication.k8s.io/v1)");
    }

    @Test
    void v1ExecWithoutInteractiveModeIsReportedAsClientGoDoes() {
        assertThat(failure(withUser("exec: {apiVersion: client.authentication.k8s.io/v1, command: plugin}")))
                .hasMessage("the exec plugin of user 'u' in " + file + " has no interactiveMode, which "
                        + "client.authentication.k8s.io/v1 requires; add interactiveMode: IfAvailable (or Never, or Always)");
    }

    @Test
    void unknownInteractiveModeListsTheAllowedValues() {
        assertThat(failure(withUser("exec: {apiVersion: client.authentication.k8s.io/v1, command: p, interactiveMode: Sometimes}")))
                .hasMessage("the exec plugin of user 'u' in " + file + " has interactiveMode 'Sometimes'; use one of "
                        + "Never, IfAvailable, Always");
    }

    @Test
    void execEnvEntryWithoutNameIsReported() {
        assertThat(failure(withUser("""
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: p
                  interactiveMode: Never
                  env:
                  - {value: fixture-secret}""")))
                .hasMessage("env[0] of the exec plugin of user 'u' in " + file + " has no name; every env entry needs "
                        + "name and value")
                .message().doesNotContain("fixture-secret");
    }

    @Test
    void aBrokenEntryThatTheSelectedContextDoesNotUseIsNotInTheWay() {
        file = write(dir, "config", """
                current-context: good
                clusters:
                - name: c
                  cluster: {server: https://c.example.com}
                - name: no-server
                  cluster: {}
                users:
                - name: ok
                  user: {token: t}
                - name: old-gcp
                  user:
                    auth-provider: {name: gcp}
                - name: old-exec
                  user:
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: p}
                contexts:
                - name: good
                  context: {cluster: c, user: ok}
                - name: legacy
                  context: {cluster: no-server, user: old-gcp}
                """);

        KubeConfig config = Fixtures.loader(dir).load(file);

        assertThat(config.restConfig().bearerToken()).isEqualTo("t");
        assertThatThrownBy(() -> config.restConfig("legacy")).hasMessageContaining("has no server");
    }
}
