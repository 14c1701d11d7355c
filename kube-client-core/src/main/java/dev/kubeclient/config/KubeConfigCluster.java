package dev.kubeclient.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code clusters[]} entry of a kubeconfig: where an API server is and how to trust it. File paths are already
 * resolved against the folder of the kubeconfig that defined the entry.
 *
 * @param name the entry's name
 * @param source the kubeconfig file that defined this entry
 * @param server the API server URL as written; {@code null} if missing
 * @param certificateAuthority the {@code certificate-authority} file; {@code null} if unset
 * @param certificateAuthorityData the base64 {@code certificate-authority-data} as written; {@code null} if unset
 * @param insecureSkipTlsVerify {@code insecure-skip-tls-verify}
 * @param tlsServerName {@code tls-server-name}; {@code null} if unset
 * @param proxyUrl {@code proxy-url}; {@code null} if unset
 * @param disableCompression {@code disable-compression}
 * @param extensions the entry's {@code extensions}, by name (plain maps, lists and scalars)
 */
public record KubeConfigCluster(
        String name,
        Path source,
        String server,
        Path certificateAuthority,
        String certificateAuthorityData,
        boolean insecureSkipTlsVerify,
        String tlsServerName,
        String proxyUrl,
        boolean disableCompression,
        Map<String, Object> extensions) {

    /** The extension an exec plugin receives as {@code spec.cluster.config} when it asks for cluster info. */
    public static final String EXEC_EXTENSION = "client.authentication.k8s.io/exec";

    public KubeConfigCluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        extensions = Yaml.immutableMap(extensions);
    }

    @Override
    public String toString() {
        // The CA is public, but a page of base64 helps nobody reading a log line.
        return "KubeConfigCluster[name=" + name + ", source=" + source + ", server=" + server
                + (certificateAuthority == null ? "" : ", certificateAuthority=" + certificateAuthority)
                + (certificateAuthorityData == null ? "" : ", certificateAuthorityData=<" + certificateAuthorityData.length() + " chars>")
                + (insecureSkipTlsVerify ? ", insecureSkipTlsVerify=true" : "")
                + (tlsServerName == null ? "" : ", tlsServerName=" + tlsServerName)
                + (proxyUrl == null ? "" : ", proxyUrl=<set>")
                + (disableCompression ? ", disableCompression=true" : "")
                + (extensions.isEmpty() ? "" : ", extensions=" + extensions.keySet())
                + "]";
    }
}
