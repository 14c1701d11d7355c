package dev.kubeclient.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a process running in a pod, from what kubelet provides (client-go's
 * {@code rest.InClusterConfig}): the API server from {@code KUBERNETES_SERVICE_HOST} and
 * {@code KUBERNETES_SERVICE_PORT}, and from the ServiceAccount folder ({@code /var/run/secrets/kubernetes.io/
 * serviceaccount} unless overridden) the {@code token}, the cluster CA {@code ca.crt} and the {@code namespace}.
 *
 * <p>The token is not read here: the config names the file in {@link RestConfig#bearerTokenFile()} and the auth
 * layer re-reads it as kubelet rotates the projected token. It is only checked to exist and be readable, so a pod
 * without a mounted token fails at start-up rather than on its first request. The CA is passed as
 * {@link RestConfig#caFile()} for the same reason.
 */
public final class InClusterConfig {

    /** Set by kubelet in every pod: the API server Service's cluster IP (IPv4 or IPv6). */
    public static final String SERVICE_HOST_ENV = "KUBERNETES_SERVICE_HOST";
    /** Set by kubelet in every pod: the API server Service's port. */
    public static final String SERVICE_PORT_ENV = "KUBERNETES_SERVICE_PORT";
    /** Overrides the namespace file, as client-go's in-cluster client config allows (often set via the downward API). */
    public static final String POD_NAMESPACE_ENV = "POD_NAMESPACE";
    /** The token file's name in the ServiceAccount folder. */
    public static final String TOKEN_FILE = "token";
    /** The CA bundle's name in the ServiceAccount folder. */
    public static final String CA_FILE = "ca.crt";
    /** The namespace file's name in the ServiceAccount folder. */
    public static final String NAMESPACE_FILE = "namespace";

    private final ConfigEnvironment environment;

    /** The in-cluster configuration of the running process. */
    public InClusterConfig() {
        this(ConfigEnvironment.system());
    }

    /** The in-cluster configuration described by {@code environment} (its variables and ServiceAccount folder). */
    public InClusterConfig(ConfigEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** Whether both service variables are set, the sign of running in a pod. Files are not checked. */
    public boolean isInCluster() {
        return environment.variable(SERVICE_HOST_ENV).isPresent() && environment.variable(SERVICE_PORT_ENV).isPresent();
    }

    /**
     * Builds the configuration.
     *
     * @throws KubeConfigException when a service variable is missing or the port is not a number, or the token or
     *     CA file is missing or unreadable; the message names what was missing and where it was looked for
     */
    public RestConfig load() {
        Optional<String> host = environment.variable(SERVICE_HOST_ENV);
        Optional<String> port = environment.variable(SERVICE_PORT_ENV);
        if (host.isEmpty() || port.isEmpty()) {
            String missing = host.isEmpty() && port.isEmpty() ? "neither is set"
                    : (host.isEmpty() ? SERVICE_HOST_ENV : SERVICE_PORT_ENV) + " is not set";
            throw new KubeConfigException("not running in a cluster: " + SERVICE_HOST_ENV + " and " + SERVICE_PORT_ENV
                    + " must both be set (kubelet sets them in every pod), but " + missing);
        }
        String portText = port.get().trim();
        int portNumber;
        try {
            portNumber = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            portNumber = -1;
        }
        if (portNumber < 1 || portNumber > 65535) {
            throw new KubeConfigException(SERVICE_PORT_ENV + " is '" + portText + "', which is not a port number "
                    + "(1-65535)");
        }
        Path folder = environment.serviceAccountDirectory();
        Path token = folder.resolve(TOKEN_FILE);
        Path ca = folder.resolve(CA_FILE);
        requireReadable(token, "ServiceAccount token", "is the token mounted? Check automountServiceAccountToken "
                + "on the pod and its ServiceAccount");
        requireReadable(ca, "cluster CA certificate", "kubelet mounts it next to the token; check the pod's "
                + "projected ServiceAccount volume");
        return RestConfig.builder()
                .server("https://" + hostPort(host.get().trim(), portNumber))
                .bearerTokenFile(token)
                .caFile(ca)
                .namespace(namespace(folder.resolve(NAMESPACE_FILE)))
                .origin("in-cluster (ServiceAccount in " + folder + ", " + SERVICE_HOST_ENV + "/" + SERVICE_PORT_ENV + ")")
                .build();
    }

    /** Go's {@code net.JoinHostPort}: an IPv6 literal is bracketed (a zone's {@code %} escaped for the URL). */
    private static String hostPort(String host, int port) {
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            return "[" + host.replace("%", "%25") + "]:" + port;
        }
        return host + ":" + port;
    }

    /**
     * As client-go's in-cluster client config: {@code POD_NAMESPACE}, else the namespace file, else
     * {@value RestConfig#DEFAULT_NAMESPACE}. A missing namespace file is not an error there, and not here.
     */
    private String namespace(Path file) {
        Optional<String> fromEnv = environment.variable(POD_NAMESPACE_ENV);
        if (fromEnv.isPresent()) {
            return fromEnv.get().trim();
        }
        try {
            String text = Files.readString(file).trim();
            return text.isEmpty() ? RestConfig.DEFAULT_NAMESPACE : text;
        } catch (IOException e) {
            return RestConfig.DEFAULT_NAMESPACE;
        }
    }

    private static void requireReadable(Path file, String what, String hint) {
        ConfigFiles.problemReading(file).ifPresent(problem -> {
            throw new KubeConfigException("in-cluster configuration: the " + what + " " + file + " " + problem
                    + "; " + hint);
        });
    }

    @Override
    public String toString() {
        return "InClusterConfig[serviceAccountDirectory=" + environment.serviceAccountDirectory() + "]";
    }
}
