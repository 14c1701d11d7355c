package dev.kubeclient.rest;

/**
 * The four ways to PATCH a Kubernetes object, each named by the content type the API server dispatches on.
 */
public enum PatchType {
    /** Kubernetes' strategic merge patch: lists merge by their patch-merge key (built-in types only, not CRDs). */
    STRATEGIC_MERGE("application/strategic-merge-patch+json"),
    /** JSON merge patch (RFC 7396, which replaced RFC 7386): objects merge, {@code null} deletes, lists are replaced. */
    MERGE("application/merge-patch+json"),
    /** JSON patch (RFC 6902): a list of operations ({@code add}, {@code replace}, {@code test}...). */
    JSON_PATCH("application/json-patch+json"),
    /** Server-side apply: the body is the caller's intent (YAML or JSON); needs a {@code fieldManager}. */
    APPLY("application/apply-patch+yaml");

    private final String contentType;

    PatchType(String contentType) {
        this.contentType = contentType;
    }

    /** The {@code Content-Type} a request of this patch type carries. */
    public String contentType() {
        return contentType;
    }
}
