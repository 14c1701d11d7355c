package dev.kubeclient.autoconfigure;

import dev.kubeclient.rest.KubeRestClient;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** kube-client's version, as the core's build recorded it (for the default user agent). */
final class LibraryVersion {

    private static final String RESOURCE = "/dev/kubeclient/transport/version.properties";

    private LibraryVersion() {
    }

    static String get() {
        Properties p = new Properties();
        try (InputStream in = KubeRestClient.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Only the version number in the header is lost.
            p.clear();
        }
        String version = p.getProperty("version");
        if (version == null || version.isBlank() || version.contains("${")) {
            version = KubeRestClient.class.getPackage().getImplementationVersion();
        }
        return version == null || version.isBlank() ? "unknown" : version.trim();
    }
}
