package dev.kubeclient.clientset;

import dev.kubeclient.clientset.typed.CoreV1Client;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.scheme.KindPlurals;
import dev.kubeclient.scheme.ResourceType;
import dev.kubeclient.scheme.Scheme;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated surface: one accessor per group-version and per resource, of the right client shape. */
class GeneratedClientsetTest {

    private final KubeRestClient rest = KubeRestClient.builder(RestConfig.builder().server("https://127.0.0.1:1").build())
            .httpClient(new OkHttpClient()).build();
    private final Clientset clientset = Clientset.of(rest);

    @AfterEach
    void close() {
        rest.close();
    }

    @Test
    void thereIsAnAccessorForEveryGroupVersionTheModelShips() {
        Set<String> accessors = Arrays.stream(Clientset.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0
                        && m.getReturnType().getPackageName().equals("dev.kubeclient.clientset.typed"))
                .map(Method::getName).collect(Collectors.toSet());

        assertThat(accessors).contains("coreV1", "appsV1", "batchV1", "autoscalingV2", "networkingV1", "policyV1",
                "rbacAuthorizationV1", "storageV1", "coordinationV1", "discoveryV1", "eventsV1", "apiextensionsV1",
                "admissionregistrationV1", "certificatesV1", "schedulingV1", "nodeV1", "flowcontrolV1beta1",
                "flowcontrolV1", "resourceV1", "resourceV1beta1", "batchV1beta1", "authenticationV1", "authorizationV1",
                "apiregistrationV1", "storagemigrationV1beta1");
        Set<String> groupVersions = Scheme.withBuiltIns().resourceTypes().stream()
                .map(r -> r.kind().group() + "/" + r.kind().version()).collect(Collectors.toSet());
        assertThat(accessors).hasSameSizeAs(groupVersions);
    }

    @Test
    void accessorsOfGroupVersionsTheApiRemovedAreDeprecatedAndCurrentOnesAreNot() throws Exception {
        Set<String> deprecated = Arrays.stream(Clientset.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.isAnnotationPresent(Deprecated.class))
                .map(Method::getName).collect(Collectors.toSet());

        assertThat(deprecated).containsExactlyInAnyOrder("apiextensionsV1beta1", "authenticationV1beta1",
                "authorizationV1beta1", "autoscalingV2beta1", "autoscalingV2beta2", "batchV1beta1", "discoveryV1beta1",
                "eventsV1beta1", "flowcontrolV1beta1", "flowcontrolV1beta2", "flowcontrolV1beta3", "networkingV1beta1",
                "nodeV1beta1", "policyV1beta1", "storageV1beta1");
        assertThat(Clientset.class.getMethod("batchV1beta1").getReturnType().isAnnotationPresent(Deprecated.class)).isTrue();
        assertThat(Clientset.class.getMethod("batchV1").isAnnotationPresent(Deprecated.class)).isFalse();
        assertThat(Clientset.class.getMethod("batchV1").getReturnType().isAnnotationPresent(Deprecated.class)).isFalse();
    }

    @Test
    void inGroupVersionsThatStillServeNewerKindsOnlyTheRemovedResourcesAreDeprecated() throws Exception {
        Class<?> certificates = Clientset.class.getMethod("certificatesV1beta1").getReturnType();
        Class<?> admission = Clientset.class.getMethod("admissionregistrationV1beta1").getReturnType();
        Class<?> scheduling = Clientset.class.getMethod("schedulingV1beta1").getReturnType();

        assertThat(certificates.isAnnotationPresent(Deprecated.class)).isFalse();
        assertThat(certificates.getMethod("certificateSigningRequests").isAnnotationPresent(Deprecated.class)).isTrue();
        assertThat(certificates.getMethod("clusterTrustBundles").isAnnotationPresent(Deprecated.class)).isFalse();
        assertThat(admission.getMethod("validatingWebhookConfigurations").isAnnotationPresent(Deprecated.class)).isTrue();
        assertThat(admission.getMethod("mutatingAdmissionPolicies").isAnnotationPresent(Deprecated.class)).isFalse();
        assertThat(scheduling.getMethod("priorityClasses").isAnnotationPresent(Deprecated.class)).isTrue();
    }

    @Test
    void everyBuiltInResourceHasAnAccessorNamedAfterItsPlural() {
        for (ResourceType<?> type : Scheme.withBuiltIns().resourceTypes()) {
            Class<?> groupClient = groupClientOf(type);
            String expected = type.kind().kind().equals("Endpoints") ? "endpoints" : KindPlurals.pluralOf(type.kind().kind());
            List<Method> matching = Arrays.stream(groupClient.getDeclaredMethods())
                    .filter(m -> m.getName().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT)))
                    .toList();
            assertThat(matching).as("accessor for %s in %s", type.resource(), groupClient.getSimpleName()).hasSize(1);
            assertThat(matching.get(0).getParameterCount()).as("namespace parameter of %s", type.resource())
                    .isEqualTo(type.namespaced() ? 1 : 0);
        }
    }

    @Test
    void clientShapesFollowTheResource() {
        CoreV1Client core = clientset.coreV1();

        assertThat(core.pods("a")).isInstanceOf(PodClient.class);
        assertThat(core.replicationControllers("a")).isInstanceOf(ScalableResourceClient.class);
        assertThat(clientset.appsV1().deployments("a")).isInstanceOf(ScalableResourceClient.class);
        assertThat(clientset.authorizationV1().selfSubjectAccessReviews()).isInstanceOf(CreateOnlyClient.class);
        assertThat(clientset.authorizationV1().localSubjectAccessReviews("a")).isInstanceOf(CreateOnlyClient.class);
        assertThat(core.namespaces().namespace()).isNull();
        assertThat(core.configMaps("a").namespace()).isEqualTo("a");
        assertThat(core.configMaps("a").resourceType().resource()).isEqualTo("configmaps");
    }

    private static Class<?> groupClientOf(ResourceType<?> type) {
        String base = type.kind().group().isEmpty() ? "core" : type.kind().group()
                .replace(".k8s.io", "").replace(".apiserver", "");
        StringBuilder name = new StringBuilder();
        for (String part : base.split("\\.")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        name.append(Character.toUpperCase(type.kind().version().charAt(0))).append(type.kind().version().substring(1));
        try {
            return Class.forName("dev.kubeclient.clientset.typed." + name + "Client");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no generated client class for " + type.kind().apiVersion(), e);
        }
    }
}
