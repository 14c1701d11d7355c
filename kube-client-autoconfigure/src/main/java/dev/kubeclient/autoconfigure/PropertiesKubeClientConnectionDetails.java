package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.ConfigNotFoundException;
import dev.kubeclient.config.ConfigOrigin;
import dev.kubeclient.config.ConfigSource;
import dev.kubeclient.config.ContextNotFoundException;
import dev.kubeclient.config.DetectedConfig;
import dev.kubeclient.config.KubeConfigException;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.config.RestConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The default {@link KubeClientConnectionDetails}: the configuration the core's {@link RestConfigs#detect} finds for
 * {@code kube.client.mode} ({@code auto}: controller-runtime's order), {@code kubeconfig} and {@code context}, with
 * {@code server}, {@code insecure-skip-tls-verify} and {@code tls-server-name} applied on top. Detected once, on
 * first use; the core logs which source won. The core's errors become the starter's typed exceptions, which name
 * the property to change and have a failure analysis.
 */
final class PropertiesKubeClientConnectionDetails implements KubeClientConnectionDetails {

    private static final Logger log = LoggerFactory.getLogger(PropertiesKubeClientConnectionDetails.class);

    private final KubeClientProperties properties;
    private final ConfigEnvironment environment;
    private volatile Detected detected;

    /** The configuration with the properties applied, and where it came from. */
    private record Detected(RestConfig config, ConfigOrigin origin) {
    }

    PropertiesKubeClientConnectionDetails(KubeClientProperties properties, ConfigEnvironment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public RestConfig getRestConfig() {
        Detected found = detected;
        if (found == null) {
            synchronized (this) {
                if (detected == null) {
                    detected = detect();
                }
                found = detected;
            }
        }
        return found.config();
    }

    @Override
    public Optional<ConfigOrigin> getConfigOrigin() {
        Detected found = detected;
        return found == null ? Optional.empty() : Optional.of(found.origin());
    }

    private Detected detect() {
        DetectedConfig found = find();
        RestConfig.Builder builder = found.config().toBuilder();
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
            return new Detected(builder.build(), found.origin());
        } catch (IllegalArgumentException e) {
            if (properties.getServer() == null) {
                throw e;
            }
            throw new InvalidKubeClientPropertyException("kube.client.server", properties.getServer(), e.getMessage(),
                    "Set kube.client.server to an absolute https URL with a host, such as https://10.0.0.1:6443.");
        }
    }

    private DetectedConfig find() {
        KubeClientProperties.Mode mode = properties.getMode();
        if (mode == KubeClientProperties.Mode.IN_CLUSTER) {
            // kube.client.kubeconfig and $KUBECONFIG are not consulted: the mode asks for the pod's ServiceAccount only.
            try {
                return RestConfigs.detect(ConfigSource.IN_CLUSTER, null, null, environment);
            } catch (KubeConfigException e) {
                throw new InClusterUnavailableException(e.getMessage(), e);
            }
        }
        Path explicit = blank(properties.getKubeconfig()) ? null
                : Path.of(properties.getKubeconfig().trim()).toAbsolutePath().normalize();
        if (explicit != null && (!Files.isRegularFile(explicit) || !Files.isReadable(explicit))) {
            throw new KubeconfigNotFoundException(explicit);
        }
        String context = blank(properties.getContext()) ? null : properties.getContext().trim();
        ConfigSource source = mode == KubeClientProperties.Mode.KUBECONFIG ? ConfigSource.KUBECONFIG : ConfigSource.AUTO;
        try {
            return RestConfigs.detect(source, explicit, context, environment);
        } catch (ContextNotFoundException e) {
            throw new UnknownContextException(e.context(), e.knownContexts(),
                    e.files().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        } catch (ConfigNotFoundException e) {
            List<String> searched = new ArrayList<>();
            searched.add("kube.client.kubeconfig: not set");
            searched.addAll(e.searched());
            throw new NoKubeConfigurationException(searched, e);
        } catch (KubeConfigException e) {
            // In kubeconfig mode the core reports the loader's own error; when no file exists at all, say what was searched.
            KubeConfigLoader loader = new KubeConfigLoader(environment);
            if (explicit == null && loader.searchPath().stream().noneMatch(Files::exists)) {
                throw new NoKubeConfigurationException(List.of("kube.client.kubeconfig: not set",
                        "In-cluster: not tried, because kube.client.mode is kubeconfig",
                        "Kubeconfig (searched " + loader.searchPath() + "): " + e.getMessage()), e);
            }
            throw e;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "PropertiesKubeClientConnectionDetails[mode=" + properties.getMode() + "]";
    }
}
