package dev.kubeclient.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures what the starter adds to the start-up of an application context: the time to refresh a context with
 * {@link KubeClientAutoConfiguration} (kubeconfig with an https server, CA and token: properties, RestConfig,
 * transport with its TLS setup, REST client, clientset, dynamic, discovery, mapper, retry templates) minus the
 * time to refresh the same context without it. No request is sent at start-up.
 *
 * <p>Each fork is a fresh JVM: Spring itself is warmed with two empty contexts first, then the first context with
 * the starter is timed ("cold": kube-client's classes load now, as in a real application start) and then the
 * average of 20 more ("warm"). Run (from the repository root):
 * <pre>
 * ./mvnw -q -o -pl kube-client-autoconfigure -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp kube-client-autoconfigure/target/test-classes:kube-client-autoconfigure/target/classes:$(cat kube-client-autoconfigure/target/test-classpath.txt) \
 *     dev.kubeclient.autoconfigure.StartupCostHarness 10
 * </pre>
 */
public final class StartupCostHarness {

    private static final int WARM_ROUNDS = 20;

    private StartupCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--fork")) {
            fork();
            return;
        }
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < forks; i++) {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), StartupCostHarness.class.getName(), "--fork")
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("RESULT ")) {
                        String[] parts = line.split(" ");
                        cold.add(Double.parseDouble(parts[1]));
                        warm.add(Double.parseDouble(parts[2]));
                    }
                }
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("fork " + i + " failed with exit code " + process.exitValue());
            }
        }
        System.out.printf("starter start-up cost over %d forks (ms added to a context refresh):%n", forks);
        System.out.printf("  cold (first context in the JVM): median %.1f, min %.1f, max %.1f%n", median(cold),
                min(cold), max(cold));
        System.out.printf("  warm (mean of %d later contexts): median %.1f%n", WARM_ROUNDS, median(warm));
    }

    private static void fork() throws IOException {
        Path dir = Files.createTempDirectory("startup-cost");
        Path kubeconfig = Fixtures.write(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                current-context: c
                clusters:
                - name: c
                  cluster:
                    server: https://127.0.0.1:6443
                    certificate-authority: %s
                users:
                - name: u
                  user:
                    token: harness-token
                contexts:
                - name: c
                  context: {cluster: c, user: u}
                """.formatted(Fixtures.serviceAccount(dir).resolve("ca.crt")));
        ApplicationContextRunner base = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
                .withPropertyValues("kube.client.kubeconfig=" + kubeconfig);
        ApplicationContextRunner withStarter = base
                .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class));
        refreshMillis(base);
        refreshMillis(base);
        double baseline = refreshMillis(base);
        double cold = refreshMillis(withStarter) - baseline;
        double baseTotal = 0;
        double starterTotal = 0;
        for (int i = 0; i < WARM_ROUNDS; i++) {
            baseTotal += refreshMillis(base);
            starterTotal += refreshMillis(withStarter);
        }
        System.out.printf("RESULT %.3f %.3f%n", cold, (starterTotal - baseTotal) / WARM_ROUNDS);
    }

    /** Milliseconds from the start of the run to the refreshed context (closing is not counted). */
    private static double refreshMillis(ApplicationContextRunner runner) {
        long start = System.nanoTime();
        long[] refreshed = new long[1];
        runner.run(context -> {
            if (context.getStartupFailure() != null) {
                throw new IllegalStateException(context.getStartupFailure());
            }
            refreshed[0] = System.nanoTime();
        });
        return (refreshed[0] - start) / 1e6;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double min(List<Double> values) {
        return Arrays.stream(values.stream().mapToDouble(Double::doubleValue).toArray()).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return Arrays.stream(values.stream().mapToDouble(Double::doubleValue).toArray()).max().orElse(0);
    }
}
