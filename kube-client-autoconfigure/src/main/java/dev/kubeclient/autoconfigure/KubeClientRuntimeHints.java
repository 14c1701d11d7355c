package dev.kubeclient.autoconfigure;

import dev.kubeclient.discovery.ServerVersion;
import dev.kubeclient.dynamic.Unstructured;
import dev.kubeclient.dynamic.UnstructuredList;
import dev.kubeclient.scheme.GroupVersionKind;
import dev.kubeclient.scheme.Scheme;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Status;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.TypeReference;

import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What kube-client does reflectively at run time, for a native image built from an AOT-processed application:
 * <ul>
 *   <li>Jackson binding for every class the core reads or writes as JSON: the built-in kinds of
 *       {@link Scheme#withBuiltIns()} (the typed clientset's objects and lists, {@code Status}, {@code Scale},
 *       {@code Eviction}, options kinds) and what they refer to; the fabric8 types the core reads directly
 *       ({@code Status}, {@code APIResourceList}, {@code GenericKubernetesResource}, list metadata, owner
 *       references, managed fields); {@link ServerVersion}; the dynamic client's {@link Unstructured} and
 *       {@link UnstructuredList}. fabric8 declares its JSON names on fields, so their fields are registered too.</li>
 *   <li>The mix-in the typed client puts on a user's resource classes, and the opt-out deserializer it names.</li>
 *   <li>Resources: the core's {@code version.properties} (the user agent's version) and fabric8's service file
 *       listing the model classes its polymorphic deserializer loads.</li>
 *   <li>The JDK's {@code jdk.net.ExtendedSocketOptions} keepalive fields, looked up by name.</li>
 * </ul>
 * Kubeconfig YAML, exec-plugin {@code ExecCredential}s, OIDC answers and discovery documents are read as JSON trees,
 * not bound to classes, so they need no hints. A user's own resource classes (custom resources) need their own
 * binding hints, for example with {@code @RegisterReflectionForBinding}.
 */
final class KubeClientRuntimeHints implements RuntimeHintsRegistrar {

    /** The core's build information, read for the default {@code User-Agent}. */
    static final String VERSION_RESOURCE = "dev/kubeclient/transport/version.properties";
    /** fabric8's list of model classes, which its {@code KubernetesDeserializer} loads with a ServiceLoader. */
    static final String FABRIC8_MODEL_SERVICES = "META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource";
    /** The mix-in {@code DecodingMappers} adds to a user's resource class. */
    static final String DECODING_MIX_IN = "dev.kubeclient.clientset.DecodingMappers$PlainBean";
    /** Looked up by name by the transport's socket factory. */
    static final String EXTENDED_SOCKET_OPTIONS = "jdk.net.ExtendedSocketOptions";
    static final List<String> KEEPALIVE_OPTIONS = List.of("TCP_KEEPIDLE", "TCP_KEEPINTERVAL", "TCP_KEEPCOUNT");

    private static final List<Class<?>> CORE_BOUND_TYPES = List.of(ServerVersion.class, Unstructured.class,
            UnstructuredList.class, Status.class, APIResourceList.class, GenericKubernetesResource.class,
            DefaultKubernetesResourceList.class, ListMeta.class, ObjectMeta.class, OwnerReference.class,
            ManagedFieldsEntry.class);
    private static final String FABRIC8_MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        hints.resources().registerPattern(VERSION_RESOURCE);
        hints.resources().registerPattern(FABRIC8_MODEL_SERVICES);

        ReflectionHints reflection = hints.reflection();
        new BindingReflectionHintsRegistrar().registerReflectionHints(reflection, boundTypes());
        List<TypeReference> fabric8Types = reflection.typeHints().map(TypeHint::getType)
                .filter(type -> type.getName().startsWith(FABRIC8_MODEL_PACKAGE)).toList();
        for (TypeReference type : fabric8Types) {
            reflection.registerType(type, MemberCategory.ACCESS_DECLARED_FIELDS);
        }

        // Their @JsonCreator factory and @JsonValue accessor (package-private) are not bean properties.
        reflection.registerType(Unstructured.class, MemberCategory.INVOKE_DECLARED_METHODS);
        reflection.registerType(UnstructuredList.class, MemberCategory.INVOKE_DECLARED_METHODS);
        reflection.registerType(TypeReference.of(DECODING_MIX_IN));
        reflection.registerType(tools.jackson.databind.ValueDeserializer.None.class,
                MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
        reflection.registerType(TypeReference.of(EXTENDED_SOCKET_OPTIONS),
                type -> KEEPALIVE_OPTIONS.forEach(type::withField));
    }

    /** The core's own JSON-bound types, then every kind of the built-in scheme. */
    static Type[] boundTypes() {
        Set<Type> types = new LinkedHashSet<>(CORE_BOUND_TYPES);
        Scheme builtIns = Scheme.withBuiltIns();
        for (GroupVersionKind kind : builtIns.kinds()) {
            builtIns.classOf(kind).ifPresent(types::add);
        }
        return types.toArray(Type[]::new);
    }
}
