package dev.kubeclient.auth;

import dev.kubeclient.observation.ExecPluginRun;

import java.util.Objects;

/**
 * An exec credential plugin did not give a usable credential: it could not be started, exited non-zero, timed
 * out, printed something that is not a valid ExecCredential, or returned one that had already expired.
 *
 * <p>Requests that need the credential throw this very type (not a wrapper), so callers can branch on it and read
 * {@link #outcome()}, {@link #command()} and {@link #installHint()}.
 *
 * <p>The message names the command and, when the plugin wrote any, the start of its standard error; when the
 * command was not found it ends with the plugin's {@code installHint}. It never contains the plugin's standard
 * output, its arguments or its environment, which may hold secrets.
 */
public class ExecPluginException extends CredentialException {

    private static final long serialVersionUID = 1L;

    private final ExecPluginRun.Outcome outcome;
    private final String command;
    private final String installHint;

    /** An exception for a run that ended with {@code outcome}. */
    public ExecPluginException(String message, ExecPluginRun.Outcome outcome) {
        this(message, outcome, null, null, null);
    }

    /** An exception for a run that ended with {@code outcome}, with its cause. */
    public ExecPluginException(String message, ExecPluginRun.Outcome outcome, Throwable cause) {
        this(message, outcome, null, null, cause);
    }

    /**
     * An exception for a run of {@code command} that ended with {@code outcome}.
     *
     * @param command the command as configured, or {@code null}
     * @param installHint the plugin's {@code installHint}, or {@code null}
     * @param cause the cause, or {@code null}
     */
    public ExecPluginException(String message, ExecPluginRun.Outcome outcome, String command, String installHint,
                               Throwable cause) {
        super(message, cause);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.command = command;
        this.installHint = installHint;
    }

    /** How the plugin run ended. */
    public ExecPluginRun.Outcome outcome() {
        return outcome;
    }

    /** The command as configured in the kubeconfig, or {@code null} when unknown. */
    public String command() {
        return command;
    }

    /** The plugin's {@code installHint} from the kubeconfig (how to install it), or {@code null}. */
    public String installHint() {
        return installHint;
    }
}
