package dev.kubeclient.pager;

import java.util.List;
import java.util.Objects;

/**
 * One answer of a list call, reduced to what paging needs.
 *
 * @param items the items of this page
 * @param continueToken the token for the next page, {@code null} on the last page
 * @param resourceVersion the list's {@code metadata.resourceVersion}: the snapshot every page of one paged list
 *                        comes from, and where a watch can start; may be {@code null}
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String continueToken, String resourceVersion) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        continueToken = continueToken == null || continueToken.isEmpty() ? null : continueToken;
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return continueToken != null;
    }
}
