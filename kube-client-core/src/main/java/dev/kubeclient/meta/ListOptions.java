package dev.kubeclient.meta;

/**
 * Options of a list or watch (metav1.ListOptions). Build with {@link #builder()}; {@link #DEFAULTS} lists
 * everything with the latest data.
 *
 * @param labelSelector        e.g. {@code app=web,tier!=cache}; {@code null} for none
 * @param fieldSelector        e.g. {@code metadata.name=web}; {@code null} for none
 * @param limit                page size; {@code null} for no paging
 * @param continueToken        the {@code metadata.continue} of the previous page; {@code null} for the first page
 * @param resourceVersion      see {@link ResourceVersionMatch}; {@code null} for the latest data, {@code "0"} for any
 * @param resourceVersionMatch how to read {@code resourceVersion}; needs one
 * @param timeoutSeconds       server-side timeout of a list or watch; {@code null} for the server's default
 * @param allowWatchBookmarks  whether a watch may receive BOOKMARK events
 */
public record ListOptions(String labelSelector, String fieldSelector, Long limit, String continueToken,
                          String resourceVersion, ResourceVersionMatch resourceVersionMatch, Integer timeoutSeconds,
                          boolean allowWatchBookmarks) {

    /** No options. */
    public static final ListOptions DEFAULTS = builder().build();

    /** Checks the combinations the API server would reject, so the mistake is reported before a request. */
    public ListOptions {
        if (limit != null && limit <= 0) {
            throw new IllegalArgumentException("ListOptions.limit must be positive, got " + limit);
        }
        if (timeoutSeconds != null && timeoutSeconds < 0) {
            throw new IllegalArgumentException("ListOptions.timeoutSeconds must not be negative, got " + timeoutSeconds);
        }
        if (resourceVersionMatch != null && (resourceVersion == null || resourceVersion.isEmpty())) {
            throw new IllegalArgumentException("ListOptions.resourceVersionMatch " + resourceVersionMatch
                    + " needs a resourceVersion (the API server forbids it without one)");
        }
        if (continueToken != null && resourceVersion != null && !resourceVersion.isEmpty()) {
            throw new IllegalArgumentException("ListOptions: set either continueToken or resourceVersion; a continued list "
                    + "reads at the resourceVersion of its first page");
        }
    }

    /** A builder with no options set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().labelSelector(labelSelector).fieldSelector(fieldSelector).limit(limit)
                .continueToken(continueToken).resourceVersion(resourceVersion).resourceVersionMatch(resourceVersionMatch)
                .timeoutSeconds(timeoutSeconds).allowWatchBookmarks(allowWatchBookmarks);
    }

    /**
     * These options for the next page: the same selectors and limit with {@code continueToken} replaced; the
     * resourceVersion is dropped because the token already pins the snapshot.
     */
    public ListOptions withContinue(String token) {
        return toBuilder().continueToken(token).resourceVersion(null).resourceVersionMatch(null).build();
    }

    /** Builds {@link ListOptions}. */
    public static final class Builder {
        private String labelSelector;
        private String fieldSelector;
        private Long limit;
        private String continueToken;
        private String resourceVersion;
        private ResourceVersionMatch resourceVersionMatch;
        private Integer timeoutSeconds;
        private boolean allowWatchBookmarks;

        private Builder() {
        }

        /** A label selector such as {@code app=web} or {@code env in (prod,staging)}. */
        public Builder labelSelector(String selector) { this.labelSelector = selector; return this; }
        /** A field selector such as {@code metadata.name=web}. */
        public Builder fieldSelector(String selector) { this.fieldSelector = selector; return this; }
        /** The page size. */
        public Builder limit(Long limit) { this.limit = limit; return this; }
        /** The page size. */
        public Builder limit(long limit) { this.limit = limit; return this; }
        /** The previous page's continue token. */
        public Builder continueToken(String token) { this.continueToken = token; return this; }
        /** The resourceVersion to read at (see {@link ResourceVersionMatch}). */
        public Builder resourceVersion(String resourceVersion) { this.resourceVersion = resourceVersion; return this; }
        /** How to read the resourceVersion. */
        public Builder resourceVersionMatch(ResourceVersionMatch match) { this.resourceVersionMatch = match; return this; }
        /** Server-side timeout in seconds. */
        public Builder timeoutSeconds(Integer seconds) { this.timeoutSeconds = seconds; return this; }
        /** Whether a watch may get BOOKMARK events. */
        public Builder allowWatchBookmarks(boolean allow) { this.allowWatchBookmarks = allow; return this; }

        /** The options; throws {@link IllegalArgumentException} for combinations the server rejects. */
        public ListOptions build() {
            return new ListOptions(labelSelector, fieldSelector, limit, continueToken, resourceVersion,
                    resourceVersionMatch, timeoutSeconds, allowWatchBookmarks);
        }
    }
}
