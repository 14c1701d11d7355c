package dev.kubeclient.config;

import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kubeconfigs the envtest server writes (token, client certificate, limited token) parse into the settings the
 * server expects. Proves the loader against files made by real tooling rather than by us. Needs envtest's run
 * folder; skipped with a message against any other cluster.
 */
@IntegrationTest
class KubeConfigEnvtestIT {

    @Test
    void envtestKubeconfigsLoadWithServerCaTokenAndCertificate(RealCluster cluster) throws Exception {
        Path run = cluster.runDir();
        KubeConfigLoader loader = new KubeConfigLoader(ConfigEnvironment.of(Map.of(), run));
        byte[] ca = Files.readAllBytes(cluster.envtestFileOrSkip("pki/ca.crt"));
        cluster.envtestFileOrSkip("admin-cert.kubeconfig");
        cluster.envtestFileOrSkip("limited.kubeconfig");

        RestConfig admin = loader.restConfig(cluster.envtestFileOrSkip("admin.kubeconfig"), null);
        // envtest listens on loopback; its port is configurable (ENVTEST_API_PORT), so it is not asserted.
        assertThat(admin.server().getScheme()).isEqualTo("https");
        assertThat(admin.server().getHost()).isEqualTo("127.0.0.1");
        assertThat(admin.caData()).isEqualTo(ca);
        assertThat(admin.bearerToken()).isEqualTo(Files.readString(run.resolve("pki/admin.token")).trim());
        assertThat(admin.namespace()).isEqualTo("default");
        assertThat(admin.origin()).endsWith("admin.kubeconfig, context admin@envtest");

        RestConfig adminCert = loader.restConfig(run.resolve("admin-cert.kubeconfig"), null);
        assertThat(adminCert.caData()).isEqualTo(ca);
        assertThat(adminCert.bearerToken()).isNull();
        assertThat(adminCert.clientCertData()).isEqualTo(Files.readAllBytes(run.resolve("pki/admin-cert.crt")));
        assertThat(adminCert.clientKeyData()).isEqualTo(Files.readAllBytes(run.resolve("pki/admin-cert.key")));

        KubeConfig limitedFile = loader.load(run.resolve("limited.kubeconfig"));
        assertThat(limitedFile.contextNames()).containsExactly("limited@envtest");
        RestConfig limited = limitedFile.restConfig();
        assertThat(limited.bearerToken()).isEqualTo(Files.readString(run.resolve("pki/limited.token")).trim());
        assertThat(limited.toString()).doesNotContain(limited.bearerToken());
    }
}
