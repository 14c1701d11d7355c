package dev.kubeclient.clientset;

import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.meta.ListOptions;

import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchEvent;
import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A CRD created through the typed apiextensions client, then used through a plain annotated class. */
@IntegrationTest
class CustomResourceIT {

    private static final String CRD_NAME = "widgets." + Widget.GROUP;

    private static Clientset clientset;
    private static String ns;

    @BeforeAll
    static void installCrd(RealCluster cluster) {
        clientset = EnvtestClientsets.admin(cluster);
        ns = EnvtestClientsets.newNamespace(clientset, "typed-crd");
        var crds = clientset.apiextensionsV1().customResourceDefinitions();
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder().withNewMetadata().withName(CRD_NAME).endMetadata()
                .withNewSpec().withGroup(Widget.GROUP).withScope("Namespaced")
                .withNewNames().withKind("Widget").withListKind("WidgetList").withPlural("widgets").withSingular("widget").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object")
                .addToProperties("spec", new io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder()
                        .withType("object")
                        .addToProperties("color", new io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder().withType("string").build())
                        .addToProperties("size", new io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder().withType("integer").build())
                        .build())
                .endOpenAPIV3Schema().endSchema().endVersion().endSpec().build();
        try {
            crds.create(crd);
        } catch (RuntimeException e) {
            if (!ApiErrors.isAlreadyExists(e)) {
                throw e;
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> crds.get(CRD_NAME).getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())));
    }

    @AfterAll
    static void close() {
        if (clientset != null) {
            clientset.coreV1().namespaces().delete(ns);
            clientset.close();
        }
    }

    @Test
    void aPlainAnnotatedClassServesTheCustomResource() {
        var widgets = clientset.resources(Widget.class, ns);

        Widget created = widgets.create(new Widget("gear", "blue", 3));
        Widget read = widgets.get("gear");
        DefaultKubernetesResourceList<Widget> listed = widgets.list();
        Widget patched = widgets.patch("gear", dev.kubeclient.rest.PatchType.MERGE, "{\"spec\":{\"size\":4}}");
        Widget applied = widgets.apply(new Widget("gear", "green", null), ApplyOptions.fieldManager("widget-ctrl").forced());

        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(read.getSpec().getColor()).isEqualTo("blue");
        assertThat(listed.getItems()).extracting(w -> w.getMetadata().getName()).containsExactly("gear");
        assertThat(listed.getItems().get(0)).isInstanceOf(Widget.class);
        assertThat(patched.getSpec().getSize()).isEqualTo(4);
        assertThat(applied.getSpec().getColor()).isEqualTo("green");
        assertThat(applied.getSpec().getSize()).isEqualTo(4);
        widgets.delete("gear");
    }

    @Test
    void watchingTheCustomResourceDeliversTypedObjects() {
        var widgets = clientset.resources(Widget.class, ns);
        String rv = widgets.list().getMetadata().getResourceVersion();

        widgets.create(new Widget("watched", "red", 1));
        try (Watch<Widget> watch = widgets.watch(ListOptions.builder().resourceVersion(rv).timeoutSeconds(10).build())) {
            WatchEvent<Widget> event = watch.next();
            assertThat(event.type()).isEqualTo(WatchEvent.Type.ADDED);
            assertThat(event.object()).isInstanceOf(Widget.class);
            assertThat(event.object().getSpec().getColor()).isEqualTo("red");
        }
        widgets.delete("watched");
    }
}
