package dev.kubeclient.sample;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.discovery.Discovery;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/**
 * What the sample does once at start-up: say which cluster, context, namespace and kind of credentials it uses
 * (never the credentials themselves), then server-side apply the ConfigMap it owns, with the field manager from
 * {@code kube.client.field-manager}.
 */
@Component
@Order(1)
class StartupReport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final RestConfig config;
    private final Clientset clientset;
    private final Discovery discovery;
    private final SampleProperties properties;

    StartupReport(RestConfig config, Clientset clientset, Discovery discovery, SampleProperties properties) {
        this.config = config;
        this.clientset = clientset;
        this.discovery = discovery;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Cluster: {} (Kubernetes {}), from {}", config.server(), discovery.serverVersion().gitVersion(),
                config.origin());
        log.info("Namespace: {}; credentials: {}; field manager: {}", config.namespace(), authMethod(config),
                config.fieldManager());

        ConfigMap desired = new ConfigMapBuilder()
                .withNewMetadata().withName(properties.configMap()).withNamespace(config.namespace()).endMetadata()
                .addToData("greeting", "hello from kube-client")
                .build();
        ConfigMap applied = clientset.coreV1().configMaps(config.namespace()).apply(desired);
        String owners = applied.getMetadata().getManagedFields().stream()
                .map(ManagedFieldsEntry::getManager).distinct().collect(Collectors.joining(", "));
        log.info("Applied ConfigMap {}/{} (resourceVersion {}); its fields are managed by: {}", config.namespace(),
                properties.configMap(), applied.getMetadata().getResourceVersion(), owners);
    }

    /** The kind of credentials, for the log: what a reader needs to debug a 401, never a secret. */
    static String authMethod(RestConfig config) {
        if (config.exec() != null) {
            return "exec plugin '" + config.exec().command() + "'";
        }
        if (config.authProvider() != null) {
            return "auth provider '" + config.authProvider().name() + "'";
        }
        if (config.bearerTokenFile() != null) {
            return "bearer token file " + config.bearerTokenFile();
        }
        if (config.bearerToken() != null) {
            return "bearer token";
        }
        if (config.clientCertData() != null || config.clientCertFile() != null) {
            return "client certificate";
        }
        if (config.username() != null) {
            return "basic auth as '" + config.username() + "'";
        }
        return "none (anonymous)";
    }
}
