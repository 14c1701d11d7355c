package dev.kubeclient.autoconfigure;

import dev.kubeclient.discovery.ServerVersion;
import dev.kubeclient.dynamic.Unstructured;
import dev.kubeclient.dynamic.UnstructuredList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KubeClientRuntimeHintsTest {

    private static final RuntimeHints HINTS = new RuntimeHints();

    @BeforeAll
    static void registerHints() {
        new KubeClientRuntimeHints().registerHints(HINTS, KubeClientRuntimeHintsTest.class.getClassLoader());
    }

    @Test
    void theCoreResourcesAreIncluded() {
        assertThat(RuntimeHintsPredicates.resource().forResource("dev/kubeclient/transport/version.properties"))
                .accepts(HINTS);
        assertThat(RuntimeHintsPredicates.resource()
                .forResource("META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource")).accepts(HINTS);
    }

    @Test
    void theVersionRecordCanBeBound() throws NoSuchMethodException {
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(ServerVersion.class.getDeclaredConstructor(
                String.class, String.class, String.class, String.class, String.class, String.class, String.class,
                String.class, String.class))).accepts(HINTS);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ServerVersion.class, "gitVersion"))
                .accepts(HINTS);
    }

    @Test
    void unstructuredObjectsHaveTheirCreatorAndValueMethods() {
        for (Class<?> type : List.of(Unstructured.class, UnstructuredList.class)) {
            assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(type, "of")).accepts(HINTS);
            assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(type, "content")).accepts(HINTS);
        }
    }

    @Test
    void statusAndWhatItHoldsCanBeReadAndWritten() {
        for (Class<?> type : List.of(Status.class, StatusDetails.class, StatusCause.class, ListMeta.class)) {
            assertBindable(type);
        }
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Status.class, "getDetails")).accepts(HINTS);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(StatusDetails.class, "setCauses"))
                .accepts(HINTS);
        assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(Status.class, "message")).accepts(HINTS);
    }

    @Test
    void typesTheCoreReadsDirectlyCanBeBound() {
        for (Class<?> type : List.of(APIResourceList.class, APIResource.class, GenericKubernetesResource.class,
                DefaultKubernetesResourceList.class, ObjectMeta.class)) {
            assertBindable(type);
        }
    }

    @Test
    void everyBuiltInKindOfTheClientsetCanBeBound() {
        for (Class<?> type : List.of(ConfigMap.class, ConfigMapList.class, Pod.class, PodSpec.class, Deployment.class,
                Scale.class, Eviction.class)) {
            assertBindable(type);
        }
        assertThat(KubeClientRuntimeHints.boundTypes()).hasSizeGreaterThan(200);
    }

    @Test
    void theTypedClientsMixInAndItsDeserializerAreRegistered() {
        assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(KubeClientRuntimeHints.DECODING_MIX_IN)))
                .accepts(HINTS);
        assertThat(RuntimeHintsPredicates.reflection().onType(tools.jackson.databind.ValueDeserializer.None.class))
                .accepts(HINTS);
    }

    @Test
    void theKeepaliveSocketOptionsCanBeLookedUpByName() throws ClassNotFoundException {
        for (String field : KubeClientRuntimeHints.KEEPALIVE_OPTIONS) {
            assertThat(RuntimeHintsPredicates.reflection().onField(KubeClientRuntimeHints.EXTENDED_SOCKET_OPTIONS, field))
                    .accepts(HINTS);
        }
    }

    private static void assertBindable(Class<?> type) {
        assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(HINTS);
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(noArgConstructor(type)))
                .as(type.getName() + " constructor").accepts(HINTS);
        for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
            String name = method.getName();
            boolean accessor = name.length() > 3 && Character.isUpperCase(name.charAt(3))
                    && (name.startsWith("get") && method.getParameterCount() == 0
                    || name.startsWith("set") && method.getParameterCount() == 1);
            if (accessor && java.lang.reflect.Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(method))
                        .as(type.getName() + "." + method.getName()).accepts(HINTS);
            }
        }
    }

    private static java.lang.reflect.Constructor<?> noArgConstructor(Class<?> type) {
        try {
            return type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type.getName() + " has no no-argument constructor", e);
        }
    }
}
