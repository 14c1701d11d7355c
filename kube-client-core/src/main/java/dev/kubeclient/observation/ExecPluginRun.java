package dev.kubeclient.observation;

import java.time.Duration;

/**
 * One run of an exec credential plugin.
 *
 * @param command the plugin command as configured (no arguments, no environment: those may hold secrets)
 * @param outcome how the run ended
 * @param exitCode the process exit code, or -1 when it did not exit on its own
 * @param duration how long the run took
 */
public record ExecPluginRun(String command, Outcome outcome, int exitCode, Duration duration) {

    /** How an exec plugin run ended. */
    public enum Outcome {
        /** It printed a valid, unexpired credential. */
        SUCCESS,
        /** It exited non-zero. */
        FAILED,
        /** It did not finish in time and was killed. */
        TIMED_OUT,
        /** It exited 0 but printed something that is not a usable ExecCredential. */
        INVALID_OUTPUT,
        /** The command could not be started (not found, not executable). */
        NOT_STARTED,
        /** The configuration's exec plugin policy forbids the command, so it was not started. */
        DENIED
    }
}
