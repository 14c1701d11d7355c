package dev.kubeclient.pager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to ask for in one list call: at most {@code limit} items (0 for all), starting after {@code continueToken}
 * ({@code null} for the first page). The list options client-go's pager varies between pages.
 *
 * @param limit the page size, 0 for an unpaged (full) list
 * @param continueToken the token from the previous page's {@code metadata.continue}, or {@code null}
 */
public record PageRequest(long limit, String continueToken) {

    public PageRequest {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (no limit) or positive, got " + limit);
        }
        continueToken = continueToken == null || continueToken.isEmpty() ? null : continueToken;
    }

    /** The first page of {@code limit} items. */
    public static PageRequest first(long limit) {
        return new PageRequest(limit, null);
    }

    /** An unpaged list: every item in one answer. */
    public static PageRequest all() {
        return new PageRequest(0, null);
    }

    /** The query parameters ({@code limit}, {@code continue}) to add to a list request; only those that are set. */
    public Map<String, String> queryParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        if (limit > 0) {
            params.put("limit", Long.toString(limit));
        }
        if (continueToken != null) {
            params.put("continue", continueToken);
        }
        return params;
    }
}
