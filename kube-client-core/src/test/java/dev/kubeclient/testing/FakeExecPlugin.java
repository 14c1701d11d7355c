package dev.kubeclient.testing;

import dev.kubeclient.config.ExecConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An exec credential plugin written in Java, so tests of exec authentication run wherever a JDK does: no shell, no
 * {@code chmod}, no GNU tools. The plugin is {@link FakeExecPluginMain}, started with the running JVM's own
 * {@code java} launcher.
 *
 * <p>Each run appends a line to the runs file (when one is set), waits the configured delay, and prints the output
 * for its run: run <i>n</i> prints the <i>n</i>-th output, and runs past the last output print the last one. In an
 * output, {@code {run}} becomes the run's number and {@code {now+PT1H}} (any ISO-8601 duration) an RFC 3339 time that
 * far from now on the wall clock. An exit code other than 0 makes the run fail after printing.
 *
 * <pre>{@code
 * ExecConfig exec = FakeExecPlugin.in(dir).countingRunsIn(dir.resolve("runs"))
 *         .printing(FakeExecPlugin.tokenCredential("tok-{run}")).toExecConfig();
 * }</pre>
 */
public final class FakeExecPlugin {

    private final Path dir;
    private Path runs;
    private Duration delay = Duration.ZERO;
    private int exitCode;
    private String stderr = "";
    private Path environment;
    private final List<String> outputs = new ArrayList<>();

    private FakeExecPlugin(Path dir) {
        this.dir = dir;
    }

    /** A plugin that keeps its output files in {@code dir} (a test's temporary folder). */
    public static FakeExecPlugin in(Path dir) {
        return new FakeExecPlugin(dir);
    }

    /** A {@code client.authentication.k8s.io/v1} ExecCredential carrying {@code token}. */
    public static String tokenCredential(String token) {
        return "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\""
                + token + "\"}}";
    }

    /** A {@code client.authentication.k8s.io/v1} ExecCredential carrying {@code token} until {@code expiry}. */
    public static String tokenCredential(String token, String expiry) {
        return "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\""
                + token + "\",\"expirationTimestamp\":\"" + expiry + "\"}}";
    }

    /** Each run appends one line to {@code file}, so a test can count runs. */
    public FakeExecPlugin countingRunsIn(Path file) {
        this.runs = file;
        return this;
    }

    /** Each run waits this long before it prints. */
    public FakeExecPlugin delayedBy(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Each run exits with this code after printing. */
    public FakeExecPlugin exitingWith(int exitCode) {
        this.exitCode = exitCode;
        return this;
    }

    /** Each run writes this to standard error. */
    public FakeExecPlugin writingToStderr(String text) {
        this.stderr = text;
        return this;
    }

    /** Each run writes the environment it was started with to {@code file}, a {@code NAME=value} line each. */
    public FakeExecPlugin writingEnvironmentTo(Path file) {
        this.environment = file;
        return this;
    }

    /** Run <i>n</i> prints the <i>n</i>-th of these, later runs the last one. */
    public FakeExecPlugin printing(String... outputs) {
        this.outputs.addAll(List.of(outputs));
        return this;
    }

    /** The command line that starts this plugin: the {@code java} launcher first. */
    public List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add(javaLauncher().toString());
        line.addAll(arguments());
        return line;
    }

    /** The plugin as a kubeconfig exec stanza would declare it (never interactive). */
    public ExecConfig toExecConfig() {
        return new ExecConfig(null, javaLauncher().toString(), arguments(), Map.of(), null, false, null,
                ExecConfig.InteractiveMode.NEVER, null);
    }

    private List<String> arguments() {
        try {
            List<String> args = new ArrayList<>(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", classesFolder().toString(), FakeExecPluginMain.class.getName()));
            if (runs != null) {
                args.add("--runs=" + runs);
            }
            args.add("--delay=" + delay);
            args.add("--exit=" + exitCode);
            if (environment != null) {
                args.add("--env-to=" + environment);
            }
            Path err = Files.createTempFile(dir, "fake-plugin-stderr", ".txt");
            Files.writeString(err, stderr);
            args.add("--stderr=" + err);
            for (String output : outputs) {
                Path file = Files.createTempFile(dir, "fake-plugin-out", ".json");
                Files.writeString(file, output);
                args.add(file.toString());
            }
            return args;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path javaLauncher() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path windows = bin.resolve("java.exe");
        return Files.isRegularFile(windows) ? windows : bin.resolve("java");
    }

    private static Path classesFolder() {
        try {
            return Path.of(FakeExecPluginMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
