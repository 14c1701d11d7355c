package dev.kubeclient.testing.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two controllers the server stands in for, simplified: the garbage collector (dependents of a removed owner
 * are deleted at once, or orphaned), and the namespace controller (a terminating namespace's content is deleted,
 * then the namespace once it is empty). Callers hold the store monitor, or take it.
 */
final class Controllers {

    private final ResourceCatalog catalog;
    private final Store store;
    private final Resources resources;

    Controllers(ResourceCatalog catalog, Store store, Resources resources) {
        this.catalog = catalog;
        this.store = store;
        this.resources = resources;
    }

    void collectDependents(String uid) {
        if (uid.isEmpty()) {
            return;
        }
        for (String groupResource : store.groupResources()) {
            ResourceDef def = defOf(groupResource);
            if (def == null) {
                continue;
            }
            for (ObjectNode obj : store.all(groupResource)) {
                if (ownedBy(obj, uid)) {
                    ObjectNode current = store.get(groupResource, Resources.key(def, Resources.ns(obj), Resources.name(obj)));
                    if (current != null) {
                        resources.deleteObject(def, current, "Background");
                    }
                }
            }
        }
    }

    void orphanDependents(String uid) {
        for (String groupResource : store.groupResources()) {
            ResourceDef def = defOf(groupResource);
            if (def == null) {
                continue;
            }
            for (ObjectNode obj : store.all(groupResource)) {
                if (ownedBy(obj, uid)) {
                    ObjectNode next = obj.deepCopy();
                    ArrayNode refs = (ArrayNode) next.path("metadata").path("ownerReferences");
                    for (int i = refs.size() - 1; i >= 0; i--) {
                        if (refs.get(i).path("uid").asString("").equals(uid)) {
                            refs.remove(i);
                        }
                    }
                    if (refs.isEmpty()) {
                        Resources.metadata(next).remove("ownerReferences");
                    }
                    long rv = store.nextRv();
                    Resources.metadata(next).put("resourceVersion", Long.toString(rv));
                    store.put(groupResource, Resources.key(def, Resources.ns(next), Resources.name(next)), next, rv);
                }
            }
        }
    }

    private static boolean ownedBy(ObjectNode obj, String uid) {
        for (JsonNode ref : obj.path("metadata").path("ownerReferences")) {
            if (ref.path("uid").asString("").equals(uid)) {
                return true;
            }
        }
        return false;
    }

    private ResourceDef defOf(String groupResource) {
        for (ResourceDef d : catalog.all()) {
            if (d.groupResource().equals(groupResource)) {
                return d;
            }
        }
        return null;
    }

    /**
     * The namespace controller's work: delete what is left in a terminating namespace and remove the namespace once
     * it is empty (objects with finalizers keep it Terminating until they are gone).
     */
    void finishNamespace(String namespace) {
        synchronized (store) {
            ObjectNode ns = store.get("namespaces", namespace);
            if (ns == null || !ns.path("metadata").has("deletionTimestamp")) {
                return;
            }
            boolean empty = true;
            for (String groupResource : store.groupResources()) {
                ResourceDef def = defOf(groupResource);
                if (def == null || !def.namespaced()) {
                    continue;
                }
                for (ObjectNode obj : store.all(groupResource)) {
                    if (namespace.equals(Resources.ns(obj))) {
                        resources.deleteObject(def, obj, "Background");
                        if (store.get(groupResource, Resources.key(def, namespace, Resources.name(obj))) != null) {
                            empty = false;
                        }
                    }
                }
            }
            ObjectNode current = store.get("namespaces", namespace);
            if (empty && current != null && Resources.finalizers(current).isEmpty()) {
                long rv = store.nextRv();
                ObjectNode tombstone = current.deepCopy();
                Resources.metadata(tombstone).put("resourceVersion", Long.toString(rv));
                store.remove("namespaces", namespace, tombstone, rv);
            }
        }
    }
}
