package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.InClusterConfig;
import dev.kubeclient.config.KubeConfig;
import dev.kubeclient.config.KubeConfigException;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Chooses where the configuration comes from for {@code kube.client.mode}, through the core's public loaders.
 * {@code auto} follows controller-runtime's {@code GetConfig} order: {@code kube.client.kubeconfig}, then
 * {@code $KUBECONFIG}, then in-cluster, then {@code ~/.kube/config}. Kept thin so that it can hand over to the
 * core's autodetection once that reports which source won.
 */
final class ConfigLocator {

    /** Which source served. */
    enum Source {
        /** The file named by {@code kube.client.kubeconfig}. */
        EXPLICIT_KUBECONFIG,
        /** The files listed in {@code $KUBECONFIG}. */
        KUBECONFIG_VARIABLE,
        /** The pod's ServiceAccount. */
        IN_CLUSTER,
        /** {@code ~/.kube/config}. */
        HOME_KUBECONFIG
    }

    /** The configuration found and where. */
    record Located(RestConfig config, Source source) {
    }

    private static final Logger log = LoggerFactory.getLogger(ConfigLocator.class);

    private final ConfigEnvironment environment;

    ConfigLocator(ConfigEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * The configuration for {@code mode}.
     *
     * @param kubeconfig {@code kube.client.kubeconfig}, or {@code null}
     * @param context {@code kube.client.context}, or {@code null} for the current-context
     */
    Located locate(KubeClientProperties.Mode mode, String kubeconfig, String context) {
        Path explicit = kubeconfig == null || kubeconfig.isBlank() ? null
                : Path.of(kubeconfig.trim()).toAbsolutePath().normalize();
        boolean variableSet = environment.variable(KubeConfigLoader.KUBECONFIG_ENV).isPresent();
        InClusterConfig inCluster = new InClusterConfig(environment);
        return switch (mode) {
            case IN_CLUSTER -> new Located(loadInCluster(inCluster), Source.IN_CLUSTER);
            case KUBECONFIG -> {
                if (explicit != null) {
                    yield new Located(fromFile(explicit, context), Source.EXPLICIT_KUBECONFIG);
                }
                if (variableSet) {
                    yield new Located(fromDefaultRules(context), Source.KUBECONFIG_VARIABLE);
                }
                Path home = environment.defaultKubeConfig();
                if (!Files.isRegularFile(home)) {
                    throw new NoKubeConfigurationException(List.of(
                            "kube.client.kubeconfig: not set",
                            "$" + KubeConfigLoader.KUBECONFIG_ENV + ": not set",
                            home + ": does not exist (in-cluster was not tried: kube.client.mode is kubeconfig)"), null);
                }
                yield new Located(fromDefaultRules(context), Source.HOME_KUBECONFIG);
            }
            case AUTO -> auto(explicit, variableSet, inCluster, context);
        };
    }

    private Located auto(Path explicit, boolean variableSet, InClusterConfig inCluster, String context) {
        if (explicit != null) {
            return new Located(fromFile(explicit, context), Source.EXPLICIT_KUBECONFIG);
        }
        if (variableSet) {
            return new Located(fromDefaultRules(context), Source.KUBECONFIG_VARIABLE);
        }
        List<String> searched = new ArrayList<>();
        searched.add("kube.client.kubeconfig: not set");
        searched.add("$" + KubeConfigLoader.KUBECONFIG_ENV + ": not set");
        KubeConfigException inClusterFailure = null;
        if (inCluster.isInCluster()) {
            try {
                return new Located(inCluster.load(), Source.IN_CLUSTER);
            } catch (KubeConfigException e) {
                // controller-runtime goes on to ~/.kube/config when the in-cluster config is unusable; so do we.
                inClusterFailure = e;
                searched.add("in-cluster: " + e.getMessage());
            }
        } else {
            searched.add("in-cluster: " + InClusterConfig.SERVICE_HOST_ENV + " and " + InClusterConfig.SERVICE_PORT_ENV
                    + " are not both set, so this is not a pod");
        }
        Path home = environment.defaultKubeConfig();
        if (!Files.isRegularFile(home)) {
            searched.add(home + ": does not exist");
            throw new NoKubeConfigurationException(searched, inClusterFailure);
        }
        if (inClusterFailure != null) {
            log.warn("The service variables say this runs in a pod, but the in-cluster configuration is unusable "
                    + "({}); using {} instead", inClusterFailure.getMessage(), home);
        }
        return new Located(fromDefaultRules(context), Source.HOME_KUBECONFIG);
    }

    private RestConfig loadInCluster(InClusterConfig inCluster) {
        try {
            return inCluster.load();
        } catch (KubeConfigException e) {
            throw new InClusterUnavailableException(e.getMessage(), e);
        }
    }

    private RestConfig fromFile(Path file, String context) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new KubeconfigNotFoundException(file);
        }
        KubeConfig config = new KubeConfigLoader(environment).load(file);
        return restConfig(config, context, file.toString());
    }

    private RestConfig fromDefaultRules(String context) {
        KubeConfigLoader loader = new KubeConfigLoader(environment);
        KubeConfig config;
        try {
            config = loader.load();
        } catch (KubeConfigException e) {
            if (loader.searchPath().stream().noneMatch(Files::exists)) {
                throw new NoKubeConfigurationException(List.of("$" + KubeConfigLoader.KUBECONFIG_ENV + " lists "
                        + loader.searchPath().stream().map(Path::toString).collect(Collectors.joining(", "))
                        + ", none of which exists"), e);
            }
            throw e;
        }
        return restConfig(config, context, loader.searchPath().stream().map(Path::toString)
                .collect(Collectors.joining(", ")));
    }

    private static RestConfig restConfig(KubeConfig config, String context, String files) {
        if (context != null && !context.isBlank() && !config.contextNames().contains(context)) {
            throw new UnknownContextException(context, config.contextNames(), files);
        }
        return config.restConfig(context == null || context.isBlank() ? null : context);
    }
}
