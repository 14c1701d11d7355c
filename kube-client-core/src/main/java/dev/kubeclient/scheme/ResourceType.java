package dev.kubeclient.scheme;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

import java.util.Locale;
import java.util.Objects;

/**
 * What the typed clients need to know about one resource: its kind, its resource name (plural), whether it lives
 * in a namespace, the Java class of one object and, when there is one, of its list.
 *
 * @param kind       group, version and kind of one object
 * @param resource   the lower-case plural used in URLs, for example {@code networkpolicies}
 * @param namespaced whether objects live in a namespace ({@code false}: cluster-scoped)
 * @param type       the Java class of one object
 * @param listType   the Java class of a list of objects; {@code null} when the model has none (custom resources
 *                   without a list class, which the clients read as {@code DefaultKubernetesResourceList}, and
 *                   create-only kinds such as {@code TokenReview})
 * @param <T>        the object type
 */
public record ResourceType<T extends HasMetadata>(
        GroupVersionKind kind,
        String resource,
        boolean namespaced,
        Class<T> type,
        Class<? extends KubernetesResourceList<?>> listType) {

    /** Validates the parts: kind, type and a lower-case resource name are required. */
    public ResourceType {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        if (resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("resource name of " + kind + " (" + type.getName() + ") must not be blank");
        }
        if (!resource.equals(resource.toLowerCase(Locale.ROOT)) || resource.contains("/")) {
            throw new IllegalArgumentException("resource name '" + resource + "' of " + kind
                    + " must be a lower-case plural without '/', for example 'widgets'");
        }
    }

    /**
     * Describes a model class from its fabric8 annotations: {@code @Group} and {@code @Version} (required),
     * {@code @Kind} (default: the simple class name), {@code @Plural} (default: {@link KindPlurals#resourceOf});
     * namespaced when it implements {@link Namespaced}.
     *
     * @param type     the model class
     * @param listType its list class, or {@code null} if there is none
     * @throws IllegalArgumentException naming the class and the missing annotation
     */
    public static <T extends HasMetadata> ResourceType<T> fromAnnotations(
            Class<T> type, Class<? extends KubernetesResourceList<?>> listType) {
        Objects.requireNonNull(type, "type");
        GroupVersionKind gvk = kindFromAnnotations(type);
        Plural plural = type.getAnnotation(Plural.class);
        String resource = plural != null && !plural.value().isBlank()
                ? plural.value().toLowerCase(Locale.ROOT)
                : KindPlurals.resourceOf(gvk.kind());
        return new ResourceType<>(gvk, resource, Namespaced.class.isAssignableFrom(type), type, listType);
    }

    /**
     * Reads group, version and kind from a class's {@code @Group}, {@code @Version} and optional {@code @Kind}.
     *
     * @throws IllegalArgumentException if {@code @Group} or {@code @Version} is missing
     */
    public static GroupVersionKind kindFromAnnotations(Class<?> type) {
        Group group = type.getAnnotation(Group.class);
        Version version = type.getAnnotation(Version.class);
        if (group == null || version == null) {
            String missing = group == null && version == null ? "@Group and @Version"
                    : group == null ? "@Group" : "@Version";
            throw new IllegalArgumentException(type.getName() + " lacks " + missing + ": annotate it with @io.fabric8.kubernetes.model.annotation.Group(\"example.com\") and "
                    + "@io.fabric8.kubernetes.model.annotation.Version(\"v1\") (plus @Plural if the plural is irregular), "
                    + "or register it with an explicit ResourceType");
        }
        Kind kind = type.getAnnotation(Kind.class);
        String kindName = kind != null && !kind.value().isBlank() ? kind.value() : type.getSimpleName();
        return new GroupVersionKind(group.value(), version.value(), kindName);
    }

    /** Group, version and resource name, as a REST path names this collection. */
    public GroupVersionResource groupVersionResource() {
        return new GroupVersionResource(kind.group(), kind.version(), resource);
    }

    /** Whether the model has a list class for this resource. */
    public boolean hasListType() {
        return listType != null;
    }

    // Written out: a record's generated equals and hashCode bootstrap method handles on first use
    // (java.lang.runtime.ObjectMethods), tens of milliseconds at start-up, when the first client registers its kind.
    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceType<?> other && kind.equals(other.kind) && resource.equals(other.resource)
                && namespaced == other.namespaced && type.equals(other.type) && Objects.equals(listType, other.listType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, resource, namespaced, type, listType);
    }
}
