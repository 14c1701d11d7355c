package dev.kubeclient.it;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.InClusterConfig;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.errors.ForbiddenException;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceList;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every way of getting a RestConfig, end to end against a real kube-apiserver: each one reaches {@code /version}
 * and lists namespaces, and a user without rights gets a typed 403.
 */
@IntegrationTest
class ClusterAccessIT {

    private static RealCluster cluster;
    private static KubeRestClient admin;

    @BeforeAll
    static void connectAsAdmin() {
        cluster = RealCluster.fromEnvironment();
        admin = KubeRestClient.create(cluster.adminConfig());
    }

    @AfterAll
    static void close() {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void adminTokenKubeconfigReachesVersionAndListsNamespaces() {
        assertReachesServer(admin.config());
    }

    @Test
    void clientCertificateKubeconfigReachesVersionAndListsNamespaces() {
        Path kubeconfig = cluster.envtestFileOrSkip("admin-cert.kubeconfig");
        RestConfig config = new KubeConfigLoader().restConfig(kubeconfig, null);
        assertThat(config.clientCertData() != null || config.clientCertFile() != null).isTrue();

        assertReachesServer(config);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the plugin is a shell script named by a relative path, "
            + "which is what this case is about")
    void execPluginThatPrintsTheAdminTokenReachesVersionAndListsNamespaces(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("admin.token"), cluster.adminBearerTokenOrSkip());
        // The admin kubeconfig's CA, as a file the plugin's kubeconfig names; none when the cluster's certificate is
        // publicly trusted.
        String caLine = "";
        if (admin.config().caFile() != null || admin.config().caData() != null) {
            Path ca = dir.resolve("ca.crt");
            if (admin.config().caFile() != null) {
                Files.copy(admin.config().caFile(), ca);
            } else {
                Files.write(ca, admin.config().caData());
            }
            caLine = "certificate-authority: " + ca;
        }
        Path runs = dir.resolve("runs");
        Path plugin = dir.resolve("token-plugin.sh");
        Files.writeString(plugin, """
                #!/bin/sh
                echo run >> '%s'
                printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%%s"}}' "$(cat '%s')"
                """.formatted(runs, token));
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Path kubeconfig = dir.resolve("exec.kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: envtest
                  cluster:
                    server: %s
                    %s
                users:
                - name: exec-user
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: ./token-plugin.sh
                      interactiveMode: Never
                contexts:
                - name: exec
                  context: {cluster: envtest, user: exec-user}
                current-context: exec
                """.formatted(admin.config().server(), caLine));

        RestConfig config = new KubeConfigLoader().restConfig(kubeconfig, null);
        assertReachesServer(config);
        // One run for both requests: the credential is cached.
        assertThat(Files.readAllLines(runs)).hasSize(1);
    }

    @Test
    void simulatedInClusterSetupWithATokenRequestTokenReachesVersionAndListsNamespaces(@TempDir Path saDir) throws Exception {
        String namespace = RealCluster.uniqueName("incluster");
        String name = "reader";
        admin.post().version("v1").resource("namespaces")
                .body(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).bytes();
        admin.post().version("v1").namespace(namespace).resource("serviceaccounts")
                .body(new ServiceAccountBuilder().withNewMetadata().withName(name).endMetadata().build()).bytes();
        String role = namespace + "-ns-reader";
        admin.post().group("rbac.authorization.k8s.io").version("v1").resource("clusterroles")
                .body(new ClusterRoleBuilder().withNewMetadata().withName(role).endMetadata()
                        .addNewRule().withApiGroups("").withResources("namespaces").withVerbs("get", "list").endRule()
                        .build()).bytes();
        admin.post().group("rbac.authorization.k8s.io").version("v1").resource("clusterrolebindings")
                .body(new ClusterRoleBindingBuilder().withNewMetadata().withName(role).endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", role)
                        .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(namespace).endSubject()
                        .build()).bytes();
        TokenRequest issued = admin.post().version("v1").namespace(namespace).resource("serviceaccounts").name(name)
                .subresource("token")
                .body(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .as(TokenRequest.class);

        Files.writeString(saDir.resolve("token"), issued.getStatus().getToken());
        RestConfig adminConfig = admin.config();
        if (adminConfig.caFile() != null) {
            Files.copy(adminConfig.caFile(), saDir.resolve("ca.crt"));
        } else {
            Files.write(saDir.resolve("ca.crt"), adminConfig.caData());
        }
        Files.writeString(saDir.resolve("namespace"), namespace);
        ConfigEnvironment pod = ConfigEnvironment.of(Map.of(
                        InClusterConfig.SERVICE_HOST_ENV, admin.config().server().getHost(),
                        InClusterConfig.SERVICE_PORT_ENV, String.valueOf(admin.config().server().getPort())),
                saDir).withServiceAccountDirectory(saDir);

        RestConfig config = new InClusterConfig(pod).load();
        assertThat(config.namespace()).isEqualTo(namespace);
        assertThat(config.bearerTokenFile()).isEqualTo(saDir.resolve("token"));
        assertReachesServer(config);
    }

    @Test
    void limitedUserGetsATypedForbiddenErrorOutsideItsRights() {
        RestConfig config = new KubeConfigLoader().restConfig(cluster.envtestFileOrSkip("limited.kubeconfig"), null);
        try (KubeRestClient limited = KubeRestClient.create(config)) {
            // It may read in "default"...
            assertThat(limited.get().version("v1").namespace("default").resource("configmaps").as(ConfigMapList.class)).isNotNull();
            // ...and nothing else.
            assertThatThrownBy(() -> limited.get().version("v1").resource("namespaces").as(NamespaceList.class))
                    .isInstanceOf(ForbiddenException.class)
                    .satisfies(e -> assertThat(ApiErrors.isForbidden(e)).isTrue())
                    .hasMessageContaining("403")
                    .hasMessageContaining("namespaces");
        }
    }

    private static void assertReachesServer(RestConfig config) {
        try (KubeRestClient client = KubeRestClient.create(config)) {
            Map<?, ?> version = client.get().absPath("/version").as(Map.class);
            assertThat(version.get("gitVersion")).asString().startsWith("v1.");
            NamespaceList namespaces = client.get().version("v1").resource("namespaces").as(NamespaceList.class);
            assertThat(namespaces.getItems()).extracting(n -> n.getMetadata().getName()).contains("kube-system");
        }
    }
}
