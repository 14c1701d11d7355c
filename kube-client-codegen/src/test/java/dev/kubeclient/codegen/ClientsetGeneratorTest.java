package dev.kubeclient.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientsetGeneratorTest {

    @Test
    void groupVersionAccessorsFollowClientGoNamesWithTheFullGroup() {
        assertThat(ClientsetGenerator.accessorName("", "v1")).isEqualTo("coreV1");
        assertThat(ClientsetGenerator.accessorName("apps", "v1")).isEqualTo("appsV1");
        assertThat(ClientsetGenerator.accessorName("rbac.authorization.k8s.io", "v1")).isEqualTo("rbacAuthorizationV1");
        assertThat(ClientsetGenerator.accessorName("flowcontrol.apiserver.k8s.io", "v1beta3")).isEqualTo("flowcontrolV1beta3");
        assertThat(ClientsetGenerator.accessorName("admissionregistration.k8s.io", "v1alpha1")).isEqualTo("admissionregistrationV1alpha1");
    }

    @Test
    void resourceAccessorsAreCamelCasePlurals() {
        assertThat(ClientsetGenerator.decapitalize(ClientsetGenerator.pluralOf("ConfigMap"))).isEqualTo("configMaps");
        assertThat(ClientsetGenerator.decapitalize(ClientsetGenerator.pluralOf("CSIDriver"))).isEqualTo("csiDrivers");
        assertThat(ClientsetGenerator.decapitalize(ClientsetGenerator.pluralOf("APIService"))).isEqualTo("apiServices");
        assertThat(ClientsetGenerator.decapitalize(ClientsetGenerator.pluralOf("NetworkPolicy"))).isEqualTo("networkPolicies");
        assertThat(ClientsetGenerator.decapitalize(ClientsetGenerator.pluralOf("Endpoints"))).isEqualTo("endpoints");
        assertThat(ClientsetGenerator.decapitalize(ClientsetGenerator.pluralOf("Ingress"))).isEqualTo("ingresses");
    }

    @Test
    void theScanFindsResourcesWithTheirShapes() throws Exception {
        Model model = Model.scan(getClass().getClassLoader(), ClientsetGenerator.modelJars());

        assertThat(model.resources()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo("Deployment");
            assertThat(r.shape()).isEqualTo(ClientShape.SCALABLE);
            assertThat(r.plural()).isEqualTo("deployments");
        });
        assertThat(model.resources()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo("Pod");
            assertThat(r.shape()).isEqualTo(ClientShape.POD);
        });
        assertThat(model.resources()).extracting(Resource::kind).doesNotContain("PartialObjectMetadata", "Status");
        assertThat(model.kinds()).extracting(OtherKind::kind).contains("PartialObjectMetadata", "Status");
    }

    @Test
    void generationIsReproducibleAndRewritesOnlyChangedFiles(@TempDir Path out) throws Exception {
        Model model = Model.scan(getClass().getClassLoader(), ClientsetGenerator.modelJars());
        Map<Path, String> files = Map.of(Path.of("dev/kubeclient/clientset/Clientset.java"), Sources.clientset(model),
                Path.of("dev/kubeclient/clientset/Stale.java"), "// old");
        Output.write(out, files);

        int secondRun = Output.write(out, Map.of(Path.of("dev/kubeclient/clientset/Clientset.java"), Sources.clientset(model)));

        assertThat(secondRun).as("only the stale file is removed").isEqualTo(1);
        assertThat(out.resolve("dev/kubeclient/clientset/Stale.java")).doesNotExist();
        assertThat(Files.readString(out.resolve("dev/kubeclient/clientset/Clientset.java")))
                .startsWith(ClientsetGenerator.HEADER).contains("public AppsV1Client appsV1()");
    }

    private static Resource resource(String group, String version, String kind, boolean namespaced) {
        String type = "io.example." + kind;
        return new Resource(group, version, kind, ClientsetGenerator.pluralOf(kind).toLowerCase(java.util.Locale.ROOT),
                namespaced, type, type + "List", ClientShape.FULL);
    }

    /** A model shaped like fabric8's: removed, current and mixed group-versions. */
    private static Model sampleModel() {
        return new Model(List.of(
                resource("batch", "v1", "CronJob", true),
                resource("batch", "v1beta1", "CronJob", true),
                resource("policy", "v1", "PodDisruptionBudget", true),
                resource("policy", "v1beta1", "PodDisruptionBudget", true),
                resource("policy", "v1beta1", "PodSecurityPolicy", false),
                resource("flowcontrol.apiserver.k8s.io", "v1", "FlowSchema", false),
                resource("flowcontrol.apiserver.k8s.io", "v1beta3", "FlowSchema", false),
                resource("certificates.k8s.io", "v1", "CertificateSigningRequest", false),
                resource("certificates.k8s.io", "v1beta1", "CertificateSigningRequest", false),
                resource("certificates.k8s.io", "v1beta1", "ClusterTrustBundle", false)), List.of());
    }

    @Test
    void accessorsOfRemovedGroupVersionsAreDeprecatedNamingTheReplacement() {
        String clientset = Sources.clientset(sampleModel());

        assertThat(clientset).contains("""
                    /**
                     * The resources of {@code batch/v1beta1}.
                     *
                     * @deprecated {@code batch/v1beta1} is not served since Kubernetes 1.25; use {@code batch/v1} ({@code batchV1()}).
                     */
                    @Deprecated
                    public BatchV1beta1Client batchV1beta1() {
                """);
        assertThat(clientset).contains("""
                    /** The resources of {@code batch/v1}. */
                    public BatchV1Client batchV1() {
                """);
        assertThat(clientset).contains("@deprecated {@code policy/v1beta1} is not served since Kubernetes 1.25; use "
                + "{@code policy/v1} ({@code policyV1()}); PodSecurityPolicy has no replacement: use Pod Security "
                + "Admission (namespace labels) or a third-party admission webhook.");
        assertThat(clientset).contains("@deprecated {@code flowcontrol.apiserver.k8s.io/v1beta3} is not served since "
                + "Kubernetes 1.32; use {@code flowcontrol.apiserver.k8s.io/v1} ({@code flowcontrolV1()}).");
        for (String removed : List.of("batchV1beta1", "policyV1beta1", "flowcontrolV1beta3")) {
            assertThat(clientset).as(removed).containsPattern("@Deprecated\\n    public \\w+ " + removed + "\\(\\)");
        }
        for (String current : List.of("batchV1", "policyV1", "flowcontrolV1", "certificatesV1", "certificatesV1beta1")) {
            assertThat(clientset).as(current).doesNotContainPattern("@Deprecated\\n    public \\w+ " + current + "\\(\\)");
        }
        assertThat(clientset).contains("@SuppressWarnings(\"deprecation\")");
    }

    @Test
    void theClientOfARemovedGroupVersionIsDeprecatedWithEachAccessor() {
        GroupVersion batch = sampleModel().groupVersions().stream()
                .filter(gv -> gv.apiVersion().equals("batch/v1beta1")).findFirst().orElseThrow();
        String client = Sources.groupVersionClient(batch);

        assertThat(client).contains("@deprecated {@code batch/v1beta1} is not served since Kubernetes 1.25; use "
                + "{@code batch/v1} ({@code batchV1()}).\n */\n@Deprecated\n@SuppressWarnings(\"unused\")\n"
                + "public final class BatchV1beta1Client {");
        assertThat(client).contains("     * @deprecated {@code batch/v1beta1} CronJob is not served since Kubernetes 1.25; "
                + "use {@code batch/v1} ({@code batchV1()}).\n     */\n    @Deprecated\n    public ResourceClient<");
    }

    @Test
    void aGroupVersionWhoseKindsWereRemovedInSeveralReleasesSaysWhen() {
        Model model = new Model(List.of(resource("storage.k8s.io", "v1beta1", "CSIDriver", false),
                resource("storage.k8s.io", "v1beta1", "CSIStorageCapacity", true),
                resource("storage.k8s.io", "v1", "CSIDriver", false)), List.of());

        assertThat(model.groupVersions().get(1).removalAdvice()).isEqualTo("{@code storage.k8s.io/v1beta1} is not "
                + "served by Kubernetes 1.27 and later (its kinds were removed in 1.22 and 1.27); use "
                + "{@code storage.k8s.io/v1} ({@code storageV1()}).");
    }

    @Test
    void inAGroupVersionThatStillServesNewerKindsOnlyTheRemovedResourcesAreDeprecated() {
        GroupVersion certificates = sampleModel().groupVersions().stream()
                .filter(gv -> gv.apiVersion().equals("certificates.k8s.io/v1beta1")).findFirst().orElseThrow();
        String client = Sources.groupVersionClient(certificates);

        assertThat(certificates.removed()).isFalse();
        assertThat(client).doesNotContain("@Deprecated\n@SuppressWarnings");
        assertThat(client).containsPattern("@deprecated \\{@code certificates.k8s.io/v1beta1\\} CertificateSigningRequest is not "
                + "served since Kubernetes 1.22; use \\{@code certificates.k8s.io/v1\\} \\(\\{@code certificatesV1\\(\\)\\}\\)."
                + "\\n     \\*/\\n    @Deprecated\\n    public [^\\n]+ certificateSigningRequests\\(\\)");
        assertThat(client).doesNotContainPattern("@Deprecated\\n    public [^\\n]+ clusterTrustBundles\\(\\)");
    }

    @Test
    void everyRemovalNamesAReplacementInAnotherVersionOrWhatToDoInstead() {
        for (RemovedApi removed : RemovedApi.TABLE) {
            if (removed.replacement() == null) {
                assertThat(removed.note()).as(removed.kind()).isNotBlank();
            } else {
                assertThat(removed.replacement()).matches("([a-z0-9.]+/)?v\\d+").isNotEqualTo(removed.apiVersion());
            }
            assertThat(removed.removedIn()).matches("1\\.\\d+");
        }
    }
}
