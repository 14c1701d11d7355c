package dev.kubeclient.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds and reads kubeconfig files with client-go's loading rules ({@code clientcmd.ClientConfigLoadingRules}):
 * <ul>
 *   <li>an explicit file, when one is given, must exist and is the only file read;</li>
 *   <li>otherwise {@code $KUBECONFIG} is a list of files separated by {@link File#pathSeparator}; empty entries and
 *       duplicates are ignored, files that do not exist are skipped, and the rest are merged in order: for each
 *       cluster, user and context name the first file that defines it wins (the whole entry), and
 *       {@code current-context} comes from the first file that sets one;</li>
 *   <li>without {@code $KUBECONFIG}, {@code ~/.kube/config} is read.</li>
 * </ul>
 * Relative paths inside a file (certificate-authority, client-certificate, client-key, tokenFile, and an exec
 * command that contains a path separator) are resolved against the folder of the file that defines them.
 *
 * <p>The environment and home folder come from a {@link ConfigEnvironment}, so tests can supply their own.
 */
public final class KubeConfigLoader {

    /** The environment variable that lists kubeconfig files. */
    public static final String KUBECONFIG_ENV = "KUBECONFIG";

    private static final Logger log = LoggerFactory.getLogger(KubeConfigLoader.class);

    private final ConfigEnvironment environment;

    /** A loader for the running process ({@link ConfigEnvironment#system()}). */
    public KubeConfigLoader() {
        this(ConfigEnvironment.system());
    }

    /** A loader that reads {@code $KUBECONFIG} and the home folder from {@code environment}. */
    public KubeConfigLoader(ConfigEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * The files the default rules read, in merge order, whether or not they exist: the entries of
     * {@code $KUBECONFIG} (absolute, without empty entries and duplicates), or {@code ~/.kube/config}.
     */
    public List<Path> searchPath() {
        List<Path> listed = kubeconfigVariableFiles();
        return listed.isEmpty() ? List.of(environment.defaultKubeConfig()) : listed;
    }

    /**
     * Loads and merges the files named by {@code $KUBECONFIG}, or {@code ~/.kube/config} when it is unset.
     *
     * @throws KubeConfigException when no file exists, or a file cannot be read or parsed (naming the file and line)
     */
    public KubeConfig load() {
        List<Path> listed = kubeconfigVariableFiles();
        if (listed.isEmpty()) {
            Path home = environment.defaultKubeConfig();
            if (!Files.exists(home)) {
                throw new KubeConfigException("no kubeconfig found: $" + KUBECONFIG_ENV + " is not set and " + home
                        + " does not exist; create it (for example with your cloud's get-credentials command) or set $"
                        + KUBECONFIG_ENV);
            }
            return KubeConfigParser.read(home);
        }
        List<KubeConfig> parts = new ArrayList<>();
        for (Path file : listed) {
            if (Files.exists(file)) {
                parts.add(KubeConfigParser.read(file));
            } else {
                // client-go skips missing entries silently; a debug line helps when a merge looks wrong.
                log.debug("kubeconfig {} listed in ${} does not exist; skipping it", file, KUBECONFIG_ENV);
            }
        }
        if (parts.isEmpty()) {
            throw new KubeConfigException("no kubeconfig found: $" + KUBECONFIG_ENV + " lists "
                    + listed.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + (listed.size() == 1 ? ", which does not exist" : ", none of which exists")
                    + "; fix $" + KUBECONFIG_ENV + " or create the file");
        }
        return KubeConfig.merge(parts);
    }

    /**
     * Loads exactly {@code file} (kubectl's {@code --kubeconfig}); {@code $KUBECONFIG} is not consulted.
     *
     * @throws KubeConfigException when the file does not exist, cannot be read or parsed
     */
    public KubeConfig load(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new KubeConfigException("kubeconfig " + absolute + " does not exist; it was given explicitly, so "
                    + "$" + KUBECONFIG_ENV + " and ~/.kube/config were not consulted");
        }
        return KubeConfigParser.read(absolute);
    }

    /**
     * The configuration for the current context of the default files.
     *
     * @throws KubeConfigException see {@link #load()} and {@link KubeConfig#restConfig(String)}
     */
    public RestConfig restConfig() {
        return load().restConfig(null);
    }

    /**
     * The configuration for {@code context} (kubectl's {@code --context}) of the default files.
     *
     * @param context the context name; {@code null} for the current context
     * @throws KubeConfigException see {@link #load()} and {@link KubeConfig#restConfig(String)}
     */
    public RestConfig restConfig(String context) {
        return load().restConfig(context);
    }

    /**
     * The configuration for {@code context} of {@code file}.
     *
     * @param file the kubeconfig to read; {@code null} for the default files
     * @param context the context name; {@code null} for the current context
     * @throws KubeConfigException see {@link #load(Path)} and {@link KubeConfig#restConfig(String)}
     */
    public RestConfig restConfig(Path file, String context) {
        return (file == null ? load() : load(file)).restConfig(context);
    }

    private List<Path> kubeconfigVariableFiles() {
        String value = environment.variable(KUBECONFIG_ENV).orElse("");
        Set<Path> files = new LinkedHashSet<>();
        for (String entry : value.split(Pattern.quote(File.pathSeparator))) {
            if (!entry.isBlank()) {
                files.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        return List.copyOf(files);
    }

    @Override
    public String toString() {
        return "KubeConfigLoader[searchPath=" + searchPath() + "]";
    }
}
