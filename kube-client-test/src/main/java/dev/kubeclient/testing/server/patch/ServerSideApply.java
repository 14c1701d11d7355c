package dev.kubeclient.testing.server.patch;

import dev.kubeclient.testing.server.patch.TypedTree.Comparison;
import dev.kubeclient.testing.server.patch.TypedTree.Type;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Server-side apply and the field ownership bookkeeping of every write, as kube-apiserver's field manager keeps
 * it in {@code metadata.managedFields} (v1.20 shape: no {@code subresource} member).
 *
 * <p>Ownership is tracked per field path: fields of structs and maps, items of associative lists (by their keys,
 * for example a container by {@code name}, a container port by {@code containerPort} and {@code protocol}) and of
 * sets (finalizers), and atomic values as one leaf (atomic lists such as tolerations, atomic structs such as label
 * selectors). Built-in kinds take these facts from {@link BuiltInSchema}; other kinds are schemaless to this
 * engine (objects granular, lists atomic).
 *
 * <p>The field manager name is the caller's: the {@code fieldManager} query parameter, or for writes without one
 * the real server's default, the part of the {@code User-Agent} before the first {@code /} (for example
 * {@code kubectl} or {@code curl}). Apply requires a field manager.
 */
public final class ServerSideApply {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BEFORE_FIRST_APPLY = "before-first-apply";

    private ServerSideApply() {
    }

    /**
     * Applies a configuration for {@code fieldManager}, as {@code PATCH} with {@code application/apply-patch+yaml}.
     *
     * <p>The configuration is merged into the live object; the manager's Apply entry becomes exactly the set of
     * fields the configuration names; fields it applied before and no longer names are removed from the object
     * unless another manager owns them. A field another manager owns (by Apply or Update) conflicts when this
     * apply changes its value; with {@code force} the field moves to this manager, and a manager applying the
     * same value shares ownership without a conflict.
     *
     * <p>Server bookkeeping stays with the caller: preconditions ({@code metadata.resourceVersion} in the body),
     * and on a create the namespace, uid, resourceVersion and creationTimestamp. Defaulting is not done either: a
     * server that defaults should default the result.
     *
     * @param live         the stored object, or null when the apply creates it; not modified
     * @param applied      the apply configuration (already parsed from YAML or JSON); not modified
     * @param fieldManager the manager applying
     * @param force        whether to take fields from other managers instead of failing
     * @param apiVersion   the API version of the request, recorded in the entry and selecting the schema
     * @param kind         the kind of the object
     * @param now          the time to record
     * @return the new object with {@code metadata.managedFields} updated
     * @throws ApplyConflictException when fields owned by other managers would change and {@code force} is false
     * @throws PatchException         422 Invalid when {@code fieldManager} is empty
     */
    public static ObjectNode apply(ObjectNode live, ObjectNode applied, String fieldManager, boolean force,
                                   String apiVersion, String kind, Instant now) {
        return apply(live, applied, fieldManager, force, apiVersion, kind, now, BuiltInSchema.kubernetes());
    }

    /** As {@link #apply(ObjectNode, ObjectNode, String, boolean, String, String, Instant)} with a given schema. */
    public static ObjectNode apply(ObjectNode live, ObjectNode applied, String fieldManager, boolean force,
                                   String apiVersion, String kind, Instant now, BuiltInSchema schema) {
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(now, "now");
        if (fieldManager == null || fieldManager.isBlank()) {
            throw new PatchException(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: "
                    + "Required value: is required for apply patch", "server-side apply needs a field manager; "
                    + "pass the fieldManager query parameter", List.of(new PatchException.Cause("FieldValueRequired",
                    "Required value: is required for apply patch", "fieldManager")));
        }
        Type type = schema.applyType(apiVersion, kind);
        ObjectNode liveObject = live == null ? NODES.objectNode() : withoutManagedFields(live);
        ObjectNode config = withoutManagedFields(applied);
        String time = ManagedFieldsEntry.format(now);

        List<ManagedFieldsEntry> entries = reconciled(ManagedFieldsEntry.read(live), liveObject, type);
        if (live != null && entries.isEmpty()) {
            // an object written before field management: its current fields belong to one synthetic manager
            FieldSet existing = TypedTree.withoutServerFields(TypedTree.toFieldSet(liveObject, type));
            entries.add(new ManagedFieldsEntry(BEFORE_FIRST_APPLY, ManagedFieldsEntry.UPDATE, apiVersion, time,
                    existing));
        }
        FieldSet configSet = TypedTree.withoutServerFields(TypedTree.toFieldSet(config, type));
        ObjectNode merged = (ObjectNode) TypedTree.merge(liveObject, config, type);
        Comparison comparison = TypedTree.compare(liveObject, merged, type);
        FieldSet changed = TypedTree.withoutServerFields(comparison.added().union(comparison.modified()));

        List<ApplyConflictException.Conflict> conflicts = new ArrayList<>();
        List<ManagedFieldsEntry> updated = new ArrayList<>();
        FieldSet lastApplied = FieldSet.empty();
        String previousApplyTime = null;
        for (ManagedFieldsEntry entry : entries) {
            if (entry.sameManager(fieldManager, ManagedFieldsEntry.APPLY, apiVersion)) {
                lastApplied = entry.fields();
                previousApplyTime = entry.time();
                continue;
            }
            FieldSet clash = entry.fields().intersection(changed);
            for (List<String> path : sorted(clash)) {
                conflicts.add(new ApplyConflictException.Conflict(entry.conflictName(), FieldSet.describe(path)));
            }
            updated.add(entry.withFields(entry.fields().difference(clash)));
        }
        if (!conflicts.isEmpty() && !force) {
            conflicts.sort(Comparator.comparing((ApplyConflictException.Conflict c) -> c.field())
                    .thenComparing(ApplyConflictException.Conflict::manager));
            throw new ApplyConflictException(conflicts);
        }
        updated.add(new ManagedFieldsEntry(fieldManager, ManagedFieldsEntry.APPLY, apiVersion, time, configSet));
        int applierIndex = updated.size() - 1;

        FieldSet owned = FieldSet.empty();
        for (ManagedFieldsEntry entry : updated) {
            owned = owned.union(entry.fields());
        }
        TypedTree.remove(merged, lastApplied.difference(configSet), owned, type);
        TypedTree.dropEmpty(merged, type);
        if (previousApplyTime != null && JsonValues.equal(merged, liveObject)) {
            // an apply that changes nothing keeps the entry's time, as the real server does
            ManagedFieldsEntry applier = updated.get(applierIndex);
            updated.set(applierIndex, new ManagedFieldsEntry(applier.manager(), applier.operation(),
                    applier.apiVersion(), previousApplyTime, applier.fields()));
        }
        ManagedFieldsEntry.write(merged, updated);
        return merged;
    }

