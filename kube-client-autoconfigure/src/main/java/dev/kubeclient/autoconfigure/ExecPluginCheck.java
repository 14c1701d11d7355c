package dev.kubeclient.autoconfigure;

import dev.kubeclient.auth.ExecCommandLookup;
import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.config.RestConfig;

/**
 * Fails start-up when the configuration's exec credential plugin is not installed, instead of on the first
 * request. The lookup is the one the plugin run makes ({@link ExecCommandLookup}, Go's {@code exec.LookPath} rules
 * on each OS), over the same environment: the process's with the plugin's own {@code env} over it.
 */
final class ExecPluginCheck {

    private ExecPluginCheck() {
    }

    static void requireInstalled(RestConfig config, ConfigEnvironment environment) {
        requireInstalled(config, environment, System.getProperty("os.name", ""));
    }

    static void requireInstalled(RestConfig config, ConfigEnvironment environment, String osName) {
        ExecConfig exec = config.exec();
        if (exec == null || isInstalled(exec, environment, osName)) {
            return;
        }
        throw new ExecPluginNotInstalledException(exec.command(), exec.installHint(),
                config.origin() == null ? "the configuration" : config.origin());
    }

    private static boolean isInstalled(ExecConfig exec, ConfigEnvironment environment, String osName) {
        var env = ExecCommandLookup.pluginEnvironment(osName, environment.variables(), exec.env());
        return ExecCommandLookup.onFileSystem(osName, env).findInstalled(exec.command()).isPresent();
    }
}
