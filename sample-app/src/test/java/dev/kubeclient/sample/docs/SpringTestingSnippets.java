package dev.kubeclient.sample.docs;

import dev.kubeclient.autoconfigure.KubeClientConnectionDetails;
import dev.kubeclient.testing.server.KubeApiServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot example of {@code docs/testing.md}, compiled here, where both the starter and the test kit are
 * on the class path; {@code DocsSnippetsTest} in core checks that the page quotes it exactly.
 */
final class SpringTestingSnippets {

    private SpringTestingSnippets() {
    }

    // tag::spring[]
    @TestConfiguration
    class TestKubeServer {
        @Bean(destroyMethod = "close")
        KubeApiServer kubeApiServer() {
            return KubeApiServer.start();
        }

        @Bean
        KubeClientConnectionDetails kubeClientConnectionDetails(KubeApiServer server) {
            return server::restConfig;
        }
    }
    // end::spring[]
}
