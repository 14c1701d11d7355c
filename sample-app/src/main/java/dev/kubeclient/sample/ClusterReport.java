package dev.kubeclient.sample;

import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.discovery.Discovery;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.stream.Collectors;

/** What the sample does once at start-up: read the cluster, then server-side apply one ConfigMap. */
@Component
class ClusterReport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ClusterReport.class);

    static final String CONFIG_MAP = "kube-client-sample";

    private final RestConfig config;
    private final Clientset clientset;
    private final Discovery discovery;
    private final SampleProperties properties;

    ClusterReport(RestConfig config, Clientset clientset, Discovery discovery, SampleProperties properties) {
        this.config = config;
        this.clientset = clientset;
        this.discovery = discovery;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Connected to {} ({})", config.server(), config.origin());
        log.info("Server version: {}", discovery.serverVersion().gitVersion());

        String namespaces = clientset.coreV1().namespaces().list().getItems().stream()
                .map(Namespace::getMetadata).map(m -> m.getName()).sorted().collect(Collectors.joining(", "));
        log.info("Namespaces: {}", namespaces);

        String namespace = properties.namespace() != null ? properties.namespace() : config.namespace();
        ConfigMap desired = new ConfigMapBuilder()
                .withNewMetadata().withName(CONFIG_MAP).withNamespace(namespace).endMetadata()
                .addToData("appliedAt", Instant.now().toString())
                .addToData("greeting", "hello from kube-client")
                .build();
        ConfigMap applied = clientset.coreV1().configMaps(namespace).apply(desired, ApplyOptions.DEFAULTS);
        String owners = applied.getMetadata().getManagedFields().stream()
                .map(ManagedFieldsEntry::getManager).distinct().collect(Collectors.joining(", "));
        log.info("Applied ConfigMap {}/{} (resourceVersion {}), fields managed by: {}", namespace, CONFIG_MAP,
                applied.getMetadata().getResourceVersion(), owners);
    }
}
