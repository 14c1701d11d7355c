package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.DetectedConfig;
import dev.kubeclient.config.RestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link KubeClientConnectionDetails}: the kubeconfig or in-cluster configuration chosen by
 * {@code kube.client.mode}, {@code kubeconfig} and {@code context}, with {@code server},
 * {@code insecure-skip-tls-verify} and {@code tls-server-name} applied on top. Located once, on first use.
 */
final class PropertiesKubeClientConnectionDetails implements KubeClientConnectionDetails {

    private static final Logger log = LoggerFactory.getLogger(PropertiesKubeClientConnectionDetails.class);

    private final KubeClientProperties properties;
    private final ConfigEnvironment environment;
    private volatile RestConfig restConfig;

    PropertiesKubeClientConnectionDetails(KubeClientProperties properties, ConfigEnvironment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public RestConfig getRestConfig() {
        RestConfig config = restConfig;
        if (config == null) {
            synchronized (this) {
                if (restConfig == null) {
                    restConfig = locate();
                }
                config = restConfig;
            }
        }
        return config;
    }

    private RestConfig locate() {
        DetectedConfig detected = new ConfigLocator(environment)
                .locate(properties.getMode(), properties.getKubeconfig(), properties.getContext());
        log.info("Kubernetes configuration from {}", detected.origin().describe());
        RestConfig.Builder builder = detected.config().toBuilder();
        if (properties.getServer() != null) {
            builder.server(properties.getServer());
        }
        if (properties.isInsecureSkipTlsVerify()) {
            log.warn("kube.client.insecure-skip-tls-verify is true: the API server's certificate is not verified; "
                    + "use this only with test clusters");
            // The property asks to trust any server; a CA from the kubeconfig would contradict it.
            builder.insecureSkipTlsVerify(true).caData(null).caFile(null);
        }
        if (properties.getTlsServerName() != null && !properties.getTlsServerName().isBlank()) {
            builder.tlsServerName(properties.getTlsServerName().trim());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            if (properties.getServer() == null) {
                throw e;
            }
            throw new InvalidKubeClientPropertyException("kube.client.server", properties.getServer(), e.getMessage(),
                    "Set kube.client.server to an absolute https URL with a host, such as https://10.0.0.1:6443.");
        }
    }

    @Override
    public String toString() {
        return "PropertiesKubeClientConnectionDetails[mode=" + properties.getMode() + "]";
    }
}