    /**
     * Records a non-apply write (create, update, or a patch of another type) by {@code fieldManager}: the fields it
     * added or changed move to its Update entry for {@code apiVersion} (and leave every other manager's set),
     * removed fields leave every set, and the entry's time becomes {@code now}. A write that changes nothing
     * leaves the entries as they were.
     *
     * <p>When {@code newObj} carries {@code managedFields} different from {@code oldObj}'s, the client's entries
     * are taken as the starting point, as the real server does (an empty list resets ownership).
     *
     * @param oldObj       the stored object before the write, or null for a create
     * @param newObj       the object to store; not modified
     * @param fieldManager the writer: the fieldManager query parameter, or the User-Agent's first part
     * @param apiVersion   the API version of the request
     * @param now          the time to record
     * @return a copy of newObj with {@code metadata.managedFields} updated, and for built-in kinds without empty
     *         maps and lists (the real server drops them when it decodes into its Go types)
     */
    public static ObjectNode recordUpdate(ObjectNode oldObj, ObjectNode newObj, String fieldManager, String apiVersion,
                                          Instant now) {
        return recordUpdate(oldObj, newObj, fieldManager, apiVersion, now, BuiltInSchema.kubernetes());
    }

    /** As {@link #recordUpdate(ObjectNode, ObjectNode, String, String, Instant)} with a given schema. */
    public static ObjectNode recordUpdate(ObjectNode oldObj, ObjectNode newObj, String fieldManager, String apiVersion,
                                          Instant now, BuiltInSchema schema) {
        Objects.requireNonNull(newObj, "newObj");
        Objects.requireNonNull(now, "now");
        String manager = fieldManager == null || fieldManager.isBlank() ? "unknown" : fieldManager;
        Type type = schema.applyType(apiVersion, newObj.path("kind").asString(""));
        ObjectNode before = oldObj == null ? NODES.objectNode() : withoutManagedFields(oldObj);
        ObjectNode after = withoutManagedFields(newObj);

        JsonNode oldEntries = oldObj == null ? null : oldObj.path("metadata").get("managedFields");
        JsonNode newEntries = newObj.path("metadata").get("managedFields");
        boolean clientSetEntries = newEntries != null && !JsonValues.equal(oldEntries, newEntries);
        TypedTree.dropEmpty(after, type);
        List<ManagedFieldsEntry> entries = reconciled(ManagedFieldsEntry.read(clientSetEntries ? newObj : oldObj),
                before, type);

        Comparison comparison = TypedTree.compare(before, after, type);
        FieldSet changed = TypedTree.withoutServerFields(comparison.added().union(comparison.modified()));
        FieldSet removed = TypedTree.withoutServerFields(comparison.removed());
        List<ManagedFieldsEntry> updated = new ArrayList<>();
        for (ManagedFieldsEntry entry : entries) {
            boolean writer = entry.sameManager(manager, ManagedFieldsEntry.UPDATE, apiVersion);
            if (writer && !changed.isEmpty()) {
                continue;
            }
            updated.add(entry.withFields(entry.fields().difference(changed).withoutSubtrees(removed)));
        }
        if (!changed.isEmpty()) {
            // only a write that sets something gives the writer fields and a new time
            FieldSet mine = entries.stream()
                    .filter(entry -> entry.sameManager(manager, ManagedFieldsEntry.UPDATE, apiVersion))
                    .map(ManagedFieldsEntry::fields).findFirst().orElse(FieldSet.empty());
            updated.add(new ManagedFieldsEntry(manager, ManagedFieldsEntry.UPDATE, apiVersion,
                    ManagedFieldsEntry.format(now), mine.union(changed).withoutSubtrees(removed)));
        }
        ManagedFieldsEntry.write(after, updated);
        return after;
    }

    private static List<ManagedFieldsEntry> reconciled(List<ManagedFieldsEntry> entries, JsonNode live, Type type) {
        List<ManagedFieldsEntry> out = new ArrayList<>();
        for (ManagedFieldsEntry entry : entries) {
            out.add(entry.withFields(TypedTree.reconcile(entry.fields(), live, type)));
        }
        return out;
    }

    private static ObjectNode withoutManagedFields(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        if (copy.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
        return copy;
    }

    private static List<List<String>> sorted(FieldSet set) {
        List<List<String>> paths = new ArrayList<>(set.members());
        paths.sort((a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = FieldSet.ELEMENT_ORDER.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        });
        return paths;
    }
}
