package dev.kubeclient.auth;

import dev.kubeclient.observation.ExecPluginRun;

import java.util.Objects;

/**
 * An exec credential plugin did not give a usable credential: it could not be started, exited non-zero, timed
 * out, printed something that is not a valid ExecCredential, or returned one that had already expired.
 *
 * <p>The message names the command and, when the plugin wrote any, the start of its standard error. It never
 * contains the plugin's standard output, its arguments or its environment, which may hold secrets.
 */
public class ExecPluginException extends CredentialException {

    private static final long serialVersionUID = 1L;

    private final ExecPluginRun.Outcome outcome;

    /** An exception for a run that ended with {@code outcome}. */
    public ExecPluginException(String message, ExecPluginRun.Outcome outcome) {
        super(message);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** An exception for a run that ended with {@code outcome}, with its cause. */
    public ExecPluginException(String message, ExecPluginRun.Outcome outcome, Throwable cause) {
        super(message, cause);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** How the plugin run ended. */
    public ExecPluginRun.Outcome outcome() {
        return outcome;
    }
}
