package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.ConfigOrigin;
import dev.kubeclient.config.ConfigOrigin.Kind;
import dev.kubeclient.config.DetectedConfig;
import dev.kubeclient.config.InClusterConfig;
import dev.kubeclient.config.KubeConfig;
import dev.kubeclient.config.KubeConfigException;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.config.RestConfigs;

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
 * core's autodetection. What it finds is reported as the core's {@link RestConfigs#detect} reports it: a
 * {@link DetectedConfig} whose {@link ConfigOrigin} says which source won and why, so the starter and the core log
 * and describe origins one way.
 */
final class ConfigLocator {

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
    DetectedConfig locate(KubeClientProperties.Mode mode, String kubeconfig, String context) {
        Path explicit = kubeconfig == null || kubeconfig.isBlank() ? null
                : Path.of(kubeconfig.trim()).toAbsolutePath().normalize();
        boolean variableSet = environment.variable(KubeConfigLoader.KUBECONFIG_ENV).isPresent();
        InClusterConfig inCluster = new InClusterConfig(environment);
        return switch (mode) {
            case IN_CLUSTER -> new DetectedConfig(loadInCluster(inCluster),
                    inClusterOrigin("kube.client.mode is in-cluster"));
            case KUBECONFIG -> {
                if (explicit != null) {
                    yield fromFile(explicit, context);
                }
                if (variableSet) {
                    yield fromDefaultRules(context, Kind.KUBECONFIG_VARIABLE,
                            "kube.client.mode is kubeconfig and $KUBECONFIG is set");
                }
                Path home = environment.defaultKubeConfig();
                if (!Files.isRegularFile(home)) {
                    throw new NoKubeConfigurationException(List.of(
                            "kube.client.kubeconfig: not set",
                            "$" + KubeConfigLoader.KUBECONFIG_ENV + ": not set",
                            home + ": does not exist (in-cluster was not tried: kube.client.mode is kubeconfig)"), null);
                }
                yield fromDefaultRules(context, Kind.DEFAULT_KUBECONFIG,
                        "kube.client.mode is kubeconfig and $KUBECONFIG is not set");
            }
            case AUTO -> auto(explicit, variableSet, inCluster, context);
        };
    }

    private DetectedConfig auto(Path explicit, boolean variableSet, InClusterConfig inCluster, String context) {
        if (explicit != null) {
            return fromFile(explicit, context);
        }
        if (variableSet) {
            return fromDefaultRules(context, Kind.KUBECONFIG_VARIABLE,
                    "$KUBECONFIG is set, so it wins over in-cluster and ~/.kube/config");
        }
        List<String> searched = new ArrayList<>();
        searched.add("kube.client.kubeconfig: not set");
        searched.add("$" + KubeConfigLoader.KUBECONFIG_ENV + ": not set");
        KubeConfigException inClusterFailure = null;
        if (inCluster.isInCluster()) {
            try {
                return new DetectedConfig(inCluster.load(), inClusterOrigin(InClusterConfig.SERVICE_HOST_ENV + " and "
                        + InClusterConfig.SERVICE_PORT_ENV + " are set and $KUBECONFIG is not"));
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
        return fromDefaultRules(context, Kind.DEFAULT_KUBECONFIG, inClusterFailure == null
                ? "no kube.client.kubeconfig, $KUBECONFIG is not set and this is not a pod"
                : "the in-cluster configuration is unusable (" + inClusterFailure.getMessage() + ")");
    }

    private static ConfigOrigin inClusterOrigin(String reason) {
        return new ConfigOrigin(Kind.IN_CLUSTER, List.of(), null, reason);
    }

    private RestConfig loadInCluster(InClusterConfig inCluster) {
        try {
            return inCluster.load();
        } catch (KubeConfigException e) {
            throw new InClusterUnavailableException(e.getMessage(), e);
        }
    }

    private DetectedConfig fromFile(Path file, String context) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new KubeconfigNotFoundException(file);
        }
        KubeConfig config = new KubeConfigLoader(environment).load(file);
        return detected(config, context, file.toString(), Kind.EXPLICIT_FILE,
                "kube.client.kubeconfig names it, so $KUBECONFIG, in-cluster and ~/.kube/config were not consulted");
    }

    private DetectedConfig fromDefaultRules(String context, Kind kind, String reason) {
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
        return detected(config, context, loader.searchPath().stream().map(Path::toString)
                .collect(Collectors.joining(", ")), kind, reason);
    }

    private static DetectedConfig detected(KubeConfig config, String context, String files, Kind kind, String reason) {
        if (context != null && !context.isBlank() && !config.contextNames().contains(context)) {
            throw new UnknownContextException(context, config.contextNames(), files);
        }
        String used = context == null || context.isBlank() ? null : context;
        RestConfig restConfig = config.restConfig(used);
        return new DetectedConfig(restConfig,
                new ConfigOrigin(kind, config.files(), used != null ? used : config.currentContext(), reason));
    }
}
