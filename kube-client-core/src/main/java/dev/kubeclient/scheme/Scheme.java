package dev.kubeclient.scheme;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type registry: group/version/kind ↔ Java class, and for resources also the resource name and scope
 * (client-go's {@code runtime.Scheme} plus the static part of a REST mapper).
 *
 * <p>{@link #withBuiltIns()} holds every kind the fabric8 model artifacts on the class path ship (the list is
 * generated at build time, see {@code BuiltInTypes}); {@link #register(Class)} adds a user's own custom resource
 * class. One scheme per client; it is safe to use and extend from many threads. There is no global instance.
 *
 * <p>The built-ins are a table of names until a kind is first used: a lookup by class, kind or resource name loads
 * that one model class (and its list class), so that creating a client does not load the ~300 classes of the
 * model. {@link #resourceTypes()} and {@link #kinds()} load them all.
 */
public final class Scheme {

    private final Map<Class<?>, ResourceType<?>> resourcesByClass = new ConcurrentHashMap<>();
    private final Map<GroupVersionResource, ResourceType<?>> resourcesByName = new ConcurrentHashMap<>();
    private final Map<GroupVersionKind, Class<?>> classesByKind = new ConcurrentHashMap<>();
    private final Map<Class<?>, GroupVersionKind> kindsByClass = new ConcurrentHashMap<>();
    private final PendingBuiltIns pending;

    private Scheme(PendingBuiltIns pending) {
        this.pending = pending;
    }

    /** A scheme that knows nothing yet. */
    public static Scheme empty() {
        return new Scheme(PendingBuiltIns.none());
    }

    /** A new scheme holding every built-in kind and resource of the model artifacts on the class path. */
    public static Scheme withBuiltIns() {
        return new Scheme(PendingBuiltIns.all());
    }

    /**
     * Registers a resource class described by its annotations (see {@link ResourceType#fromAnnotations}); lists of
     * it are read as {@code DefaultKubernetesResourceList}. Registering the same class twice is harmless.
     *
     * @throws IllegalArgumentException if an annotation is missing or the kind is taken by another class
     */
    public <T extends HasMetadata> ResourceType<T> register(Class<T> type) {
        return register(type, null);
    }

    /**
     * Registers a resource class and its list class, described by the resource class's annotations.
     *
     * @throws IllegalArgumentException if an annotation is missing or the kind is taken by another class
     */
    public <T extends HasMetadata> ResourceType<T> register(
            Class<T> type, Class<? extends KubernetesResourceList<?>> listType) {
        return register(ResourceType.fromAnnotations(type, listType));
    }

    /**
     * Registers a fully described resource type.
     *
     * @throws IllegalArgumentException if its kind, class or resource name is already registered differently
     */
    public synchronized <T extends HasMetadata> ResourceType<T> register(ResourceType<T> resourceType) {
        Objects.requireNonNull(resourceType, "resourceType");
        // A built-in that would clash must be in the maps before the checks below compare against them.
        resolve(pending.byClassName(resourceType.type().getName()));
        resolve(pending.byResource(resourceType.groupVersionResource()));
        resolve(pending.byKind(resourceType.kind()));
        if (resourceType.listType() != null) {
            resolve(pending.byClassName(resourceType.listType().getName()));
            resolve(pending.byKind(listKind(resourceType.kind())));
        }
        ResourceType<?> known = resourcesByClass.get(resourceType.type());
        if (resourceType.equals(known)) {
            return resourceType;
        }
        if (known != null) {
            throw new IllegalArgumentException(resourceType.type().getName() + " is already registered as " + known
                    + "; cannot register it again as " + resourceType);
        }
        ResourceType<?> sameName = resourcesByName.get(resourceType.groupVersionResource());
        if (sameName != null) {
            throw new IllegalArgumentException("resource " + resourceType.groupVersionResource() + " is already served by "
                    + sameName.type().getName() + "; cannot map it to " + resourceType.type().getName());
        }
        registerKind(resourceType.kind(), resourceType.type());
        if (resourceType.listType() != null) {
            registerKind(listKind(resourceType.kind()), resourceType.listType());
        }
        resourcesByClass.put(resourceType.type(), resourceType);
        resourcesByName.put(resourceType.groupVersionResource(), resourceType);
        return resourceType;
    }

    /**
     * Maps a kind that is not a resource of its own (for example {@code Status}, {@code Scale} or
     * {@code Eviction}) to its class, so responses carrying it can be decoded.
     *
     * @throws IllegalArgumentException if the kind or the class is already mapped differently
     */
    public synchronized void registerKind(GroupVersionKind kind, Class<?> type) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        resolve(pending.byKind(kind));
        resolve(pending.byClassName(type.getName()));
        Class<?> knownClass = classesByKind.get(kind);
        if (knownClass != null && knownClass != type) {
            throw new IllegalArgumentException("kind " + kind + " is already mapped to " + knownClass.getName()
                    + "; cannot map it to " + type.getName());
        }
        GroupVersionKind knownKind = kindsByClass.get(type);
        if (knownKind != null && !knownKind.equals(kind)) {
            throw new IllegalArgumentException(type.getName() + " is already mapped to kind " + knownKind
                    + "; cannot map it to " + kind);
        }
        classesByKind.put(kind, type);
        kindsByClass.put(type, kind);
    }

    /**
     * The resource type of a class: the registered one, or, for an unregistered class with the fabric8
     * annotations (a user's custom resource), one derived from them and registered on the way.
     *
     * @throws IllegalArgumentException if the class is not registered and lacks {@code @Group}/{@code @Version}
     */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> ResourceType<T> resourceType(Class<T> type) {
        ResourceType<?> known = resourceTypeOf(Objects.requireNonNull(type, "type"));
        return known != null ? (ResourceType<T>) known : register(type);
    }

    /** The registered resource type of a class, if any. */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> Optional<ResourceType<T>> find(Class<T> type) {
        return Optional.ofNullable((ResourceType<T>) resourceTypeOf(type));
    }

    /** The registered resource served under a group, version and resource name, if any. */
    public Optional<ResourceType<?>> find(GroupVersionResource resource) {
        ResourceType<?> known = resourcesByName.get(resource);
        if (known == null && resolve(pending.byResource(resource))) {
            known = resourcesByName.get(resource);
        }
        return Optional.ofNullable(known);
    }

    /** The class registered for a kind, if any. */
    public Optional<Class<?>> classOf(GroupVersionKind kind) {
        Class<?> known = classesByKind.get(kind);
        if (known == null && resolve(pending.byKind(kind))) {
            known = classesByKind.get(kind);
        }
        return Optional.ofNullable(known);
    }

    /** The kind registered for a class, if any. */
    public Optional<GroupVersionKind> kindOf(Class<?> type) {
        GroupVersionKind known = kindsByClass.get(type);
        if (known == null && resolve(pending.byClassName(type.getName()))) {
            known = kindsByClass.get(type);
        }
        return Optional.ofNullable(known);
    }

    /** Every registered resource type, ordered by group, version and resource name. */
    public List<ResourceType<?>> resourceTypes() {
        resolveAll();
        List<ResourceType<?>> all = new ArrayList<>(resourcesByClass.values());
        all.sort(Comparator.comparing((ResourceType<?> r) -> r.kind().group())
                .thenComparing(r -> r.kind().version())
                .thenComparing(ResourceType::resource));
        return all;
    }

    /** Every registered kind. */
    public Collection<GroupVersionKind> kinds() {
        resolveAll();
        return List.copyOf(classesByKind.keySet());
    }

    private ResourceType<?> resourceTypeOf(Class<?> type) {
        ResourceType<?> known = resourcesByClass.get(type);
        if (known == null && resolve(pending.byClassName(type.getName()))) {
            known = resourcesByClass.get(type);
        }
        return known;
    }

    private static GroupVersionKind listKind(GroupVersionKind kind) {
        return new GroupVersionKind(kind.group(), kind.version(), kind.kind() + "List");
    }

    /**
     * Moves a pending built-in into the maps (loading its classes); {@code false} if there was none. Readers look in
     * the maps again afterwards: an entry leaves the pending table only once it is in the maps, and a claimed entry
     * is not registered twice (registering it looks itself up again).
     */
    private boolean resolve(PendingBuiltIns.Entry entry) {
        if (entry == null) {
            return false;
        }
        synchronized (this) {
            if (entry.claim()) {
                entry.registerIn(this);
                pending.remove(entry);
            }
        }
        return true;
    }

    private synchronized void resolveAll() {
        for (PendingBuiltIns.Entry entry : pending.entries()) {
            resolve(entry);
        }
    }
}
