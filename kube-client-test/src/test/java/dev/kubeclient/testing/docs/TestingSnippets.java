package dev.kubeclient.testing.docs;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.testing.junit.EnableKubeApiServer;
import dev.kubeclient.testing.junit.KubeconfigPath;
import dev.kubeclient.testing.server.AccessRule;
import dev.kubeclient.testing.server.ApiUser;
import dev.kubeclient.testing.server.KubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java examples of {@code docs/testing.md}, compiled here (never run from this file: the same code runs in
 * {@code PerClassServerTest} and {@code KubeApiServerTest}); {@code DocsSnippetsTest} in core checks that the page
 * quotes these regions exactly.
 */
@SuppressWarnings("unused")
final class TestingSnippets {

    private TestingSnippets() {
    }

    // tag::junit[]
    @EnableKubeApiServer
    class PerClassServerTest {

        static KubeApiServer sharedServer;   // static fields: filled before all tests
        Clientset clientset;                 // instance fields: filled before each test
        RestConfig config;

        @Test
        void fieldsAreInjected(KubeApiServer server) {
            clientset.coreV1().configMaps("default").create(new ConfigMapBuilder()
                    .withNewMetadata().withName("kept").endMetadata().build());
        }

        @Test
        void kubeconfigPathIsReadable(@KubeconfigPath Path kubeconfig) throws Exception {
            try (Clientset fromFile = Clientset.create(new KubeConfigLoader().restConfig(kubeconfig, null))) {
                assertThat(fromFile.coreV1().configMaps("default").get("kept")).isNotNull();
            }
        }
    }
    // end::junit[]

    static void builder() {
        // tag::builder[]
        try (KubeApiServer server = KubeApiServer.builder()
                .user(ApiUser.withToken("alice", "alice-token",
                        AccessRule.readOnly(List.of("configmaps"), List.of("default"))))
                .user(ApiUser.withClientCertificate("bob",
                        AccessRule.of(List.of("*"), List.of("configmaps"), List.of("*"))))
                .historySize(1_000)
                .bookmarkInterval(Duration.ofSeconds(5))
                .start()) {
            Clientset admin = server.clientset();                       // full access
            Clientset alice = Clientset.create(server.restConfig("alice"));  // 403 outside her rule
        }
        // end::builder[]
    }

    static void faults(KubeApiServer server, Clientset clientset) {
        // tag::faults[]
        server.faults().on("GET", "/api/v1/namespaces/*/configmaps").times(1).tooManyRequests(Duration.ofSeconds(2));
        server.faults().on("GET", "/api/v1/namespaces/default/configmaps/**").times(2).status(503);
        server.faults().on("POST", "/api/v1/namespaces/default/configmaps").cutConnection();
        server.faults().on("GET", "/version").delay(Duration.ofMillis(200));

        server.clearRequests();
        clientset.coreV1().configMaps("default").list(ListOptions.builder().labelSelector("a=b").build());
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.query()).isEqualTo("labelSelector=a%3Db");
            assertThat(r.header("Authorization")).isEqualTo("<redacted>");
            assertThat(r.protocol()).isEqualTo("HTTP/2.0");
        });
        // end::faults[]
    }

    static void zeroSetup() {
        // tag::zero-setup[]
        KubeApiServer server = KubeApiServer.startWithDemoObjects();
        RestConfig config = server.restConfig();   // namespace "demo": ConfigMaps app-config and feature-flags,
                                                   // Deployment web (2 replicas) and its two Pods
        // end::zero-setup[]
    }
}
