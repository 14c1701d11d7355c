/**
 * Paged lists ({@code limit} + {@code continue}), client-go's {@code tools/pager}: {@link
 * dev.kubeclient.pager.ListPager} fetches one page, every item lazily, or a whole list, falling back to a
 * full list when a continue token has expired. Used by the typed and dynamic clients and by the resilient watcher.
 */
package dev.kubeclient.pager;
