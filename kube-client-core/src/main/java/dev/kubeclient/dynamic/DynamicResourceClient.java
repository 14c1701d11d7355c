package dev.kubeclient.dynamic;

import dev.kubeclient.apply.ApplyBody;
import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.meta.CreateOptions;
import dev.kubeclient.meta.DeleteOptions;
import dev.kubeclient.meta.GetOptions;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.meta.PatchOptions;
import dev.kubeclient.meta.QueryParams;
import dev.kubeclient.meta.UpdateOptions;
import dev.kubeclient.scheme.GroupVersionResource;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.rest.KubeRequest;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.pager.ListPager;
import dev.kubeclient.pager.Page;
import dev.kubeclient.pager.PageRequest;
import dev.kubeclient.watch.ResilientWatcher;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchHandler;
import dev.kubeclient.watch.WatchRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/** The one implementation of {@link NamespaceableResource}: builds the requests, encodes bodies, decodes answers. */
final class DynamicResourceClient implements NamespaceableResource {

    private final KubeRestClient rest;
    private final GroupVersionResource resource;
    private final String namespace;

    DynamicResourceClient(KubeRestClient rest, GroupVersionResource resource, String namespace) {
        this.rest = rest;
        this.resource = resource;
        this.namespace = namespace;
    }

    @Override
    public DynamicResource namespace(String namespace) {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("namespace is blank for " + resource
                    + "; use the resource itself (without namespace(...)) for cluster scope or all namespaces");
        }
        return new DynamicResourceClient(rest, resource, namespace);
    }

    @Override
    public GroupVersionResource resource() {
        return resource;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    // ---- reads

    @Override
    public Unstructured get(String name, GetOptions options, String... subresources) {
        Objects.requireNonNull(options, "options");
        KubeRequest request = object(rest.get(), requireName(name, "get"), subresources);
        return decode(QueryParams.get(request, options).bytes(), "get " + describe(name));
    }

    @Override
    public UnstructuredList list(ListOptions options) {
        Objects.requireNonNull(options, "options");
        KubeRequest request = QueryParams.list(collection(rest.get()), options);
        return UnstructuredList.of(request.decode(in -> UnstructuredJson.readMap(in, "unstructured list"), "list"));
    }

    @Override
    public ListPager<Unstructured> pager(ListOptions options) {
        Objects.requireNonNull(options, "options");
        // The pager owns limit and continue; the caller's selectors and resourceVersion stay.
        ListOptions first = options.toBuilder().limit((Long) null).continueToken(null).build();
        // As client-go's pager: a continued page reads the first page's snapshot, so no resourceVersion then.
        ListOptions next = first.toBuilder().resourceVersion(null).resourceVersionMatch(null).build();
        ListPager<Unstructured> pager = ListPager.of(
                (PageRequest page) -> {
                    KubeRequest request = QueryParams.list(collection(rest.get()),
                            page.continueToken() == null ? first : next);
                    page.queryParameters().forEach(request::param);
                    return UnstructuredList.of(request.decode(in -> UnstructuredJson.readMap(in, "unstructured list"), "list"));
                },
                UnstructuredList::items, UnstructuredList::continueToken, UnstructuredList::resourceVersion);
        return options.limit() != null ? pager.pageSize(options.limit()) : pager;
    }

    @Override
    public Watch<Unstructured> watch(ListOptions options) {
        Objects.requireNonNull(options, "options");
        return QueryParams.list(collection(rest.get()), options).watch(Unstructured.class);
    }

    @Override
    public ResilientWatcher.Builder<Unstructured> resilientWatch(ListOptions options,
                                                                WatchHandler<Unstructured> handler) {
        Objects.requireNonNull(options, "options");
        ListOptions selectors = ListOptions.builder().labelSelector(options.labelSelector())
                .fieldSelector(options.fieldSelector()).build();
        ResilientWatcher.WatchOpener<Unstructured> opener = (WatchRequest w) -> {
            KubeRequest request = QueryParams.list(collection(rest.get()), selectors);
            w.queryParameters().forEach(request::param);
            return request.watch(Unstructured.class);
        };
        // The first list keeps the caller's limit and resourceVersion(Match), as the typed client's does; a relist
        // after 410 Gone reads consistently (no resourceVersion), as client-go's reflector does.
        return ResilientWatcher.builder(pager(options), opener, handler)
                .listener(rest.listener())
                .relister(pager(options.toBuilder().resourceVersion(null).resourceVersionMatch(null).build()))
                .name(resource.resource() + (namespace != null ? "/" + namespace : ""))
                .resourceVersionOf(Unstructured::resourceVersion)
                .annotationsOf(Unstructured::annotations)
                .threadFactory(rest.watcherThreadFactory());
    }

    // ---- writes

    @Override
    public Unstructured create(Unstructured object, CreateOptions options, String... subresources) {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(options, "options");
        checkNamespace(object, "create");
        KubeRequest request = subresources.length == 0
                ? collection(rest.post())
                : object(rest.post(), requireName(object.name(), "create a subresource of"), subresources);
        QueryParams.write(request, options, rest.config().fieldManager());
        return decode(request.body(object.toJsonBytes()).bytes(), "create " + describe(object.name()));
    }

    @Override
    public Unstructured update(Unstructured object, UpdateOptions options, String... subresources) {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(options, "options");
        checkNamespace(object, "update");
        String name = requireName(object.name(), "update");
        KubeRequest request = object(rest.put(), name, subresources);
        QueryParams.write(request, options, rest.config().fieldManager());
        return decode(request.body(object.toJsonBytes()).bytes(), "update " + describe(name));
    }

    @Override
    public void delete(String name, DeleteOptions options, String... subresources) {
        Objects.requireNonNull(options, "options");
        KubeRequest request = object(rest.delete(), requireName(name, "delete"), subresources);
        QueryParams.delete(request, options).execute().close();
    }

    @Override
    public void deleteCollection(DeleteOptions options, ListOptions listOptions) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listOptions, "listOptions");
        KubeRequest request = QueryParams.list(collection(rest.delete()), listOptions);
        QueryParams.delete(request, options).verb("deletecollection").execute().close();
    }

    @Override
    public Unstructured patch(String name, PatchType type, Object body, PatchOptions options, String... subresources) {
        Objects.requireNonNull(type, "patch type");
        Objects.requireNonNull(body, "patch body");
        Objects.requireNonNull(options, "options");
        if (type == PatchType.APPLY) {
            throw new IllegalArgumentException("use apply(...) for server-side apply: it needs ApplyOptions "
                    + "(field manager, force), which a PatchOptions cannot carry");
        }
        KubeRequest request = object(rest.patch(type), requireName(name, "patch"), subresources);
        QueryParams.write(request, options, rest.config().fieldManager());
        return decode(request.body(patchBytes(body)).bytes(), "patch " + describe(name));
    }

    @Override
    public Unstructured apply(Unstructured object, ApplyOptions options, String... subresources) {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(options, "options");
        String name = requireName(object.name(), "apply");
        checkNamespace(object, "apply");
        JsonNode tree = rest.json().mapper().readTree(object.toJsonBytes());
        if (!(tree instanceof ObjectNode node)) {
            throw new IllegalArgumentException("apply of " + describe(name) + ": the object is not a JSON object");
        }
        ObjectNode body = ApplyBody.prepare(node, describe(name)).body();
        KubeRequest request = object(rest.patch(PatchType.APPLY), name, subresources);
        ApplyBody.parameters(request, options, rest.config().fieldManager(), describe(name));
        // JSON is YAML, so the object goes as JSON under the apply-patch+yaml content type.
        return decode(request.body(rest.json().write(body)).bytes(), "apply " + describe(name));
    }

    // ---- helpers

    private KubeRequest collection(KubeRequest request) {
        return request.group(resource.group()).version(resource.version()).namespace(namespace)
                .resource(resource.resource());
    }

    private KubeRequest object(KubeRequest request, String name, String... subresources) {
        KubeRequest r = collection(request).name(name);
        if (subresources.length > 0) {
            r.subresource(subresources);
        }
        return r;
    }

    private void checkNamespace(Unstructured object, String verb) {
        String own = object.namespace();
        if (own != null && namespace != null && !own.equals(namespace)) {
            throw new IllegalArgumentException("cannot " + verb + " " + object + " through namespace '" + namespace
                    + "': its metadata.namespace is '" + own + "'; use resource(...).namespace(\"" + own + "\")");
        }
    }

    private String requireName(String name, String verb) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("cannot " + verb + " " + resource
                    + " without a name; set metadata.name (or pass the name)");
        }
        return name;
    }

    private static byte[] patchBytes(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof Unstructured u) {
            return u.toJsonBytes();
        }
        if (body instanceof JsonNode || body instanceof Map<?, ?> || body instanceof Collection<?>) {
            if (!(body instanceof JsonNode)) {
                JsonValues.copy(body, "patch body");
            }
            return UnstructuredJson.write(body);
        }
        // A typed model: only the fields it sets (its nulls were never set).
        return UnstructuredJson.write(UnstructuredJson.toMap(body));
    }

    private Unstructured decode(byte[] body, String what) {
        try {
            return Unstructured.fromJson(body);
        } catch (KubeClientException e) {
            throw new KubeClientException("the answer to " + what + " is not an object: " + e.getMessage(), e);
        }
    }

    private String describe(String name) {
        return resource + " " + (namespace != null ? namespace + "/" : "") + name;
    }

    @Override
    public String toString() {
        return "DynamicResource[" + resource + (namespace != null ? ", namespace=" + namespace : "") + "]";
    }
}
