package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;
import dev.kubeclient.scheme.GroupVersionResource;

import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery and the REST mapper against the envtest server, checked against kubectl on the same server. */
@IntegrationTest
class DiscoveryIT {

    private static KubeRestClient rest;
    private static RealCluster cluster;

    @BeforeAll
    static void connect() {
        cluster = RealCluster.fromEnvironment();
        rest = EnvtestClients.admin(cluster, null);
    }

    @AfterAll
    static void close() {
        if (rest != null) {
            rest.close();
        }
    }

    @Test
    void theServerVersionIsTheEnvtestOne() {
        ServerVersion version = DiscoveryClient.create(rest).serverVersion();

        assertThat(version.major()).isEqualTo("1");
        assertThat(version.gitVersion()).startsWith("v1.");
    }

    @Test
    void legacyDiscoveryFindsTheBuiltInGroupsCompletely() {
        ServerResources all = DiscoveryClient.create(rest).serverGroupsAndResources();

        assertThat(all.groups().get(0).name()).isEmpty();
        assertThat(all.groups()).extracting(ApiGroup::name).contains("apps", "batch", "apiextensions.k8s.io");
        ApiResource deployments = all.resourcesFor(GroupVersion.parse("apps/v1")).orElseThrow().resources().stream()
                .filter(r -> r.name().equals("deployments")).findFirst().orElseThrow();
        assertThat(deployments.shortNames()).contains("deploy");
        assertThat(all.resourcesFor(GroupVersion.parse("apps/v1")).orElseThrow().resources())
                .extracting(ApiResource::name).contains("deployments/scale", "deployments/status");
    }

    @Test
    void preferredResourcesMatchKubectlApiResources() throws Exception {
        Set<String> kubectlBefore = kubectlRows();
        Set<String> ours = ourRows(DiscoveryClient.create(rest).serverPreferredResources());
        Set<String> kubectlAfter = kubectlRows();

        // Other test suites may add or remove CRDs meanwhile: rows kubectl saw both times must be ours, and every
        // row of ours must have been seen by kubectl at least once.
        Set<String> stable = new TreeSet<>(kubectlBefore);
        stable.retainAll(kubectlAfter);
        Set<String> seen = new TreeSet<>(kubectlBefore);
        seen.addAll(kubectlAfter);
        assertThat(stable).hasSizeGreaterThan(40);
        assertThat(ours).containsAll(stable);
        assertThat(seen).containsAll(ours);
    }

    @Test
    void theRestMapperAgreesWithKubectlForEveryResource() throws Exception {
        RestMapper mapper = RestMapper.create(CachedDiscoveryClient.wrap(DiscoveryClient.create(rest)));
        List<String[]> rows = kubectlTable();
        int checked = 0;
        for (String[] row : rows) {
            String name = row[0];
            GroupVersion gv = GroupVersion.parse(row[2]);
            GroupVersionResource expected = gv.withResource(name);
            if (mapper.mappingsFor(row[4] + "." + gv.group()).isEmpty() && !gv.group().isEmpty()) {
                continue; // a CRD removed by another suite since kubectl ran
            }
            String qualified = gv.group().isEmpty() ? name : name + "." + gv.group();
            assertThat(mapper.resourceFor(qualified).resource()).as(qualified).isEqualTo(expected);
            assertThat(mapper.resourceFor(qualified).namespaced()).as(qualified + " namespaced")
                    .isEqualTo(Boolean.parseBoolean(row[3]));
            for (String shortName : row[1].isEmpty() ? new String[0] : row[1].split(",")) {
                String qualifiedShort = gv.group().isEmpty() ? shortName : shortName + "." + gv.group();
                assertThat(mapper.resourceFor(qualifiedShort).resource()).as(qualifiedShort).isEqualTo(expected);
            }
            assertThat(mapper.mappingFor(gv.withKind(row[4])).resource()).as(row[4]).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(mapper.resourceFor("deploy").resource()).isEqualTo(GroupVersionResource.parse("apps/v1/deployments"));
        assertThat(mapper.resourceFor("cm").resource()).isEqualTo(GroupVersionResource.parse("v1/configmaps"));
        assertThat(mapper.resourceFor("po").resource()).isEqualTo(GroupVersionResource.parse("v1/pods"));
        assertThat(mapper.resourceFor("svc").resource()).isEqualTo(GroupVersionResource.parse("v1/services"));
        assertThat(mapper.mappingFor("Deployment").namespaced()).isTrue();
    }

    /** Our preferred resources as kubectl's rows: name, short names, apiVersion, namespaced, kind, sorted verbs. */
    private static Set<String> ourRows(ServerResources preferred) {
        Set<String> rows = new TreeSet<>();
        for (ApiResourceList list : preferred.resourceLists()) {
            for (ApiResource r : list.resources()) {
                rows.add(String.join(" | ", r.name(), String.join(",", r.shortNames()),
                        list.groupVersion().apiVersion(), Boolean.toString(r.namespaced()), r.kind(),
                        String.join(",", new TreeSet<>(r.verbs()))));
            }
        }
        return rows;
    }

    private static Set<String> kubectlRows() throws Exception {
        Set<String> rows = new HashSet<>();
        for (String[] row : kubectlTable()) {
            List<String> verbs = new ArrayList<>(List.of(row[5].isEmpty() ? new String[0] : row[5].split(",")));
            rows.add(String.join(" | ", row[0], row[1], row[2], row[3], row[4], String.join(",", new TreeSet<>(verbs))));
        }
        return new TreeSet<>(rows);
    }

    /**
     * {@code kubectl api-resources -o wide}, split by the header's column starts (short names may be blank):
     * NAME, SHORTNAMES, APIVERSION, NAMESPACED, KIND, VERBS.
     */
    private static List<String[]> kubectlTable() throws Exception {
        String output = kubectl("api-resources", "-o", "wide");
        String[] lines = output.split("\n");
        String header = lines[0];
        String[] columns = {"NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", "VERBS", "CATEGORIES"};
        int[] starts = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            starts[i] = header.indexOf(columns[i]);
            assertThat(starts[i]).as("kubectl header has " + columns[i] + ": " + header).isGreaterThanOrEqualTo(0);
        }
        List<String[]> rows = new ArrayList<>();
        for (int l = 1; l < lines.length; l++) {
            String line = lines[l];
            if (line.isBlank()) {
                continue;
            }
            String[] row = new String[6];
            for (int i = 0; i < 6; i++) {
                int from = Math.min(starts[i], line.length());
                int to = Math.min(starts[i + 1], line.length());
                row[i] = line.substring(from, to).strip();
            }
            rows.add(row);
        }
        return rows;
    }

    private static String kubectl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", cluster.adminKubeconfig().toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            Assumptions.abort("kubectl is not on the PATH, so the comparison with kubectl is skipped: " + e.getMessage());
            throw e;
        }
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl finished").isTrue();
            assertThat(process.exitValue()).as("kubectl exit code").isZero();
            return text;
        } finally {
            process.destroy();
        }
    }
}
