package dev.kubeclient.scheme;

import java.util.Locale;
import java.util.Map;

/**
 * The English plural rule Kubernetes applies to kinds to name their resources ({@code Ingress} →
 * {@code ingresses}, {@code NetworkPolicy} → {@code networkpolicies}, {@code Endpoints} → {@code endpoints}).
 *
 * <p>Built-in model classes carry no {@code @Plural} annotation, so the scheme derives their resource names with
 * this rule; {@code SchemePluralsIT} checks it against every resource a real API server serves. The build-time
 * generator in {@code kube-client-codegen} applies the same rule to name accessor methods, and
 * {@code GeneratedClientsetTest} checks that both agree.
 */
public final class KindPlurals {

    /** Kinds that are already plural, so the rule must not touch them (as in Kubernetes' own generators). */
    private static final Map<String, String> IRREGULAR = Map.of(
            "Endpoints", "Endpoints",
            "ResourceClaimParameters", "ResourceClaimParameters",
            "ResourceClassParameters", "ResourceClassParameters");

    private KindPlurals() {
    }

    /**
     * The plural of a kind with its case kept: {@code NetworkPolicy} → {@code NetworkPolicies}.
     *
     * @throws IllegalArgumentException if the kind is null or blank
     */
    public static String pluralOf(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("cannot pluralise a blank kind");
        }
        String irregular = IRREGULAR.get(kind);
        if (irregular != null) {
            return irregular;
        }
        String lower = kind.toLowerCase(Locale.ROOT);
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z")
                || lower.endsWith("ch") || lower.endsWith("sh")) {
            return kind + "es";
        }
        if (lower.endsWith("y") && kind.length() > 1 && !isVowel(lower.charAt(lower.length() - 2))) {
            return kind.substring(0, kind.length() - 1) + "ies";
        }
        return kind + "s";
    }

    /** The resource name of a kind, as used in URLs: the lower-case plural ({@code networkpolicies}). */
    public static String resourceOf(String kind) {
        return pluralOf(kind).toLowerCase(Locale.ROOT);
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
