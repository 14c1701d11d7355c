package dev.kubeclient.pager;

import dev.kubeclient.errors.KubeApiException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lists a resource page by page ({@code limit} + {@code continue}), the counterpart of client-go's
 * {@code tools/pager.ListPager}. Generic over how a page is fetched and decoded, so typed lists (fabric8
 * {@code *List} classes) and untyped ones (maps) share it.
 *
 * <p>When the server has forgotten a continue token (410 Gone, reason Expired: etcd compacted the snapshot), the
 * pager falls back to one unpaged list, as client-go's does, and logs that at WARN.
 *
 * <p>Immutable and thread-safe; each {@link #stream()} or {@link #listAll()} call lists afresh.
 *
 * @param <T> the item type
 */
public final class ListPager<T> {

    /** client-go's default page size. */
    public static final long DEFAULT_PAGE_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(ListPager.class);

    private final Function<PageRequest, Page<T>> fetch;
    private final long pageSize;

    private ListPager(Function<PageRequest, Page<T>> fetch, long pageSize) {
        this.fetch = fetch;
        this.pageSize = pageSize;
    }

    /**
     * A pager over a list call that answers with pages of any type.
     *
     * @param fetch makes one list call for a {@link PageRequest} (adding its {@code limit} and {@code continue})
     * @param items the items of a page
     * @param continueToken a page's {@code metadata.continue}
     * @param resourceVersion a page's {@code metadata.resourceVersion}
     */
    public static <P, T> ListPager<T> of(Function<PageRequest, P> fetch, Function<P, List<T>> items,
                                         Function<P, String> continueToken, Function<P, String> resourceVersion) {
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(continueToken, "continueToken");
        Objects.requireNonNull(resourceVersion, "resourceVersion");
        return new ListPager<>(request -> {
            P page = Objects.requireNonNull(fetch.apply(request), "the list call returned null");
            List<T> list = items.apply(page);
            return new Page<>(list == null ? List.of() : list, continueToken.apply(page),
                    resourceVersion.apply(page));
        }, DEFAULT_PAGE_SIZE);
    }

    /** A pager over a list call answering with a Kubernetes list object (a fabric8 {@code *List} class). */
    public static <T extends HasMetadata, L extends KubernetesResourceList<T>> ListPager<T> ofList(Function<PageRequest, L> fetch) {
        return of(fetch, KubernetesResourceList::getItems,
                l -> meta(l) == null ? null : meta(l).getContinue(),
                l -> meta(l) == null ? null : meta(l).getResourceVersion());
    }

    /** A pager over a list call that already answers with {@link Page}s. */
    public static <T> ListPager<T> ofPages(Function<PageRequest, Page<T>> fetch) {
        return new ListPager<>(Objects.requireNonNull(fetch, "fetch"), DEFAULT_PAGE_SIZE);
    }

    private static ListMeta meta(KubernetesResourceList<?> list) {
        return list.getMetadata();
    }

    /** The same pager with another page size (items per list call). */
    public ListPager<T> pageSize(long pageSize) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
        }
        return new ListPager<>(fetch, pageSize);
    }

    /** The page size. */
    public long pageSize() {
        return pageSize;
    }

    /** One list call as given (no fallback): the first page, or the page after a continue token. */
    public Page<T> page(PageRequest request) {
        return fetch.apply(Objects.requireNonNull(request, "request"));
    }

    /**
     * The whole list, page by page, as one {@link Page} carrying the snapshot's resourceVersion. If a continue
     * token expires midway, the pages read so far are dropped and one unpaged list is made instead (client-go's
     * behaviour), so the result is always one consistent snapshot.
     */
    public Page<T> listAll() {
        List<T> items = new ArrayList<>();
        Page<T> page = fetch.apply(PageRequest.first(pageSize));
        String resourceVersion = page.resourceVersion();
        items.addAll(page.items());
        while (page.hasNext()) {
            try {
                page = fetch.apply(new PageRequest(pageSize, page.continueToken()));
            } catch (KubeApiException e) {
                if (!isExpired(e)) {
                    throw e;
                }
                log.warn("The continue token of a paged list expired after {} items ({}); listing everything at "
                        + "once instead", items.size(), e.getMessage());
                Page<T> full = fetch.apply(PageRequest.all());
                return new Page<>(full.items(), null, full.resourceVersion());
            }
            items.addAll(page.items());
        }
        return new Page<>(items, null, resourceVersion);
    }

    /**
     * Every item, fetching the next page only when the previous one is used up, so at most one page is held. If a
     * continue token expires midway, iteration goes on over one unpaged list: a newer snapshot, so items already
     * returned may come again (the caller sees everything at least once).
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Every item, lazily; see {@link #stream()}. */
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();
            private String continueToken;
            private boolean started;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !last) {
                    Page<T> page = nextPage();
                    current = page.items().iterator();
                    continueToken = page.continueToken();
                    last = !page.hasNext();
                }
                return current.hasNext();
            }

            private Page<T> nextPage() {
                if (!started) {
                    started = true;
                    return fetch.apply(PageRequest.first(pageSize));
                }
                try {
                    return fetch.apply(new PageRequest(pageSize, continueToken));
                } catch (KubeApiException e) {
                    if (!isExpired(e)) {
                        throw e;
                    }
                    log.warn("The continue token of a paged list expired ({}); going on over an unpaged list, "
                            + "so items already returned may come again", e.getMessage());
                    Page<T> full = fetch.apply(PageRequest.all());
                    return new Page<>(full.items(), null, full.resourceVersion());
                }
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more items");
                }
                return current.next();
            }
        };
    }

    /** A 410 Gone answer: the continue token's snapshot was compacted away (reason Expired, or plain Gone). */
    static boolean isExpired(KubeApiException e) {
        return e.code() == 410;
    }

    @Override
    public String toString() {
        return "ListPager[pageSize=" + pageSize + "]";
    }
}
