package dev.kubeclient.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process {@link FakeExecPlugin} starts. It uses the JDK only, so its class folder alone is its class path.
 */
public final class FakeExecPluginMain {

    private static final Pattern NOW_PLUS = Pattern.compile("\\{now\\+([^}]+)}");

    private FakeExecPluginMain() {
    }

    /**
     * The plugin itself: {@code [--runs=FILE] [--delay=ISO] [--exit=N] [--stderr=FILE] [--env-to=FILE] [--ignored=ANY] OUTPUT-FILE...}.
     *
     * @param args as above
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path runs = null;
        Duration delay = Duration.ZERO;
        int exit = 0;
        Path stderr = null;
        Path environment = null;
        List<Path> outputs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Path.of(arg.substring("--runs=".length()));
            } else if (arg.startsWith("--delay=")) {
                delay = Duration.parse(arg.substring("--delay=".length()));
            } else if (arg.startsWith("--exit=")) {
                exit = Integer.parseInt(arg.substring("--exit=".length()));
            } else if (arg.startsWith("--ignored=")) {
                continue; // stands for the arguments a real plugin takes (tests put secrets there)
            } else if (arg.startsWith("--env-to=")) {
                environment = Path.of(arg.substring("--env-to=".length()));
            } else if (arg.startsWith("--stderr=")) {
                stderr = Path.of(arg.substring("--stderr=".length()));
            } else {
                outputs.add(Path.of(arg));
            }
        }
        int run = 1;
        if (runs != null) {
            Files.writeString(runs, "run\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            run = Files.readAllLines(runs).size();
        }
        if (environment != null) {
            StringBuilder lines = new StringBuilder();
            System.getenv().forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
            Files.writeString(environment, lines, StandardCharsets.UTF_8);
        }
        Thread.sleep(delay.toMillis());
        if (stderr != null) {
            System.err.print(Files.readString(stderr));
        }
        if (!outputs.isEmpty()) {
            String output = Files.readString(outputs.get(Math.min(run, outputs.size()) - 1));
            System.out.print(expand(output, run));
        }
        System.out.flush();
        System.err.flush();
        System.exit(exit);
    }

    private static String expand(String output, int run) {
        String withRun = output.replace("{run}", Integer.toString(run));
        Matcher m = NOW_PLUS.matcher(withRun);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Instant at = Instant.now().plus(Duration.parse(m.group(1))).truncatedTo(ChronoUnit.SECONDS);
            m.appendReplacement(out, Matcher.quoteReplacement(at.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
