package dev.kubeclient.config;

import java.util.List;
import java.util.Objects;

/**
 * Which exec credential plugins a kubeconfig may run: client-go 1.35's credential plugin policy (kubectl sets it in
 * kuberc). A platform team can forbid every plugin, or only allow known ones, so that a user's kubeconfig cannot
 * make the application start an arbitrary command.
 *
 * <p>An allowlist entry is either a bare name ({@code kubelogin}) or an absolute path
 * ({@code /usr/local/bin/kubelogin}). A plugin is allowed when the path its command resolves to equals an absolute
 * entry, or equals what a bare entry resolves to on the plugin's {@code PATH}: so {@code kubelogin} allows the
 * {@code kubelogin} found on the {@code PATH}, not a file of that name elsewhere.
 *
 * @param type the kind of policy
 * @param allowlist the allowed names and paths; non-empty exactly for {@link Type#ALLOWLIST}
 */
public record ExecPluginPolicy(Type type, List<String> allowlist) {

    /** The kinds of policy. */
    public enum Type {
        /** Any plugin may run (the default, as in client-go). */
        ALLOW_ALL,
        /** No plugin may run. */
        DENY_ALL,
        /** Only plugins on the allowlist may run. */
        ALLOWLIST
    }

    /** Any plugin may run; the default. */
    public static final ExecPluginPolicy ALLOW_ALL = new ExecPluginPolicy(Type.ALLOW_ALL, List.of());
    /** No plugin may run. */
    public static final ExecPluginPolicy DENY_ALL = new ExecPluginPolicy(Type.DENY_ALL, List.of());

    /**
     * Checks the policy.
     *
     * @throws IllegalArgumentException when an allowlist is empty or given with another type, or an entry is blank
     *     or a relative path
     */
    public ExecPluginPolicy {
        Objects.requireNonNull(type, "type");
        allowlist = List.copyOf(Objects.requireNonNull(allowlist, "allowlist"));
        if (type == Type.ALLOWLIST && allowlist.isEmpty()) {
            throw new IllegalArgumentException("ExecPluginPolicy ALLOWLIST needs at least one entry; use DENY_ALL to "
                    + "forbid every plugin");
        }
        if (type != Type.ALLOWLIST && !allowlist.isEmpty()) {
            throw new IllegalArgumentException("ExecPluginPolicy " + type + " takes no allowlist; use ALLOWLIST");
        }
        for (String entry : allowlist) {
            if (entry == null || entry.isBlank()) {
                throw new IllegalArgumentException("ExecPluginPolicy allowlist entries must not be blank");
            }
            if (isPath(entry) && !isAbsolute(entry)) {
                throw new IllegalArgumentException("ExecPluginPolicy allowlist entry '" + entry + "' is a relative "
                        + "path; give a bare command name or an absolute path");
            }
        }
    }

    /** A policy allowing only these names and absolute paths. */
    public static ExecPluginPolicy allowlist(String... entries) {
        return new ExecPluginPolicy(Type.ALLOWLIST, List.of(entries));
    }

    /** A policy allowing only these names and absolute paths. */
    public static ExecPluginPolicy allowlist(List<String> entries) {
        return new ExecPluginPolicy(Type.ALLOWLIST, entries);
    }

    /** Whether {@code entry} names a file by path rather than a command by name (it holds a separator or drive). */
    public static boolean isPath(String entry) {
        return entry.indexOf('/') >= 0 || entry.indexOf('\\') >= 0 || entry.indexOf(':') >= 0;
    }

    private static boolean isAbsolute(String entry) {
        return entry.startsWith("/") || entry.startsWith("\\\\")
                || (entry.length() >= 3 && Character.isLetter(entry.charAt(0)) && entry.charAt(1) == ':'
                && (entry.charAt(2) == '\\' || entry.charAt(2) == '/'));
    }

    /** For messages: {@code AllowAll}, {@code DenyAll} or {@code Allowlist[kubelogin, /opt/bin/x]}, client-go's names. */
    public String describe() {
        return switch (type) {
            case ALLOW_ALL -> "AllowAll";
            case DENY_ALL -> "DenyAll";
            case ALLOWLIST -> "Allowlist" + allowlist;
        };
    }
}
