package dev.kubeclient.auth;

import java.io.Console;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What credentials depend on outside the {@link dev.kubeclient.config.RestConfig}: the clock, the process
 * environment handed to exec plugins, whether a console is attached, the operating system (for how plugin commands
 * are looked up), and how often files are checked for changes. {@link #system()} is the real one; tests build their
 * own with a fake clock and environment.
 *
 * @param clock the time used for token expiry, file re-read periods and remembered exec plugin failures
 * @param environment the process environment exec plugins inherit (the plugin's own {@code env} is merged over it)
 * @param consoleAvailable whether standard input is a terminal, for exec plugins' {@code interactiveMode}
 * @param tokenFileRefreshPeriod how long a token read from a file is used before the file is read again
 * @param certificateFileRefreshPeriod how often client certificate files are checked for changes
 * @param osName the operating system as {@code os.name} spells it; decides how exec commands are looked up
 *     ({@link ExecCommandLookup})
 */
public record AuthEnvironment(Clock clock, Map<String, String> environment, boolean consoleAvailable,
                              Duration tokenFileRefreshPeriod, Duration certificateFileRefreshPeriod, String osName) {

    /** client-go re-reads a bearer token file at most once a minute. */
    public static final Duration DEFAULT_TOKEN_FILE_REFRESH_PERIOD = Duration.ofMinutes(1);
    /** Client certificate files are checked (a cheap size and modification-time look) at most once a minute. */
    public static final Duration DEFAULT_CERTIFICATE_FILE_REFRESH_PERIOD = Duration.ofMinutes(1);

    public AuthEnvironment {
        Objects.requireNonNull(clock, "clock");
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        requirePositive(tokenFileRefreshPeriod, "tokenFileRefreshPeriod");
        requirePositive(certificateFileRefreshPeriod, "certificateFileRefreshPeriod");
        Objects.requireNonNull(osName, "osName");
    }

    /** An environment on this JVM's operating system. */
    public AuthEnvironment(Clock clock, Map<String, String> environment, boolean consoleAvailable,
                           Duration tokenFileRefreshPeriod, Duration certificateFileRefreshPeriod) {
        this(clock, environment, consoleAvailable, tokenFileRefreshPeriod, certificateFileRefreshPeriod,
                System.getProperty("os.name", "unknown"));
    }

    /** The running JVM's clock, environment, console and operating system, with the default refresh periods. */
    public static AuthEnvironment system() {
        return new AuthEnvironment(Clock.systemUTC(), System.getenv(), consoleIsTerminal(),
                DEFAULT_TOKEN_FILE_REFRESH_PERIOD, DEFAULT_CERTIFICATE_FILE_REFRESH_PERIOD);
    }

    /**
     * Whether this JVM's standard input and output are a terminal. Since JDK 22 {@link System#console()} returns a
     * console even when the streams are redirected (in a pod, say), and only {@code Console.isTerminal()} (JDK 22+)
     * tells the difference; it is called reflectively because the baseline is Java 17, where a non-null console
     * already means a terminal.
     */
    static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        Method isTerminal;
        try {
            isTerminal = Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException e) {
            return true;
        }
        try {
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // If the JDK cannot say, a plugin must not be told it may prompt.
            return false;
        }
    }

    /** This environment with another clock. */
    public AuthEnvironment withClock(Clock clock) {
        return new AuthEnvironment(clock, environment, consoleAvailable, tokenFileRefreshPeriod, certificateFileRefreshPeriod, osName);
    }

    /** This environment with another process environment for exec plugins. */
    public AuthEnvironment withEnvironment(Map<String, String> environment) {
        return new AuthEnvironment(clock, environment, consoleAvailable, tokenFileRefreshPeriod, certificateFileRefreshPeriod, osName);
    }

    /** This environment with a console present or absent. */
    public AuthEnvironment withConsoleAvailable(boolean consoleAvailable) {
        return new AuthEnvironment(clock, environment, consoleAvailable, tokenFileRefreshPeriod, certificateFileRefreshPeriod, osName);
    }

    /** This environment with other file refresh periods. */
    public AuthEnvironment withRefreshPeriods(Duration tokenFile, Duration certificateFiles) {
        return new AuthEnvironment(clock, environment, consoleAvailable, tokenFile, certificateFiles, osName);
    }

    /** This environment on another operating system (its {@code os.name}), for how exec commands are looked up. */
    public AuthEnvironment withOsName(String osName) {
        return new AuthEnvironment(clock, environment, consoleAvailable, tokenFileRefreshPeriod, certificateFileRefreshPeriod, osName);
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
                + ", certificateFileRefreshPeriod=" + certificateFileRefreshPeriod + ", osName=" + osName + "]";
    }
}
