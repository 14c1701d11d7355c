package dev.kubeclient.testing.server.patch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One {@code metadata.managedFields} entry. A manager is identified by its name and operation, and for Update
 * entries also by the API version it wrote with (one applier has one entry whatever version it applies with).
 */
record ManagedFieldsEntry(String manager, String operation, String apiVersion, String time, FieldSet fields) {

    static final String APPLY = "Apply";
    static final String UPDATE = "Update";

    /** The real server's order: Apply entries before Update entries, then by time, manager and API version. */
    static final Comparator<ManagedFieldsEntry> ORDER = Comparator.comparing(ManagedFieldsEntry::operation)
            .thenComparing(ManagedFieldsEntry::time)
            .thenComparing(ManagedFieldsEntry::manager)
            .thenComparing(ManagedFieldsEntry::apiVersion);

    boolean sameManager(String otherManager, String otherOperation, String otherApiVersion) {
        return manager.equals(otherManager) && operation.equals(otherOperation)
                && (APPLY.equals(operation) || apiVersion.equals(otherApiVersion));
    }

    ManagedFieldsEntry withFields(FieldSet newFields) {
        return new ManagedFieldsEntry(manager, operation, apiVersion, time, newFields);
    }

    /** How conflict messages name this manager: {@code "alice"}, or {@code "kubectl" using v1} for an Update. */
    String conflictName() {
        String quoted = JsonNodeFactory.instance.stringNode(manager).toString();
        return APPLY.equals(operation) ? quoted : quoted + " using " + apiVersion;
    }

    static String format(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Reads the entries of an object's {@code metadata.managedFields}; entries of another fieldsType are skipped. */
    static List<ManagedFieldsEntry> read(JsonNode object) {
        List<ManagedFieldsEntry> entries = new ArrayList<>();
        if (object == null) {
            return entries;
        }
        JsonNode list = object.path("metadata").path("managedFields");
        if (!list.isArray()) {
            return entries;
        }
        for (JsonNode entry : list) {
            if (!entry.isObject() || !"FieldsV1".equals(entry.path("fieldsType").asString("FieldsV1"))) {
                continue;
            }
            entries.add(new ManagedFieldsEntry(entry.path("manager").asString(""),
                    entry.path("operation").asString(UPDATE), entry.path("apiVersion").asString(""),
                    entry.path("time").asString(""), FieldSet.fromFieldsV1(entry.get("fieldsV1"))));
        }
        return entries;
    }

    /** Writes entries, sorted and without empty ones, into {@code metadata.managedFields} of object. */
    static void write(ObjectNode object, List<ManagedFieldsEntry> entries) {
        List<ManagedFieldsEntry> sorted = new ArrayList<>(entries);
        sorted.removeIf(entry -> entry.fields().isEmpty());
        sorted.sort(ORDER);
        ObjectNode metadata = object.has("metadata") && object.get("metadata").isObject()
                ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
        if (sorted.isEmpty()) {
            metadata.remove("managedFields");
            return;
        }
        ArrayNode list = metadata.putArray("managedFields");
        for (ManagedFieldsEntry entry : sorted) {
            ObjectNode out = list.addObject();
            out.put("manager", entry.manager());
            out.put("operation", entry.operation());
            out.put("apiVersion", entry.apiVersion());
            out.put("time", entry.time());
            out.put("fieldsType", "FieldsV1");
            out.set("fieldsV1", entry.fields().toFieldsV1());
        }
    }
}
