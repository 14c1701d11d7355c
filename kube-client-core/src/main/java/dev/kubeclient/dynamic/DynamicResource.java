package dev.kubeclient.dynamic;

import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.meta.CreateOptions;
import dev.kubeclient.meta.DeleteOptions;
import dev.kubeclient.meta.GetOptions;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.meta.PatchOptions;
import dev.kubeclient.meta.UpdateOptions;
import dev.kubeclient.scheme.GroupVersionResource;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.pager.ListPager;
import dev.kubeclient.watch.ResilientWatcher;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchHandler;

import java.util.stream.Stream;

/**
 * The verbs on one resource in one namespace (or at cluster scope), with untyped objects: client-go's
 * {@code dynamic.ResourceInterface}. Get one from {@link DynamicClient#resource}.
 *
 * <p>Methods that take {@code subresources} address {@code .../name/sub} ({@code "status"}, {@code "scale"}); the
 * answer of a subresource may be of another kind (a {@code Scale}). Failures are the typed exceptions of
 * {@code dev.kubeclient.errors} ({@code NotFoundException}, {@code ConflictException}...). Blocking calls honour the
 * configured timeouts and thread interruption.
 */
public interface DynamicResource {

    /** The resource this client addresses. */
    GroupVersionResource resource();

    /** The namespace, or {@code null} at cluster scope. */
    String namespace();

    /** {@code GET .../name}. */
    default Unstructured get(String name) {
        return get(name, GetOptions.DEFAULTS);
    }

    /** {@code GET .../name[/sub]} with options. */
    Unstructured get(String name, GetOptions options, String... subresources);

    /** {@code GET} the collection: every object in one answer. */
    default UnstructuredList list() {
        return list(ListOptions.DEFAULTS);
    }

    /** {@code GET} the collection with selectors, a page size ({@code limit}/{@code continue}) or a resourceVersion. */
    UnstructuredList list(ListOptions options);

    /**
     * Every object matching the options, fetched lazily page by page ({@link ListPager#DEFAULT_PAGE_SIZE} per page
     * unless the options set a limit), so at most one page is held. See {@link ListPager#stream()} for what
     * happens when a continue token expires midway.
     */
    default Stream<Unstructured> listAll(ListOptions options) {
        return pager(options).stream();
    }

    /** A pager for the collection with these selectors; its page size is the options' limit or the default. */
    ListPager<Unstructured> pager(ListOptions options);

    /** {@code GET ...?watch=true}: one watch stream; close it when done. */
    Watch<Unstructured> watch(ListOptions options);

    /**
     * A resilient watcher over the collection with these selectors (see {@link ResilientWatcher}): it gets the state
     * (from a streaming list where the server offers one, else from a paged LIST with the options' {@code limit} and
     * {@code resourceVersion}/{@code resourceVersionMatch}, which a relist after 410 Gone drops), watches, resumes
     * from the last resourceVersion and gets the state again on 410 Gone. The same as the typed clients'
     * {@code resilientWatch}. Set a name or timeout on the builder, then {@code build().start()}.
     */
    ResilientWatcher.Builder<Unstructured> resilientWatch(ListOptions options, WatchHandler<Unstructured> handler);

    /** {@code POST} the object; answers with what the server stored. */
    default Unstructured create(Unstructured object) {
        return create(object, CreateOptions.DEFAULTS);
    }

    /** {@code POST} the object (to a subresource when given, e.g. {@code pods/x/eviction}, which needs a name in it). */
    Unstructured create(Unstructured object, CreateOptions options, String... subresources);

    /** {@code PUT} the object; its {@code metadata.resourceVersion} guards against lost updates (409 Conflict). */
    default Unstructured update(Unstructured object) {
        return update(object, UpdateOptions.DEFAULTS);
    }

    /** {@code PUT} the object, or a subresource of it, with options. */
    Unstructured update(Unstructured object, UpdateOptions options, String... subresources);

    /** {@code PUT .../name/status}: writes only the status. */
    default Unstructured updateStatus(Unstructured object, UpdateOptions options) {
        return update(object, options, "status");
    }

    /** {@code DELETE .../name}. */
    default void delete(String name) {
        delete(name, DeleteOptions.DEFAULTS);
    }

    /** {@code DELETE .../name[/sub]} with options sent as a DeleteOptions body. */
    void delete(String name, DeleteOptions options, String... subresources);

    /** {@code DELETE} the collection: every object matching the list options. */
    void deleteCollection(DeleteOptions options, ListOptions listOptions);

    /**
     * {@code PATCH .../name} with a body of the given type: a {@code String} or {@code byte[]} is sent as is; an
     * {@link Unstructured}, {@code Map}, {@code List} or Jackson {@code JsonNode} is written as JSON keeping
     * {@code null}s (a merge patch deletes a field with {@code null}).
     */
    default Unstructured patch(String name, PatchType type, Object body) {
        return patch(name, type, body, PatchOptions.DEFAULTS);
    }

    /** {@code PATCH .../name[/sub]} with options; see {@link #patch(String, PatchType, Object)} for the body. */
    Unstructured patch(String name, PatchType type, Object body, PatchOptions options, String... subresources);

    /**
     * Server-side apply of {@code object} (its name is taken from it) as the configuration's field manager.
     *
     * @throws dev.kubeclient.errors.KubeClientException before sending anything when no field manager is configured
     */
    default Unstructured apply(Unstructured object) {
        return apply(object, ApplyOptions.DEFAULTS);
    }

    /**
     * Server-side apply ({@code PATCH} with {@code application/apply-patch+yaml}) of {@code object}, or of a
     * subresource of it. The object is the caller's intent: only the fields it sets become owned by the field
     * manager (the options', else {@code RestConfig.fieldManager()}). {@link ApplyOptions#forced()} takes over fields
     * another manager owns instead of failing with 409.
     *
     * <p>Goes through the same apply path as the typed client ({@link dev.kubeclient.apply.ApplyBody}): an object read
     * from the server has its {@code metadata.managedFields} removed (the server refuses them) and keeps its
     * {@code resourceVersion} as a precondition, but claims every field it holds; start from
     * {@link Unstructured#extract(String)} to apply only your own.
     *
     * @throws dev.kubeclient.errors.KubeClientException before sending anything when no field manager is known
     * @throws IllegalArgumentException when the object has no name or no apiVersion/kind
     */
    Unstructured apply(Unstructured object, ApplyOptions options, String... subresources);

    /** Server-side apply of the status subresource. */
    default Unstructured applyStatus(Unstructured object, ApplyOptions options) {
        return apply(object, options, "status");
    }
}
