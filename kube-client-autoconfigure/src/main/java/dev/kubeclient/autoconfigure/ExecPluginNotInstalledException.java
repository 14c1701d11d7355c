package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.KubeConfigException;

/**
 * The kubeconfig user authenticates with an exec credential plugin whose command is not installed (not on the
 * {@code PATH}, or the named file does not exist or is not executable).
 */
public final class ExecPluginNotInstalledException extends KubeConfigException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final String installHint;
    private final String origin;

    /**
     * @param command the plugin's command as the kubeconfig gives it (never its arguments or environment)
     * @param installHint the kubeconfig's {@code installHint}; {@code null} when it has none
     * @param origin where the configuration came from
     */
    public ExecPluginNotInstalledException(String command, String installHint, String origin) {
        super("the exec credential plugin '" + command + "' of " + origin + " is not installed: it was not found "
                + (command.contains("/") || command.contains("\\") ? "at that path" : "on the PATH"));
        this.command = command;
        this.installHint = installHint;
        this.origin = origin;
    }

    /** The plugin's command. */
    public String command() {
        return command;
    }

    /** The kubeconfig's install hint; {@code null} when it has none. */
    public String installHint() {
        return installHint;
    }

    /** Where the configuration came from ("kubeconfig /home/u/.kube/config, context dev"). */
    public String origin() {
        return origin;
    }
}
