package dev.kubeclient.testing.server;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One line of the server's authorization table: the verbs a user may use on some resources in some namespaces
 * ({@code "*"} matches anything). Resources are named as RBAC names them: {@code configmaps},
 * {@code deployments}, {@code pods/status}. Cluster-scoped requests match only a rule whose namespaces hold
 * {@code "*"}.
 *
 * @param verbs      get, list, watch, create, update, patch, delete, deletecollection, or {@code "*"}
 * @param resources  resource names (with {@code /subresource} where needed), or {@code "*"}
 * @param namespaces namespaces, or {@code "*"}
 */
public record AccessRule(Set<String> verbs, Set<String> resources, Set<String> namespaces) {

    /** Copies the sets; all three are required and must not be empty. */
    public AccessRule {
        verbs = Set.copyOf(Objects.requireNonNull(verbs, "verbs"));
        resources = Set.copyOf(Objects.requireNonNull(resources, "resources"));
        namespaces = Set.copyOf(Objects.requireNonNull(namespaces, "namespaces"));
        if (verbs.isEmpty() || resources.isEmpty() || namespaces.isEmpty()) {
            throw new IllegalArgumentException("an AccessRule needs at least one verb, resource and namespace "
                    + "(use \"*\" for any); got verbs=" + verbs + " resources=" + resources + " namespaces=" + namespaces);
        }
    }

    /** Everything everywhere (the admin's rule). */
    public static AccessRule allowAll() {
        return new AccessRule(Set.of("*"), Set.of("*"), Set.of("*"));
    }

    /** A rule from lists, for example {@code AccessRule.of(List.of("get", "list"), List.of("configmaps"), List.of("default"))}. */
    public static AccessRule of(List<String> verbs, List<String> resources, List<String> namespaces) {
        return new AccessRule(Set.copyOf(verbs), Set.copyOf(resources), Set.copyOf(namespaces));
    }

    /** Read-only access ({@code get}, {@code list}, {@code watch}) to some resources in some namespaces. */
    public static AccessRule readOnly(List<String> resources, List<String> namespaces) {
        return of(List.of("get", "list", "watch"), resources, namespaces);
    }

    boolean allows(String verb, String resource, String namespace) {
        boolean verbOk = verbs.contains("*") || verbs.contains(verb);
        boolean resourceOk = resources.contains("*") || resources.contains(resource);
        boolean nsOk = namespaces.contains("*") || (namespace != null && namespaces.contains(namespace));
        return verbOk && resourceOk && nsOk;
    }
}
