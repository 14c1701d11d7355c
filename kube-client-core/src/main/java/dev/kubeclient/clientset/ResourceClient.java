package dev.kubeclient.clientset;

import dev.kubeclient.apply.ApplyBody;
import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.meta.CreateOptions;
import dev.kubeclient.meta.DeleteOptions;
import dev.kubeclient.meta.GetOptions;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.meta.PatchOptions;
import dev.kubeclient.meta.QueryParams;
import dev.kubeclient.meta.UpdateOptions;

import dev.kubeclient.config.WireFormat;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.protobuf.KubeProtobuf;
import dev.kubeclient.rest.KubeRequest;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.scheme.ResourceType;
import dev.kubeclient.pager.ListPager;
import dev.kubeclient.watch.ResilientWatcher;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchHandler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The typed client of one resource in one namespace (or cluster-wide, or across all namespaces for reads):
 * client-go's generated {@code PodInterface} and its siblings, written once and shared by every resource.
 * Instances come from the {@code Clientset} accessors ({@code clientset.appsV1().deployments("prod")}) or
 * {@code Clientset.resources(Widget.class)}; they are immutable and thread-safe.
 *
 * <p>Every call sends one request (or, for {@link #listAll} and {@link #pager}, one per page) through the shared
 * {@link KubeRestClient}, so rate limiting, retries and the listener apply. An error answer from the API server
 * becomes a typed {@code KubeApiException} (for example a {@code NotFoundException} or a
 * {@code ConflictException}); bad arguments are rejected with {@link IllegalArgumentException} before anything is
 * sent.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public class ResourceClient<T extends HasMetadata, L extends KubernetesResourceList<T>> {

    final KubeRestClient rest;
    final ResourceScope scope;
    private final ResourceType<T> type;
    private final TypedDecoder<T> objectDecoder;
    private final TypedDecoder<L> listDecoder;
    private final JavaType objectType;
    private final ObjectMapper mapper;

    ResourceClient(KubeRestClient rest, ResourceType<T> type, JavaType listType, String namespace, ObjectMapper mapper) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.type = Objects.requireNonNull(type, "type");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.scope = ResourceScope.of(type, namespace);
        this.objectType = mapper.constructType(type.type());
        // Protobuf only for built-in classes read with the shared mapper (a custom mapper means a custom resource).
        boolean protobuf = rest.config().wireFormat() == WireFormat.PROTOBUF && mapper == rest.json().mapper();
        this.objectDecoder = new TypedDecoder<>(mapper, objectType, protobuf);
        this.listDecoder = new TypedDecoder<>(mapper, listType, protobuf);
    }

    /** What this client serves: kind, resource name, scope, classes. */
    public ResourceType<T> resourceType() {
        return type;
    }

    /** The namespace; {@code ""} for all namespaces, {@code null} for a cluster-scoped resource. */
    public String namespace() {
        return scope.namespace();
    }

    // ---- reads

    /** The object named {@code name} (latest data). */
    public T get(String name) {
        return get(name, GetOptions.DEFAULTS);
    }

    /** The object named {@code name}. */
    public T get(String name, GetOptions options) {
        KubeRequest request = QueryParams.get(scope.object(rest.get(), name), options);
        return decode(request, "get");
    }

    /** All objects (one unpaged list). */
    public L list() {
        return list(ListOptions.DEFAULTS);
    }

    /** One list, or one page of it when {@link ListOptions#limit()} is set; the next page's token is in its metadata. */
    public L list(ListOptions options) {
        KubeRequest request = QueryParams.list(scope.collection(rest.get()), options);
        return listDecoder.decode(request);
    }

    /**
     * Decodes a list body exactly as {@link #list} does: for bodies obtained elsewhere (a cache, a fixture, a
     * benchmark).
     */
    public L decodeList(byte[] json) {
        return listDecoder.decode(json, "list " + scope);
    }

    /**
     * A pager over the objects matching {@code options} (selectors; a {@code limit} becomes the page size, else
     * {@link ListPager#DEFAULT_PAGE_SIZE}). Use {@link ListPager#stream()} to go through every object without
     * holding all pages, or {@link ListPager#listAll()} for one consistent snapshot with its resourceVersion.
     */
    public ListPager<T> pager(ListOptions options) {
        Objects.requireNonNull(options, "options");
        ListOptions base = options.toBuilder().limit((Long) null).continueToken(null).build();
        ListPager<T> pager = ListPager.ofList(page -> list(base.toBuilder()
                .limit(page.limit() > 0 ? page.limit() : null)
                .continueToken(page.continueToken())
                .resourceVersion(page.continueToken() == null ? base.resourceVersion() : null)
                .resourceVersionMatch(page.continueToken() == null ? base.resourceVersionMatch() : null)
                .build()));
        return options.limit() != null ? pager.pageSize(options.limit()) : pager;
    }

    /**
     * Every object matching {@code options}, fetched page by page through {@link #pager(ListOptions)} as the stream
     * is consumed; close the stream (or consume it) when done.
     */
    public Stream<T> listAll(ListOptions options) {
        return pager(options).stream();
    }

    /** Opens a watch on the objects matching {@code options} (resourceVersion, selectors, bookmarks). */
    public Watch<T> watch(ListOptions options) {
        return openWatch(QueryParams.list(scope.collection(rest.get()), options));
    }

    private Watch<T> openWatch(KubeRequest request) {
        if (mapper == rest.json().mapper()) {
            if (objectDecoder.asksProtobuf()) {
                request.header("Accept", KubeProtobuf.ACCEPT);
            }
            return request.watch(type.type());
        }
        // A custom resource class read through our derived mapper (see DecodingMappers): open the stream and decode
        // its events with that mapper.
        String description = "watch " + scope;
        InputStream body = request.param("watch", "true").verb("watch").stream();
        return Watch.decoding(body, mapper, objectType, () -> closeQuietly(body), reason -> { }, description);
    }

    /**
     * A watch that survives server timeouts, dropped connections and 410 Gone (see {@link ResilientWatcher}): it
     * gets the state first, from a streaming list where the server offers one, else from a paged LIST with
     * {@code options}' selectors, {@code limit} (the page size) and {@code resourceVersion}/{@code
     * resourceVersionMatch} (for example {@code "0"} to list from the server's cache, as client-go's reflector does;
     * a relist after 410 Gone drops them and reads consistently); then it watches with the selectors from the state's resourceVersion with bookmarks, resuming from the last seen
     * version and getting the state again when that is too old. Configure the returned builder (name, backoff,
     * clock, {@link dev.kubeclient.watch.StreamingLists streaming lists}) and {@code build().start()} it. The
     * dynamic client's {@code resilientWatch} behaves the same.
     */
    public ResilientWatcher.Builder<T> resilientWatch(ListOptions options, WatchHandler<T> handler) {
        Objects.requireNonNull(options, "options");
        ListOptions selectors = ListOptions.builder().labelSelector(options.labelSelector())
                .fieldSelector(options.fieldSelector()).build();
        return ResilientWatcher.builder(pager(options), request -> openWatch(QueryParams.list(
                        scope.collection(rest.get()), selectors).params(request.queryParameters())), handler)
                .relister(pager(options.toBuilder().resourceVersion(null).resourceVersionMatch(null).build()))
                .listener(rest.listener())
                .name(type.resource() + (scope.namespace() == null || scope.namespace().isEmpty() ? "" : "/" + scope.namespace()))
                .threadFactory(rest.watcherThreadFactory());
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // Closing only cancels the call; there is nothing left to report to.
        }
    }

    // ---- writes

    /** Creates {@code object}. */
    public T create(T object) {
        return create(object, CreateOptions.DEFAULTS);
    }

    /** Creates {@code object}. */
    public T create(T object, CreateOptions options) {
        Objects.requireNonNull(object, "object");
        scope.checkNamespaceOf(object);
        KubeRequest request = QueryParams.write(scope.create(rest.post()), options, defaultFieldManager()).body(object);
        return decode(request, "create");
    }

    /** Replaces the object (PUT); {@code metadata.resourceVersion} makes it conditional (409 if it moved on). */
    public T update(T object) {
        return update(object, UpdateOptions.DEFAULTS);
    }

    /** Replaces the object (PUT). */
    public T update(T object, UpdateOptions options) {
        Objects.requireNonNull(object, "object");
        String name = scope.nameOf(object, "update");
        KubeRequest request = QueryParams.write(scope.object(rest.put(), name), options, defaultFieldManager()).body(object);
        return decode(request, "update");
    }

    /** Replaces the object's status (PUT on {@code /status}); changes outside the status are ignored by the server. */
    public T updateStatus(T object, UpdateOptions options) {
        Objects.requireNonNull(object, "object");
        String name = scope.nameOf(object, "update the status of");
        KubeRequest request = QueryParams.write(scope.object(rest.put(), name).subresource("status"), options,
                defaultFieldManager()).body(object);
        return decode(request, "updateStatus");
    }

    /** Deletes the object named {@code name}. */
    public void delete(String name) {
        delete(name, DeleteOptions.DEFAULTS);
    }

    /** Deletes the object named {@code name} with a grace period, propagation policy, preconditions or dry run. */
    public void delete(String name, DeleteOptions options) {
        QueryParams.delete(scope.object(rest.delete(), name), options).execute().close();
    }

    /** Deletes every object matching {@code listOptions} in this namespace (or cluster-wide). */
    public void deleteCollection(DeleteOptions options, ListOptions listOptions) {
        KubeRequest request = QueryParams.list(scope.collection(rest.delete()), listOptions).verb("deletecollection");
        QueryParams.delete(request, options).execute().close();
    }

    /**
     * Patches the object named {@code name}. The body matches the patch type (see {@code docs/patching.md}): a
     * {@code String} or {@code byte[]} is sent as is, a {@link JsonNode}, {@code Map}, {@code List} or model object
     * is written as JSON. For {@link PatchType#APPLY} use {@link #apply} instead, which checks the field manager.
     */
    public T patch(String name, PatchType patchType, Object body) {
        return patch(name, patchType, body, PatchOptions.DEFAULTS);
    }

    /** Patches the object named {@code name}; see {@link #patch(String, PatchType, Object)}. */
    public T patch(String name, PatchType patchType, Object body, PatchOptions options) {
        return patchSubresource(name, patchType, body, options, null);
    }

    /** Patches the status subresource of the object named {@code name}. */
    public T patchStatus(String name, PatchType patchType, Object body, PatchOptions options) {
        return patchSubresource(name, patchType, body, options, "status");
    }

    private T patchSubresource(String name, PatchType patchType, Object body, PatchOptions options, String subresource) {
        Objects.requireNonNull(patchType, "patchType");
        Objects.requireNonNull(body, "patch body");
        if (patchType == PatchType.APPLY) {
            throw new IllegalArgumentException("use apply(...) for server-side apply: it sets the field manager and force");
        }
        KubeRequest request = scope.object(rest.patch(patchType), name);
        if (subresource != null) {
            request.subresource(subresource);
        }
        return decode(QueryParams.write(request, options, defaultFieldManager()).body(body), "patch");
    }

    // ---- server-side apply

    /**
     * Server-side apply of {@code object} as the configuration's field manager ({@code RestConfig.fieldManager()}).
     *
     * @throws KubeClientException before sending anything if no field manager is configured
     */
    public T apply(T object) {
        return apply(object, ApplyOptions.DEFAULTS);
    }

    /**
     * Server-side apply (PATCH with {@code application/apply-patch+yaml}) of {@code object}: the body holds only the
     * fields that are set on it, plus {@code apiVersion} and {@code kind} from the scheme if they are missing. The
     * answer is the whole object, with {@code metadata.managedFields} showing who owns what.
     *
     * <p>Build the object with the model's builders, or start from
     * {@link dev.kubeclient.apply.ManagedFields#extract(HasMetadata, String)} of the live object ("read mine, change,
     * apply"). An object read from the server may be applied too: its {@code metadata.managedFields}, which the server
     * refuses in an apply body, is removed, and its {@code resourceVersion} is kept as a precondition (409 if the
     * object changed since); but it claims every field it holds. See {@link dev.kubeclient.apply.ApplyBody}.
     *
     * @throws KubeClientException before sending anything if neither the options nor the configuration name a field
     *                             manager
     */
    public T apply(T object, ApplyOptions options) {
        Objects.requireNonNull(object, "object");
        String name = scope.nameOf(object, "apply");
        return sendApply(name, applyBody(object, name), options, null);
    }

    /** Server-side apply of the status subresource; see {@link #apply(HasMetadata, ApplyOptions)}. */
    public T applyStatus(T object, ApplyOptions options) {
        Objects.requireNonNull(object, "object");
        String name = scope.nameOf(object, "apply the status of");
        return sendApply(name, applyBody(object, name), options, "status");
    }

    /**
     * Server-side apply of a manifest given as YAML or JSON text (one document). It goes through the same apply path
     * as {@link #apply(HasMetadata, ApplyOptions)}: the text is parsed, {@code metadata.managedFields} (there when
     * the manifest was written from an object read from the server) is removed and the object is sent as JSON;
     * comments and formatting are not sent.
     *
     * @throws IllegalArgumentException before sending anything when the text is not one YAML or JSON object with
     *                                  {@code apiVersion}, {@code kind} and {@code metadata.name} equal to {@code name}
     * @throws KubeClientException      before sending anything if no field manager is known
     */
    public T apply(String name, String manifest, ApplyOptions options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(manifest, "manifest");
        ObjectNode body = ApplyBody.prepareManifest(manifest, name, scope.type().resource() + "/" + name).body();
        return sendApply(name, body, options, null);
    }

    private T sendApply(String name, Object body, ApplyOptions options, String subresource) {
        Objects.requireNonNull(options, "options");
        KubeRequest request = scope.object(rest.patch(PatchType.APPLY), name);
        if (subresource != null) {
            request.subresource(subresource);
        }
        ApplyBody.parameters(request, options, defaultFieldManager(), scope.type().resource() + "/" + name);
        return decode(request.body(body), "apply");
    }

    /** The object as a JSON tree with apiVersion and kind, checked and cleaned by the shared apply path. */
    private ObjectNode applyBody(T object, String name) {
        scope.checkNamespaceOf(object);
        JsonNode tree = rest.json().mapper().valueToTree(object);
        if (!(tree instanceof ObjectNode node)) {
            throw new IllegalArgumentException("a " + type.kind().kind() + " does not serialise to a JSON object");
        }
        if (!node.hasNonNull("apiVersion")) {
            node.put("apiVersion", type.kind().apiVersion());
        }
        if (!node.hasNonNull("kind")) {
            node.put("kind", type.kind().kind());
        }
        return ApplyBody.prepare(node, scope.type().resource() + "/" + name).body();
    }

    // ---- helpers for subclasses

    final T decode(KubeRequest request, String verb) {
        // Only reads ask for protobuf; the answers to writes are read as JSON, as the writes are sent.
        return "get".equals(verb) ? objectDecoder.decode(request) : objectDecoder.decodeJson(request);
    }

    final String defaultFieldManager() {
        return rest.config().fieldManager();
    }

    final JavaType objectType() {
        return objectType;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + scope + "]";
    }
}
