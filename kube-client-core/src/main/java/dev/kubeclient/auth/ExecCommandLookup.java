package dev.kubeclient.auth;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the file an exec plugin's command names, as Go's {@code exec.LookPath} does for client-go.
 *
 * <p>On Unix-like systems a command with a {@code /} is used as it is and a bare name is looked up in the
 * {@code PATH} directories ({@code :}-separated), taking the first regular, executable file. On Windows a command
 * with {@code :}, {@code \} or {@code /} ({@code C:\tools\kubelogin}, {@code \\server\share\x}) is a path; the
 * {@code PATH} variable is found whatever its case ({@code Path}), its {@code ;}-separated entries may be quoted,
 * and each candidate is tried as it is (when it has an extension) and then with each extension of
 * {@code PATHEXT} (default {@code .com;.exe;.bat;.cmd}). As in Go since 1.19, the current directory is never
 * searched implicitly.
 *
 * <p>The operating system, the environment and the file check are injected, so the Windows rules can be tested
 * anywhere.
 */
public final class ExecCommandLookup {

    private static final List<String> DEFAULT_PATHEXT = List.of(".com", ".exe", ".bat", ".cmd");

    private final boolean windows;
    private final Map<String, String> environment;
    private final Predicate<String> executableFile;

    /**
     * A lookup for {@code osName} (as {@code os.name} spells it), reading {@code PATH} and {@code PATHEXT} from
     * {@code environment} and deciding with {@code executableFile} whether a candidate path is a runnable file.
     */
    public ExecCommandLookup(String osName, Map<String, String> environment, Predicate<String> executableFile) {
        this.windows = isWindows(Objects.requireNonNull(osName, "osName"));
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.executableFile = Objects.requireNonNull(executableFile, "executableFile");
    }

    /** A lookup on the real file system for {@code osName} and {@code environment}. */
    public static ExecCommandLookup onFileSystem(String osName, Map<String, String> environment) {
        boolean windows = isWindows(osName);
        return new ExecCommandLookup(osName, environment, candidate -> {
            try {
                Path file = Path.of(candidate);
                // Go's Windows lookup only asks that the file exist and not be a folder; elsewhere it must be executable.
                return Files.isRegularFile(file) && (windows || Files.isExecutable(file));
            } catch (InvalidPathException e) {
                return false;
            }
        });
    }

    /**
     * The environment an exec plugin runs with: {@code processEnvironment} with the plugin's own {@code env} merged
     * over it (client-go's order). On Windows, where variable names are case-insensitive, a plugin variable replaces a
     * process variable whose name differs only in case ({@code PATH} replaces {@code Path}).
     *
     * @return a new, modifiable map
     */
    public static Map<String, String> pluginEnvironment(String osName, Map<String, String> processEnvironment,
                                                        Map<String, String> pluginEnv) {
        Map<String, String> env = new HashMap<>(processEnvironment);
        boolean windows = isWindows(osName);
        pluginEnv.forEach((name, value) -> {
            if (windows) {
                env.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            }
            env.put(name, value);
        });
        return env;
    }

    /** Whether {@code osName} is a Windows name. */
    public static boolean isWindows(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** Whether {@code command} names a file by path rather than a program to look up. */
    public boolean isPath(String command) {
        return windows ? command.indexOf(':') >= 0 || command.indexOf('\\') >= 0 || command.indexOf('/') >= 0
                : command.indexOf('/') >= 0;
    }

    /**
     * The file {@code command} runs: a path command as it is (on Windows with the first {@code PATHEXT} extension
     * that exists), a bare name from the {@code PATH}; empty when a bare name is found nowhere.
     */
    public Optional<String> resolve(String command) {
        Objects.requireNonNull(command, "command");
        if (isPath(command)) {
            if (!windows) {
                return Optional.of(command);
            }
            return Optional.of(findWithExtensions(command).orElse(command));
        }
        for (String dir : pathEntries()) {
            String candidate = join(dir, command);
            Optional<String> found = windows ? findWithExtensions(candidate)
                    : executableFile.test(candidate) ? Optional.of(candidate) : Optional.empty();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The runnable file {@code command} names, checked to exist: as {@link #resolve}, and a path command must also
     * be a runnable file. Empty when the plugin is not installed; for checks before any run (the Spring Boot
     * starter's start-up check).
     */
    public Optional<String> findInstalled(String command) {
        return resolve(command).filter(executableFile);
    }

    /** Whether two resolved paths name the same file; case-insensitive on Windows, as its file systems are. */
    public boolean samePath(String a, String b) {
        String left = normalize(a);
        String right = normalize(b);
        return windows ? left.equalsIgnoreCase(right) : left.equals(right);
    }

    private String normalize(String path) {
        if (windows) {
            return path.replace('/', '\\');
        }
        try {
            return Path.of(path).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return path;
        }
    }

    private Optional<String> findWithExtensions(String file) {
        if (hasExtension(file) && executableFile.test(file)) {
            return Optional.of(file);
        }
        // Go goes on to the extensions even when the name has one, so "tool.bat.exe" is found from "tool.bat".
        for (String extension : pathExtensions()) {
            String candidate = file + extension;
            if (executableFile.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean hasExtension(String file) {
        int slash = Math.max(file.lastIndexOf('\\'), file.lastIndexOf('/'));
        int dot = file.lastIndexOf('.');
        return dot > slash && dot < file.length() - 1;
    }

    private List<String> pathExtensions() {
        String value = variable("PATHEXT");
        if (value == null || value.isEmpty()) {
            return DEFAULT_PATHEXT;
        }
        List<String> extensions = new ArrayList<>();
        for (String e : value.toLowerCase(Locale.ROOT).split(";")) {
            if (!e.isEmpty()) {
                extensions.add(e.startsWith(".") ? e : "." + e);
            }
        }
        return extensions;
    }

    private List<String> pathEntries() {
        String value = variable("PATH");
        List<String> entries = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return entries;
        }
        if (!windows) {
            for (String dir : value.split(":")) {
                if (!dir.isEmpty()) {
                    entries.add(dir);
                }
            }
            return entries;
        }
        // Go's filepath.SplitList on Windows: ';' separates, except inside double quotes, which are dropped.
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                addIfNotEmpty(entries, current);
            } else {
                current.append(c);
            }
        }
        addIfNotEmpty(entries, current);
        return entries;
    }

    private static void addIfNotEmpty(List<String> entries, StringBuilder current) {
        if (!current.isEmpty()) {
            entries.add(current.toString());
        }
        current.setLength(0);
    }

    private String join(String dir, String name) {
        char separator = windows ? '\\' : '/';
        boolean endsWithSeparator = dir.endsWith("/") || (windows && dir.endsWith("\\"));
        return endsWithSeparator ? dir + name : dir + separator + name;
    }

    /** Windows variable names are case-insensitive: {@code Path} is {@code PATH} there. */
    private String variable(String name) {
        String exact = environment.get(name);
        if (exact != null || !windows) {
            return exact;
        }
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ExecCommandLookup[" + (windows ? "windows" : "unix") + "]";
    }
}
