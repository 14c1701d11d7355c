package dev.kubeclient.config;

import java.util.List;
import java.util.Map;

/**
 * Whom to act as, sent as the {@code Impersonate-User}, {@code Impersonate-Uid}, {@code Impersonate-Group}
 * and {@code Impersonate-Extra-*} headers.
 *
 * @param user the user name to impersonate; {@code null} for none
 * @param uid the user's UID; {@code null} for none
 * @param groups the groups to impersonate
 * @param extra extra fields (scopes and the like), one header per key
 */
public record Impersonation(String user, String uid, List<String> groups, Map<String, List<String>> extra) {

    /** No impersonation. */
    public static final Impersonation NONE = new Impersonation(null, null, List.of(), Map.of());

    public Impersonation {
        groups = groups == null ? List.of() : List.copyOf(groups);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** Impersonate {@code user} with no groups or extras. */
    public static Impersonation user(String user) {
        return new Impersonation(user, null, List.of(), Map.of());
    }

    /** Whether any impersonation header is sent. */
    public boolean isEnabled() {
        return user != null || uid != null || !groups.isEmpty() || !extra.isEmpty();
    }
}
