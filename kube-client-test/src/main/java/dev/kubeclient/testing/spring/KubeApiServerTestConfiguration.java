package dev.kubeclient.testing.spring;

import dev.kubeclient.autoconfigure.KubeClientConnectionDetails;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.testing.server.KubeApiServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportAware;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.core.type.AnnotationMetadata;

/**
 * The beans of {@link AutoConfigureKubeApiServer}: the server and the connection details that point the starter at
 * it. Imported by the annotation; not meant to be used directly.
 */
@Configuration(proxyBeanMethods = false)
class KubeApiServerTestConfiguration implements ImportAware {

    private boolean demoObjects;
    private boolean apfEmulation;

    @Override
    public void setImportMetadata(AnnotationMetadata metadata) {
        AnnotationAttributes attributes = AnnotationAttributes.fromMap(
                metadata.getAnnotationAttributes(AutoConfigureKubeApiServer.class.getName()));
        if (attributes != null) {
            demoObjects = attributes.getBoolean("demoObjects");
            apfEmulation = attributes.getBoolean("apfEmulation");
        }
    }

    @Bean(destroyMethod = "close")
    KubeApiServer kubeApiServer() {
        KubeApiServer server = KubeApiServer.builder().apfEmulation(apfEmulation).start();
        if (demoObjects) {
            server.seedDemoObjects();
        }
        return server;
    }

    @Bean
    KubeClientConnectionDetails kubeApiServerConnectionDetails(KubeApiServer server) {
        RestConfig config = server.restConfig();
        return () -> config;
    }
}
