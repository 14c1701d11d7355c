package dev.kubeclient.autoconfigure;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.discovery.CachedDiscoveryClient;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.discovery.RestMapper;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.rest.KubeRestClient;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what the starter adds to the start-up of an application context. Three contexts are compared, each
 * with a kubeconfig naming an https server, a CA and a token (no request is sent at start-up):
 * <ul>
 *   <li>{@code empty}: Spring Boot's configuration-properties support and one properties class of the
 *       application (every Boot application binds some);</li>
 *   <li>{@code manual}: the same plus the clients wired by hand from core APIs (RestConfig from the kubeconfig,
 *       KubeRestClient, Clientset, DynamicClient, cached discovery, RestMapper), as an application without the
 *       starter would;</li>
 *   <li>{@code starter}: the same plus {@link KubeClientAutoConfiguration}.</li>
 * </ul>
 * {@code starter - empty} is the whole cost of adding kube-client through the starter (mostly loading the core's
 * classes: YAML, TLS, OkHttp, Jackson, the fabric8 model); {@code starter - manual} is what the starter itself adds
 * (property binding, conditions, mode selection, customizers, retry templates).
 *
 * <p>Each fork is a fresh JVM: Spring is warmed with two empty contexts, then the first context of one variant is
 * timed ("cold", as at a real application start) and then the mean of 20 more ("warm"). Both wall-clock time and
 * the refreshing thread's CPU time are reported; the latter is far less disturbed by other load on the machine.
 * Run (from the repository root):
 * <pre>
 * ./mvnw -q -o -pl kube-client-autoconfigure -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp kube-client-autoconfigure/target/test-classes:kube-client-autoconfigure/target/classes:$(cat kube-client-autoconfigure/target/test-classpath.txt) \
 *     dev.kubeclient.autoconfigure.StartupCostHarness 5
 * </pre>
 */
public final class StartupCostHarness {

    private static final int WARM_ROUNDS = 20;
    private static final List<String> VARIANTS = List.of("empty", "manual", "starter");

    private StartupCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("--fork")) {
            fork(args[1]);
            return;
        }
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        // variant -> [cold wall, warm wall, cold cpu, warm cpu] -> samples
        double[][] medians = new double[VARIANTS.size()][];
        for (int v = 0; v < VARIANTS.size(); v++) {
            List<List<Double>> samples = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < forks; i++) {
                double[] result = runFork(VARIANTS.get(v));
                for (int k = 0; k < 4; k++) {
                    samples.get(k).add(result[k]);
                }
            }
            medians[v] = samples.stream().mapToDouble(StartupCostHarness::median).toArray();
        }
        System.out.printf("Context refresh, median of %d forks (ms): cold wall / warm wall / cold CPU / warm CPU%n", forks);
        for (int v = 0; v < VARIANTS.size(); v++) {
            System.out.printf("  %-8s %8.1f %8.1f %8.1f %8.1f%n", VARIANTS.get(v), medians[v][0], medians[v][1],
                    medians[v][2], medians[v][3]);
        }
        System.out.printf("  starter - manual (what the starter itself adds): %8.1f %8.1f %8.1f %8.1f%n",
                medians[2][0] - medians[1][0], medians[2][1] - medians[1][1], medians[2][2] - medians[1][2],
                medians[2][3] - medians[1][3]);
        System.out.printf("  starter - empty  (kube-client through the starter): %6.1f %8.1f %8.1f %8.1f%n",
                medians[2][0] - medians[0][0], medians[2][1] - medians[0][1], medians[2][2] - medians[0][2],
                medians[2][3] - medians[0][3]);
    }

    private static double[] runFork(String variant) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartupCostHarness.class.getName(), "--fork", variant)
                .redirectErrorStream(true).start();
        double[] result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ");
                    result = new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                            Double.parseDouble(parts[3]), Double.parseDouble(parts[4])};
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the " + variant + " fork failed with exit code " + process.exitValue());
        }
        return result;
    }

    private static void fork(String variant) throws IOException {
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
        ApplicationContextRunner empty = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
                .withUserConfiguration(ApplicationProperties.class)
                .withPropertyValues("kube.client.kubeconfig=" + kubeconfig, "manual.kubeconfig=" + kubeconfig,
                        "app.timeout=2s", "app.names=a,b");
        ApplicationContextRunner measured = switch (variant) {
            case "empty" -> empty;
            case "manual" -> empty.withUserConfiguration(ManualWiring.class);
            case "starter" -> empty.withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class));
            default -> throw new IllegalArgumentException(variant);
        };
        refreshMillis(empty);
        refreshMillis(empty);
        double[] cold = refreshMillis(measured);
        double[] warm = new double[2];
        for (int i = 0; i < WARM_ROUNDS; i++) {
            double[] round = refreshMillis(measured);
            warm[0] += round[0] / WARM_ROUNDS;
            warm[1] += round[1] / WARM_ROUNDS;
        }
        System.out.printf("RESULT %.3f %.3f %.3f %.3f%n", cold[0], warm[0], cold[1], warm[1]);
    }

    /** Every Boot application binds some properties; the binder's own warm-up is not the starter's cost. */
    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.EnableConfigurationProperties(AppSettings.class)
    static class ApplicationProperties {
    }

    @org.springframework.boot.context.properties.ConfigurationProperties("app")
    static class AppSettings {
        private java.time.Duration timeout = java.time.Duration.ofSeconds(1);
        private java.util.List<String> names = new ArrayList<>();

        public java.time.Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(java.time.Duration timeout) {
            this.timeout = timeout;
        }

        public java.util.List<String> getNames() {
            return names;
        }

        public void setNames(java.util.List<String> names) {
            this.names = names;
        }
    }

    /** The clients wired by hand, as without the starter. */
    @Configuration(proxyBeanMethods = false)
    static class ManualWiring {
        @Bean
        RestConfig restConfig(org.springframework.core.env.Environment environment) {
            return new KubeConfigLoader().restConfig(Path.of(environment.getRequiredProperty("manual.kubeconfig")), null);
        }

        @Bean
        KubeRestClient kubeRestClient(RestConfig config) {
            return KubeRestClient.create(config);
        }

        @Bean
        Clientset clientset(KubeRestClient rest) {
            return Clientset.of(rest);
        }

        @Bean
        DynamicClient dynamicClient(KubeRestClient rest) {
            return DynamicClient.create(rest);
        }

        @Bean
        CachedDiscoveryClient discovery(KubeRestClient rest) {
            return CachedDiscoveryClient.wrap(DiscoveryClient.create(rest));
        }

        @Bean
        RestMapper restMapper(CachedDiscoveryClient discovery) {
            return RestMapper.create(discovery);
        }
    }

    /**
     * Wall-clock and this thread's CPU milliseconds from the start of the run to the refreshed context (closing is
     * not counted).
     */
    private static double[] refreshMillis(ApplicationContextRunner runner) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        long[] refreshed = new long[2];
        runner.run(context -> {
            if (context.getStartupFailure() != null) {
                throw new IllegalStateException(context.getStartupFailure());
            }
            refreshed[0] = System.nanoTime();
            refreshed[1] = threads.getCurrentThreadCpuTime();
        });
        return new double[] {(refreshed[0] - start) / 1e6, (refreshed[1] - startCpu) / 1e6};
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
