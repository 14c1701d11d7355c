package dev.kubeclient.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
