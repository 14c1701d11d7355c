package dev.kubeclient.testing.server.patch;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * A server-side apply that would change fields other managers own, without {@code force}: the real server's 409
 * Conflict. The message has the real server's wording, for example
 * {@code Apply failed with 1 conflict: conflict with "alice": .data.a}, or for several
 * {@code Apply failed with 2 conflicts: conflicts with "alice":\n- .data.a\n- .data.b}; a manager that wrote with an
 * Update operation is named with its API version ({@code conflict with "kubectl" using v1}).
 */
public final class ApplyConflictException extends RuntimeException {

    private final List<Conflict> conflicts;

    /**
     * @param conflicts the conflicting fields, in the order of the Status causes (by field path); the message
     *                  groups them by manager
     */
    public ApplyConflictException(List<Conflict> conflicts) {
        super(format(conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    /** The conflicts; each becomes a {@code FieldManagerConflict} cause of the 409 Status. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /**
     * One conflicting field.
     *
     * @param manager the owner as the server names it: {@code "alice"} for an apply manager,
     *                {@code "kubectl" using v1} for an update manager (quotes included, as in the Status cause)
     * @param field   the field path, e.g. {@code .data.key} or {@code .spec.containers[name="app"].image}
     */
    public record Conflict(String manager, String field) {

        /** The cause message the real server sends for this conflict: {@code conflict with "alice"}. */
        public String causeMessage() {
            return "conflict with " + manager;
        }
    }

    private static String format(List<Conflict> conflicts) {
        if (conflicts.size() == 1) {
            Conflict only = conflicts.get(0);
            return "Apply failed with 1 conflict: conflict with " + only.manager() + ": " + only.field();
        }
        Map<String, List<String>> byManager = new TreeMap<>();
        for (Conflict conflict : conflicts) {
            byManager.computeIfAbsent(conflict.manager(), m -> new ArrayList<>()).add(conflict.field());
        }
        StringBuilder message = new StringBuilder("Apply failed with ").append(conflicts.size()).append(" conflicts: ");
        boolean first = true;
        for (Map.Entry<String, List<String>> entry : byManager.entrySet()) {
            if (!first) {
                message.append('\n');
            }
            first = false;
            message.append("conflicts with ").append(entry.getKey()).append(':');
            for (String field : entry.getValue()) {
                message.append("\n- ").append(field);
            }
        }
        return message.toString();
    }
}
