package dev.kubeclient.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * The default {@code User-Agent}, shaped like client-go's {@code DefaultKubernetesUserAgent}
 * ({@code <binary>/<version> (<os>/<arch>) kubernetes/<commit>}, where the binary is {@code os.Args[0]}'s base name):
 * {@code <program>/<library version> (<os>/<arch>) kube-client/<commit>}, for example
 * {@code orders-operator/0.1.0 (linux/amd64) kube-client/1a2b3c4}, so API server audit logs tell programs apart.
 *
 * <p>The program is what the JVM was started with ({@code sun.java.command}): the jar's name without {@code .jar}
 * for {@code java -jar orders-operator.jar}, else the main class's simple name; {@code kube-client} when neither is
 * known. The version and commit come from {@code version.properties}, which Maven fills in at build time; the jar's
 * Implementation-Version is the fallback. {@link dev.kubeclient.config.RestConfig#userAgent()} replaces it all
 * (the Spring starter sets it from the application's name).
 */
final class UserAgent {

    static final String UNKNOWN = "unknown";
    /** The program name when the launch command tells nothing. */
    static final String FALLBACK_PROGRAM = "kube-client";
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
        return format(programName(System.getProperty("sun.java.command")), version == null ? UNKNOWN : version,
                System.getProperty("os.name", UNKNOWN), System.getProperty("os.arch", UNKNOWN),
                commit == null ? UNKNOWN : commit);
    }

    static String format(String program, String version, String osName, String osArch, String commit) {
        return program + "/" + version + " (" + goos(osName) + "/" + goarch(osArch) + ") kube-client/" + commit;
    }

    /**
     * The program's name from the JVM's launch command ({@code sun.java.command}: the main class or jar, then the
     * arguments): a jar's file name without {@code .jar}, or a class's simple name, cut to the characters an HTTP
     * token may hold; {@value #FALLBACK_PROGRAM} when there is none (an embedded JVM, a JDK that does not set it).
     */
    static String programName(String javaCommand) {
        if (javaCommand == null || javaCommand.isBlank()) {
            return FALLBACK_PROGRAM;
        }
        String first = javaCommand.strip().split("\\s+", 2)[0];
        String name;
        if (first.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            String file = first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
            name = file.substring(0, file.length() - ".jar".length());
        } else {
            // A main class (com.example.Main) or a module/class pair (app/com.example.Main).
            // A path cut at a space (sun.java.command does not quote) keeps its last segment.
            name = first.substring(Math.max(first.lastIndexOf('.'), Math.max(first.lastIndexOf('/'),
                    first.lastIndexOf('\\'))) + 1);
        }
        String token = name.replaceAll("[^A-Za-z0-9._+-]", "");
        return token.isEmpty() ? FALLBACK_PROGRAM : token;
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
