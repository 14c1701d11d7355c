package dev.kubeclient.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * The default {@code User-Agent}, shaped like client-go's {@code <binary>/<version> (<os>/<arch>) kubernetes/<commit>}:
 * {@code kube-client/0.1.0 (linux/amd64) kube-client/1a2b3c4}. The version and commit come from
 * {@code version.properties}, which Maven fills in at build time; the jar's Implementation-Version is the fallback.
 */
final class UserAgent {

    static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "version.properties";

    private UserAgent() {
    }

    /** The default user agent for this JVM. */
    static String defaultValue() {
        Properties p = new Properties();
        try (InputStream in = UserAgent.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // An unreadable resource only costs the version number in the header.
            p.clear();
        }
        String version = filtered(p.getProperty("version"));
        if (version == null) {
            version = filtered(UserAgent.class.getPackage().getImplementationVersion());
        }
        String commit = filtered(p.getProperty("commit"));
        return format(version == null ? UNKNOWN : version,
                System.getProperty("os.name", UNKNOWN), System.getProperty("os.arch", UNKNOWN),
                commit == null ? UNKNOWN : commit);
    }

    static String format(String version, String osName, String osArch, String commit) {
        return "kube-client/" + version + " (" + goos(osName) + "/" + goarch(osArch) + ") kube-client/" + commit;
    }

    /** A value Maven did not fill in (no filtering in an IDE build) counts as missing. */
    private static String filtered(String value) {
        return value == null || value.isBlank() || value.contains("${") ? null : value.trim();
    }

    /** Go's GOOS spelling, so servers' user-agent parsing sees what it sees from kubectl. */
    static String goos(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) return "darwin";
        if (os.startsWith("windows")) return "windows";
        if (os.startsWith("linux")) return "linux";
        return os.replace(' ', '-');
    }

    /** Go's GOARCH spelling. */
    static String goarch(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            default -> arch;
        };
    }
}
