package dev.kubeclient.discovery;

import java.util.List;
import java.util.Locale;

/**
 * One resource (or subresource) that a group-version serves, as discovery describes it: the entry of an
 * {@code APIResourceList}. Subresources are named {@code parent/sub} ({@code deployments/scale}) and may answer with
 * a kind from another group-version ({@code autoscaling/v1 Scale}), given by {@link #group()}/{@link #version()}.
 *
 * @param name         the plural name, or {@code parent/sub} for a subresource
 * @param singularName the singular name; servers before 1.27 often send {@code ""}, see {@link #singularOrGuess()}
 * @param namespaced   whether objects live in a namespace
 * @param group        the group of the kind this resource answers with, {@code ""} meaning the list's own group
 * @param version      the version of that kind, {@code ""} meaning the list's own version
 * @param kind         the kind of the objects
 * @param verbs        the verbs allowed ({@code get}, {@code list}, {@code watch}, ...)
 * @param shortNames   kubectl short names ({@code deploy})
 * @param categories   categories such as {@code all}
 */
public record ApiResource(String name, String singularName, boolean namespaced, String group, String version,
                          String kind, List<String> verbs, List<String> shortNames, List<String> categories) {

    /** Copies the lists and turns {@code null}s into empty values. */
    public ApiResource {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("API resource name is blank (kind " + kind + ")");
        }
        singularName = singularName == null ? "" : singularName;
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        kind = kind == null ? "" : kind;
        verbs = verbs == null ? List.of() : List.copyOf(verbs);
        shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Whether this is a subresource such as {@code deployments/status}. */
    public boolean isSubresource() {
        return name.indexOf('/') >= 0;
    }

    /** The resource part of the name: {@code deployments} for both {@code deployments} and {@code deployments/scale}. */
    public String resourceName() {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** The subresource part of the name ({@code scale}), or {@code ""} for a resource. */
    public String subresourceName() {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(slash + 1);
    }

    /** Whether the verb is allowed. */
    public boolean supports(String verb) {
        return verbs.contains(verb);
    }

    /**
     * The singular name, or the lower-cased kind when the server did not send one (as client-go's REST mapper
     * guesses it): {@code deployment}.
     */
    public String singularOrGuess() {
        return singularName.isEmpty() ? kind.toLowerCase(Locale.ROOT) : singularName;
    }
}
