package dev.kubeclient.scheme;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in kinds of one {@link Scheme} that nobody has asked for yet, indexed by class name, kind and resource
 * name without loading their classes (the table is the generated {@code BuiltInTypes}). The scheme moves an entry
 * into its maps on first use.
 */
final class PendingBuiltIns {

    /** One built-in resource (with its list kind) or other kind. Claimed under the scheme's lock. */
    static final class Entry {
        private final GroupVersionKind kind;
        private final String resource;
        private final boolean namespaced;
        private final String typeName;
        private final String listTypeName;
        private boolean claimed;

        private Entry(GroupVersionKind kind, String resource, boolean namespaced, String typeName, String listTypeName) {
            this.kind = kind;
            this.resource = resource;
            this.namespaced = namespaced;
            this.typeName = typeName;
            this.listTypeName = listTypeName;
        }

        /** {@code true} the first time only; the caller then registers the entry. */
        boolean claim() {
            if (claimed) {
                return false;
            }
            claimed = true;
            return true;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void registerIn(Scheme scheme) {
            Class<?> type = BuiltInTypes.load(typeName);
            if (resource == null) {
                scheme.registerKind(kind, type);
                return;
            }
            Class<? extends KubernetesResourceList<?>> listType = listTypeName == null ? null
                    : (Class<? extends KubernetesResourceList<?>>) BuiltInTypes.load(listTypeName);
            scheme.register(new ResourceType<>(kind, resource, namespaced, (Class<HasMetadata>) (Class) type, listType));
        }

        private GroupVersionKind listKind() {
            return new GroupVersionKind(kind.group(), kind.version(), kind.kind() + "List");
        }

        private GroupVersionResource groupVersionResource() {
            return new GroupVersionResource(kind.group(), kind.version(), resource);
        }
    }

    private final Map<String, Entry> byClassName = new ConcurrentHashMap<>();
    private final Map<GroupVersionKind, Entry> byKind = new ConcurrentHashMap<>();
    private final Map<GroupVersionResource, Entry> byResource = new ConcurrentHashMap<>();

    private PendingBuiltIns() {
    }

    /** Nothing pending: a scheme without built-ins. */
    static PendingBuiltIns none() {
        return new PendingBuiltIns();
    }

    /** Every built-in of the generated table, none loaded yet. */
    static PendingBuiltIns all() {
        PendingBuiltIns pending = new PendingBuiltIns();
        for (String[] row : BuiltInTypes.RESOURCES) {
            pending.add(new Entry(new GroupVersionKind(row[0], row[1], row[2]), row[3], row[4].equals("namespaced"),
                    row[5], row[6].isEmpty() ? null : row[6]));
        }
        for (String[] row : BuiltInTypes.OTHER_KINDS) {
            pending.add(new Entry(new GroupVersionKind(row[0], row[1], row[2]), null, false, row[3], null));
        }
        return pending;
    }

    private void add(Entry entry) {
        byClassName.put(entry.typeName, entry);
        byKind.put(entry.kind, entry);
        if (entry.resource != null) {
            byResource.put(entry.groupVersionResource(), entry);
        }
        if (entry.listTypeName != null) {
            byClassName.put(entry.listTypeName, entry);
            byKind.put(entry.listKind(), entry);
        }
    }

    /** Forgets an entry once the scheme holds it. */
    void remove(Entry entry) {
        byClassName.remove(entry.typeName, entry);
        byKind.remove(entry.kind, entry);
        if (entry.resource != null) {
            byResource.remove(entry.groupVersionResource(), entry);
        }
        if (entry.listTypeName != null) {
            byClassName.remove(entry.listTypeName, entry);
            byKind.remove(entry.listKind(), entry);
        }
    }

    Entry byClassName(String className) {
        return byClassName.get(Objects.requireNonNull(className, "className"));
    }

    Entry byKind(GroupVersionKind kind) {
        return byKind.get(Objects.requireNonNull(kind, "kind"));
    }

    Entry byResource(GroupVersionResource resource) {
        return byResource.get(Objects.requireNonNull(resource, "resource"));
    }

    /** The entries still pending, each once. */
    List<Entry> entries() {
        return List.copyOf(new LinkedHashSet<>(byKind.values()));
    }
}
