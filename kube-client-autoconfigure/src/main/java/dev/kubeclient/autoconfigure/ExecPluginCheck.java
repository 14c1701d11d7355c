package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.config.RestConfig;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Fails start-up when the configuration's exec credential plugin is not installed, instead of on the first
 * request. The lookup mirrors the one the plugin run makes: a command with a path separator must be that file, a
 * bare name is searched on {@code PATH} (the plugin's own {@code env} PATH, else the process's).
 */
final class ExecPluginCheck {

    private ExecPluginCheck() {
    }

    static void requireInstalled(RestConfig config, ConfigEnvironment environment) {
        ExecConfig exec = config.exec();
        if (exec == null || isInstalled(exec, environment)) {
            return;
        }
        throw new ExecPluginNotInstalledException(exec.command(), exec.installHint(),
                config.origin() == null ? "the configuration" : config.origin());
    }

    private static boolean isInstalled(ExecConfig exec, ConfigEnvironment environment) {
        String command = exec.command();
        try {
            if (command.contains("/") || command.contains(File.separator)) {
                return Files.isExecutable(Path.of(command));
            }
            String path = exec.env().getOrDefault("PATH", environment.variable("PATH").orElse(""));
            for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
                if (dir.isBlank()) {
                    continue;
                }
                for (String name : candidates(command)) {
                    if (Files.isExecutable(Path.of(dir, name))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static List<String> candidates(String command) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return List.of(command);
        }
        return List.of(command, command + ".exe", command + ".cmd", command + ".bat");
    }
}
