package dev.kubeclient.clientset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Iterates over the items of a paged list, fetching the next page only when the current one is used up. */
final class Pages<T extends HasMetadata, L extends KubernetesResourceList<T>> implements Iterator<T> {

    private final Function<ListOptions, L> fetch;
    private ListOptions next;
    private Iterator<T> current = List.<T>of().iterator();

    Pages(Function<ListOptions, L> fetch, ListOptions first) {
        this.fetch = fetch;
        this.next = first;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && next != null) {
            L page = fetch.apply(next);
            String token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
            next = token == null || token.isEmpty() ? null : next.withContinue(token);
            current = page.getItems() == null ? List.<T>of().iterator() : page.getItems().iterator();
        }
        return current.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more items in the paged list");
        }
        return current.next();
    }
}
