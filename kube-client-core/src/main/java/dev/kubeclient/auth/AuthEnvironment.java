package dev.kubeclient.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What credentials depend on outside the {@link dev.kubeclient.config.RestConfig}: the clock, the process
 * environment handed to exec plugins, whether a console is attached, and how often files are checked for
 * changes. {@link #system()} is the real one; tests build their own with a fake clock and environment.
 *
 * @param clock the time used for token expiry and file re-read periods
 * @param environment the process environment exec plugins inherit (the plugin's own {@code env} is merged over it)
 * @param consoleAvailable whether standard input is a terminal, for exec plugins' {@code interactiveMode}
 * @param tokenFileRefreshPeriod how long a token read from a file is used before the file is read again
 * @param certificateFileRefreshPeriod how often client certificate files are checked for changes
 */
public record AuthEnvironment(Clock clock, Map<String, String> environment, boolean consoleAvailable,
                              Duration tokenFileRefreshPeriod, Duration certificateFileRefreshPeriod) {

    /** client-go re-reads a bearer token file at most once a minute. */
    public static final Duration DEFAULT_TOKEN_FILE_REFRESH_PERIOD = Duration.ofMinutes(1);
    /** Client certificate files are checked (a cheap size and modification-time look) at most once a minute. */
    public static final Duration DEFAULT_CERTIFICATE_FILE_REFRESH_PERIOD = Duration.ofMinutes(1);

    public AuthEnvironment {
        Objects.requireNonNull(clock, "clock");
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        requirePositive(tokenFileRefreshPeriod, "tokenFileRefreshPeriod");
        requirePositive(certificateFileRefreshPeriod, "certificateFileRefreshPeriod");
    }

    /** The running JVM's clock, environment and console, with the default refresh periods. */
    public static AuthEnvironment system() {
        return new AuthEnvironment(Clock.systemUTC(), System.getenv(), System.console() != null,
                DEFAULT_TOKEN_FILE_REFRESH_PERIOD, DEFAULT_CERTIFICATE_FILE_REFRESH_PERIOD);
    }

    /** This environment with another clock. */
    public AuthEnvironment withClock(Clock clock) {
        return new AuthEnvironment(clock, environment, consoleAvailable, tokenFileRefreshPeriod, certificateFileRefreshPeriod);
    }

    /** This environment with another process environment for exec plugins. */
    public AuthEnvironment withEnvironment(Map<String, String> environment) {
        return new AuthEnvironment(clock, environment, consoleAvailable, tokenFileRefreshPeriod, certificateFileRefreshPeriod);
    }

    /** This environment with a console present or absent. */
    public AuthEnvironment withConsoleAvailable(boolean consoleAvailable) {
        return new AuthEnvironment(clock, environment, consoleAvailable, tokenFileRefreshPeriod, certificateFileRefreshPeriod);
    }

    /** This environment with other file refresh periods. */
    public AuthEnvironment withRefreshPeriods(Duration tokenFile, Duration certificateFiles) {
        return new AuthEnvironment(clock, environment, consoleAvailable, tokenFile, certificateFiles);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("AuthEnvironment." + name + " must be positive, got " + d);
        }
    }

    @Override
    public String toString() {
        // The environment may hold secrets (cloud credentials); only its size is shown.
        return "AuthEnvironment[clock=" + clock + ", environment=<" + environment.size() + " variables>, consoleAvailable="
                + consoleAvailable + ", tokenFileRefreshPeriod=" + tokenFileRefreshPeriod
                + ", certificateFileRefreshPeriod=" + certificateFileRefreshPeriod + "]";
    }
}
