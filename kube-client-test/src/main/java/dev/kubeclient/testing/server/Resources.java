package dev.kubeclient.testing.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * The resource verbs with the real API server's bookkeeping: create, get, list, update, patch, delete and
 * deletecollection on objects and their {@code status} and {@code scale} subresources; namespaces that must exist
 * and finish terminating; finalizers; owner-reference garbage collection; CRDs that add resources.
 */
final class Resources {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String GENERATE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final String DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
            + "'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    private static final String DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case "
            + "alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',"
            + "  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    private final ResourceCatalog catalog;
    private final Store store;
    private final PatchSupport patches;
    private final Clock clock;
    private final JsonMapper json;
    private final Executor background;
    private final SecureRandom random = new SecureRandom();
    private final Lists lists;
    private final Map<String, String> podLogs = new java.util.concurrent.ConcurrentHashMap<>();
    private final Controllers controllers;
    private YAMLMapper yaml;

    Resources(ResourceCatalog catalog, Store store, PatchSupport patches, Clock clock, JsonMapper json,
              Executor background) {
        this.catalog = catalog;
        this.store = store;
        this.patches = patches;
        this.clock = clock;
        this.json = json;
        this.background = background;
        this.lists = new Lists(store, this);
        this.controllers = new Controllers(catalog, store, this);
    }

    // ---------------------------------------------------------------- dispatch

    Reply handle(RequestInfo info, ResourceDef def, Call call) {
        if (info.subresource() != null) {
            return subresource(info, def, call);
        }
        return switch (info.verb()) {
            case "get" -> Reply.json(200, present(def, require(def, info.namespace(), info.name()), true));
            case "list" -> Reply.json(200, lists.list(def, info.namespace(), call));
            case "create" -> create(def, info.namespace(), call);
            case "update" -> Reply.json(200, update(def, info.namespace(), info.name(), call, false));
            case "patch" -> patch(def, info.namespace(), info.name(), call, false);
            case "delete" -> delete(def, info.namespace(), info.name(), call);
            case "deletecollection" -> deleteCollection(def, info.namespace(), call);
            default -> throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
        };
    }

    private Reply subresource(RequestInfo info, ResourceDef def, Call call) {
        String sub = info.subresource();
        if (sub.equals("status") && def.status()) {
            return switch (info.verb()) {
                case "get" -> Reply.json(200, present(def, require(def, info.namespace(), info.name()), true));
                case "update" -> Reply.json(200, update(def, info.namespace(), info.name(), call, true));
                case "patch" -> patch(def, info.namespace(), info.name(), call, true);
                default -> throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
            };
        }
        if (sub.equals("scale") && def.scale() != null) {
            return switch (info.verb()) {
                case "get" -> Reply.json(200, scaleOf(def, requireScaled(def, info.namespace(), info.name())));
                case "update" -> Reply.json(200, updateScale(def, info.namespace(), info.name(), parse(call)));
                case "patch" -> {
                    ObjectNode scale = scaleOf(def, requireScaled(def, info.namespace(), info.name()));
                    ObjectNode patched = patches.patch(call.contentType(), scale, parseAny(call), "autoscaling/v1", "Scale");
                    yield Reply.json(200, updateScale(def, info.namespace(), info.name(), patched));
                }
                default -> throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource");
            };
        }
        if (def.group().isEmpty() && def.plural().equals("pods") && sub.equals("log") && info.verb().equals("get")) {
            require(def, info.namespace(), info.name());
            return Reply.text(200, podLogs.getOrDefault(info.namespace() + "/" + info.name(), ""), Map.of());
        }
        if (def.group().isEmpty() && def.plural().equals("pods") && sub.equals("eviction") && info.verb().equals("create")) {
            return evict(def, info.namespace(), info.name(), call);
        }
        if (def.plural().equals("namespaces") && sub.equals("finalize") && info.verb().equals("update")) {
            return Reply.json(200, update(def, null, info.name(), call, false));
        }
        throw ApiError.of(404, "NotFound", "the server could not find the requested resource", null);
    }

    /** Sets the text {@code pods/{name}/log} answers for a pod. */
    void podLog(String namespace, String pod, String text) {
        podLogs.put(namespace + "/" + pod, text);
    }

    /**
     * An Eviction (policy/v1 or v1beta1) deletes the pod with the eviction's delete options; disruption budgets are
     * not evaluated (script a 429 with the faults to test that path).
     */
    private Reply evict(ResourceDef def, String namespace, String name, Call call) {
        ObjectNode eviction = parse(call);
        String bodyName = eviction.path("metadata").path("name").asString("");
        if (!bodyName.isEmpty() && !bodyName.equals(name)) {
            throw ApiError.badRequest("name in URL does not match name in Eviction object");
        }
        JsonNode options = eviction.path("deleteOptions");
        Call delete = new Call("DELETE", call.path(), Map.of(), Reply.JSON, call.accept(),
                options.isObject() ? json.writeValueAsBytes(options) : new byte[0], call.userAgent(), call.user(),
                call.warnings());
        this.delete(def, namespace, name, delete);
        ObjectNode status = NODES.objectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        status.put("code", 201);
        return Reply.json(201, status);
    }

    // ---------------------------------------------------------------- read

    private ObjectNode require(ResourceDef def, String namespace, String name) {
        ObjectNode obj = store.get(def.groupResource(), key(def, namespace, name));
        if (obj == null) {
            throw ApiError.notFound(def, name);
        }
        return obj;
    }

    private ObjectNode requireScaled(ResourceDef def, String namespace, String name) {
        ObjectNode obj = store.get(def.groupResource(), key(def, namespace, name));
        if (obj == null) {
            String resource = def.plural() + "/scale";
            throw ApiError.of(404, "NotFound", (def.group().isEmpty() ? resource : resource + "." + def.group()) + " \""
                    + name + "\" not found", ApiError.details(name, def.group(), resource, null));
        }
        return obj;
    }

    /** A copy of a stored object as served in {@code def}'s version. */
    ObjectNode present(ResourceDef def, ObjectNode stored, boolean withKind) {
        ObjectNode copy = stored.deepCopy();
        if (withKind) {
            ObjectNode out = NODES.objectNode();
            out.put("kind", def.kind());
            out.put("apiVersion", def.groupVersion());
            copy.remove("kind");
            copy.remove("apiVersion");
            out.setAll(copy);
            return out;
        }
        copy.remove("kind");
        copy.remove("apiVersion");
        return copy;
    }

    static String key(ResourceDef def, String namespace, String name) {
        return def.namespaced() ? namespace + "/" + name : name;
    }

    // ---------------------------------------------------------------- create

    private Reply create(ResourceDef def, String namespace, Call call) {
        ObjectNode body = parse(call);
        if (!def.stored()) {
            ObjectNode out = present(def, body, true);
            out.putObject("status");
            return Reply.json(201, out);
        }
        validateFields(def, body, call);
        ObjectNode created = createObject(def, namespace, body, call, clock.instant(), call.flag("dryRun")
                || "All".equals(call.param("dryRun")));
        return Reply.json(201, present(def, created, true));
    }

    ObjectNode createObject(ResourceDef def, String namespace, ObjectNode body, Call call, Instant now, boolean dryRun) {
        ObjectNode obj = body.deepCopy();
        ObjectNode meta = metadata(obj);
        String bodyNs = meta.path("namespace").asString("");
        if (def.namespaced()) {
            if (!bodyNs.isEmpty() && namespace != null && !bodyNs.equals(namespace)) {
                throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
            if (namespace == null) {
                namespace = bodyNs;
            }
            if (namespace.isEmpty()) {
                throw ApiError.badRequest("the server could not find the requested resource");
            }
            meta.put("namespace", namespace);
        } else {
            meta.remove("namespace");
        }
        String name = meta.path("name").asString("");
        String generateName = meta.path("generateName").asString("");
        if (name.isEmpty() && !generateName.isEmpty()) {
            name = generateName + randomSuffix();
            meta.put("name", name);
        }
        if (name.isEmpty()) {
            throw ApiError.invalid(def.group(), def.kind(), "", List.of(new ApiError.Cause("FieldValueRequired",
                    "Required value: name or generateName is required", "metadata.name")));
        }
        validateName(def, name);
        synchronized (store) {
            if (def.namespaced()) {
                ObjectNode ns = store.get("namespaces", namespace);
                if (ns == null) {
                    throw ApiError.namespaceNotFound(namespace);
                }
                if (ns.path("metadata").has("deletionTimestamp")) {
                    throw ApiError.forbidden(ApiError.qualified(def) + " \"" + name + "\" is forbidden: unable to create "
                            + "new content in namespace " + namespace + " because it is being terminated",
                            name, def.group(), def.plural());
                }
            }
            String key = key(def, namespace, name);
            if (store.get(def.groupResource(), key) != null) {
                throw ApiError.alreadyExists(def, name);
            }
            obj.put("apiVersion", def.groupVersion());
            obj.put("kind", def.kind());
            meta.put("uid", UUID.randomUUID().toString());
            meta.put("creationTimestamp", timestamp(now));
            meta.remove("deletionTimestamp");
            meta.remove("deletionGracePeriodSeconds");
            if (def.tracksGeneration() || def.custom()) {
                meta.put("generation", 1);
            } else {
                meta.remove("generation");
            }
            prepareForCreate(def, obj);
            if (call != null) {
                obj = patches.recordUpdate(null, obj, fieldManager(call), def.groupVersion(), now);
            }
            if (dryRun) {
                metadata(obj).remove("resourceVersion");
                return obj;
            }
            long rv = store.nextRv();
            metadata(obj).put("resourceVersion", Long.toString(rv));
            store.put(def.groupResource(), key, obj, rv);
            afterWrite(def, null, obj);
            return obj;
        }
    }

    private void prepareForCreate(ResourceDef def, ObjectNode obj) {
        if (def.plural().equals("namespaces") && def.group().isEmpty()) {
            ObjectNode spec = obj.has("spec") && obj.get("spec").isObject() ? (ObjectNode) obj.get("spec") : obj.putObject("spec");
            if (!spec.has("finalizers")) {
                spec.putArray("finalizers").add("kubernetes");
            }
            obj.putObject("status").put("phase", "Active");
        } else if (def.plural().equals("pods") && def.group().isEmpty()) {
            ObjectNode status = obj.putObject("status");
            status.put("phase", "Pending");
            status.put("qosClass", "BestEffort");
        } else if (def.status()) {
            obj.remove("status");
        }
        if (def.scale() != null && !def.custom() && obj.path("spec").isObject() && !obj.path("spec").has("replicas")) {
            // the one default clients rely on most: scalable workloads run one replica unless told otherwise
            ((ObjectNode) obj.get("spec")).put("replicas", 1);
        }
        if (def.plural().equals("customresourcedefinitions")) {
            crdStatus(obj);
        }
    }

    private String randomSuffix() {
        StringBuilder s = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            s.append(GENERATE_ALPHABET.charAt(random.nextInt(GENERATE_ALPHABET.length())));
        }
        return s.toString();
    }

    private static void validateName(ResourceDef def, String name) {
        boolean label = def.group().isEmpty() && (def.plural().equals("namespaces") || def.plural().equals("services"));
        String message = null;
        if (label) {
            if (name.length() > 63) {
                message = "must be no more than 63 characters";
            } else if (!name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
                message = DNS1123_LABEL_MSG;
            }
        } else if (name.length() > 253) {
            message = "must be no more than 253 characters";
        } else if (!name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")) {
            message = DNS1123_SUBDOMAIN_MSG;
        }
        if (message != null) {
            throw ApiError.invalid(def.group(), def.kind(), name, List.of(new ApiError.Cause("FieldValueInvalid",
                    "Invalid value: \"" + name + "\": " + message, "metadata.name")));
        }
    }

    // ---------------------------------------------------------------- update / patch

    private ObjectNode update(ResourceDef def, String namespace, String name, Call call, boolean status) {
        ObjectNode body = parse(call);
        validateFields(def, body, call);
        ObjectNode meta = metadata(body);
        String bodyName = meta.path("name").asString("");
        if (!bodyName.isEmpty() && !bodyName.equals(name)) {
            throw ApiError.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL (" + name + ")");
        }
        String bodyNs = meta.path("namespace").asString("");
        if (def.namespaced() && !bodyNs.isEmpty() && !bodyNs.equals(namespace)) {
            throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        synchronized (store) {
            ObjectNode existing = require(def, namespace, name);
            String rv = meta.path("resourceVersion").asString("");
            if (!rv.isEmpty() && !rv.equals(existing.path("metadata").path("resourceVersion").asString(""))) {
                throw ApiError.modified(def, name);
            }
            if (rv.isEmpty() && def.custom()) {
                throw ApiError.invalid(def.group(), def.kind(), name, List.of(new ApiError.Cause("FieldValueInvalid",
                        "Invalid value: 0: must be specified for an update", "metadata.resourceVersion")));
            }
            return write(def, existing, body, status, fieldManager(call), dryRun(call));
        }
    }

    private Reply patch(ResourceDef def, String namespace, String name, Call call, boolean status) {
        String type = call.contentType();
        if (!Set.of(PatchSupport.MERGE, PatchSupport.JSON_PATCH, PatchSupport.STRATEGIC, PatchSupport.APPLY).contains(type)) {
            throw ApiError.unsupportedMediaType(type);
        }
        Instant now = clock.instant();
        if (type.equals(PatchSupport.APPLY)) {
            String manager = call.param("fieldManager");
            if (manager == null || manager.isEmpty()) {
                throw ApiError.invalid("meta.k8s.io", "PatchOptions", "", List.of(new ApiError.Cause(
                        "FieldValueRequired", "Required value: is required for apply patch", "fieldManager")));
            }
            JsonNode applied = parseYaml(call);
            if (!applied.isObject()) {
                throw ApiError.badRequest("error decoding YAML: the apply patch must be an object");
            }
            validateFields(def, (ObjectNode) applied, call);
            synchronized (store) {
                ObjectNode existing = store.get(def.groupResource(), key(def, namespace, name));
                ObjectNode result = patches.apply(existing, (ObjectNode) applied, manager, call.flag("force"),
                        def.groupVersion(), def.kind(), now);
                if (existing == null) {
                    metadata(result).put("name", name);
                    ObjectNode created = createObject(def, namespace, result, null, now, dryRun(call));
                    return Reply.json(201, present(def, created, true));
                }
                return Reply.json(200, present(def, write(def, existing, result, status, null, dryRun(call)), true));
            }
        }
        JsonNode patch = parseAny(call);
        synchronized (store) {
            ObjectNode existing = require(def, namespace, name);
            ObjectNode target = present(def, existing, true);
            ObjectNode patched = patches.patch(type, target, patch, def.groupVersion(), def.kind());
            validateFields(def, patched, call);
            String rv = metadata(patched).path("resourceVersion").asString("");
            if (!rv.isEmpty() && !rv.equals(existing.path("metadata").path("resourceVersion").asString(""))) {
                throw ApiError.modified(def, name);
            }
            String patchedName = metadata(patched).path("name").asString("");
            if (!patchedName.equals(name)) {
                throw ApiError.invalid(def.group(), def.kind(), name, List.of(new ApiError.Cause("FieldValueInvalid",
                        "Invalid value: \"" + patchedName + "\": field is immutable", "metadata.name")));
            }
            return Reply.json(200, present(def, write(def, existing, patched, status, fieldManager(call), dryRun(call)), true));
        }
    }

    /**
     * Writes {@code incoming} over {@code existing} with the real server's rules: identity fields kept, the
     * spec/status split, generation bumped on spec changes, no-op writes not stored, finalizer removal completing
     * a pending deletion. Caller holds the store monitor.
     */
    private ObjectNode write(ResourceDef def, ObjectNode existing, ObjectNode incoming, boolean statusWrite,
                             String manager, boolean dryRun) {
        ObjectNode next;
        if (statusWrite) {
            next = existing.deepCopy();
            if (incoming.has("status")) {
                next.set("status", incoming.get("status").deepCopy());
            } else {
                next.remove("status");
            }
        } else {
            next = incoming.deepCopy();
            if (def.status() && !def.plural().equals("namespaces")) {
                if (existing.has("status")) {
                    next.set("status", existing.get("status").deepCopy());
                } else {
                    next.remove("status");
                }
            } else if (def.plural().equals("namespaces") && existing.has("status")) {
                next.set("status", existing.get("status").deepCopy());
            }
        }
        next.put("apiVersion", def.groupVersion());
        next.put("kind", def.kind());
        ObjectNode oldMeta = (ObjectNode) existing.get("metadata");
        ObjectNode meta = metadata(next);
        for (String keep : List.of("name", "namespace", "uid", "creationTimestamp", "deletionTimestamp",
                "deletionGracePeriodSeconds", "generation")) {
            if (oldMeta.has(keep)) {
                meta.set(keep, oldMeta.get(keep).deepCopy());
            } else {
                meta.remove(keep);
            }
        }
        meta.put("resourceVersion", oldMeta.path("resourceVersion").asString(""));
        if ((def.tracksGeneration() || def.custom()) && !statusWrite && specChanged(existing, next, def.status())) {
            meta.put("generation", oldMeta.path("generation").asLong(0) + 1);
        }
        if (manager != null) {
            next = patches.recordUpdate(existing, next, manager, def.groupVersion(), clock.instant());
            meta = metadata(next);
        }
        if (sameIgnoringManagedFields(existing, next)) {
            return existing;
        }
        if (dryRun) {
            return next;
        }
        String key = key(def, ns(next), name(next));
        long rv = store.nextRv();
        meta.put("resourceVersion", Long.toString(rv));
        if (meta.has("deletionTimestamp") && finalizers(next).isEmpty()) {
            store.remove(def.groupResource(), key, next, rv);
            afterRemove(def, next, "Background");
            return next;
        }
        store.put(def.groupResource(), key, next, rv);
        afterWrite(def, existing, next);
        return next;
    }

    /**
     * Whether anything but metadata (and status, when it has its own subresource) changed: what bumps
     * {@code metadata.generation}. A custom resource without a status subresource bumps on status changes too.
     */
    private static boolean specChanged(ObjectNode before, ObjectNode after, boolean statusSubresource) {
        ObjectNode a = before.deepCopy();
        ObjectNode b = after.deepCopy();
        for (ObjectNode n : List.of(a, b)) {
            n.remove("metadata");
            if (statusSubresource) {
                n.remove("status");
            }
            n.remove("apiVersion");
            n.remove("kind");
        }
        return !a.equals(b);
    }

    private static boolean sameIgnoringManagedFields(ObjectNode before, ObjectNode after) {
        ObjectNode a = before.deepCopy();
        ObjectNode b = after.deepCopy();
        for (ObjectNode n : List.of(a, b)) {
            metadata(n).remove("managedFields");
            n.remove("apiVersion");
        }
        return a.equals(b);
    }

    // ---------------------------------------------------------------- scale

    private ObjectNode scaleOf(ResourceDef def, ObjectNode obj) {
        ObjectNode scale = NODES.objectNode();
        scale.put("kind", "Scale");
        scale.put("apiVersion", "autoscaling/v1");
        ObjectNode meta = scale.putObject("metadata");
        JsonNode om = obj.path("metadata");
        for (String f : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (om.has(f)) {
                meta.set(f, om.get(f).deepCopy());
            }
        }
        ResourceDef.ScaleDef s = def.scale();
        scale.putObject("spec").put("replicas", at(obj, s.specReplicasPath()).asInt(def.custom() ? 0 : 1));
        ObjectNode status = scale.putObject("status");
        status.put("replicas", at(obj, s.statusReplicasPath()).asInt(0));
        String selector = def.custom() ? at(obj, s.labelSelectorPath()).asString("") : selectorString(obj);
        if (!selector.isEmpty()) {
            status.put("selector", selector);
        }
        return scale;
    }

    private static String selectorString(ObjectNode obj) {
        JsonNode selector = obj.path("spec").path("selector");
        JsonNode labels = selector.has("matchLabels") ? selector.get("matchLabels") : selector;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : labels.properties()) {
            if (e.getValue().isString()) {
                parts.add(e.getKey() + "=" + e.getValue().asString());
            }
        }
        return String.join(",", parts);
    }

    private ObjectNode updateScale(ResourceDef def, String namespace, String name, ObjectNode scale) {
        synchronized (store) {
            ObjectNode existing = requireScaled(def, namespace, name);
            String rv = scale.path("metadata").path("resourceVersion").asString("");
            if (!rv.isEmpty() && !rv.equals(existing.path("metadata").path("resourceVersion").asString(""))) {
                throw ApiError.modified(def, name);
            }
            ObjectNode next = existing.deepCopy();
            setAt(next, def.scale().specReplicasPath(), NODES.numberNode(scale.path("spec").path("replicas").asInt(0)));
            ObjectNode written = write(def, existing, next, false, null, false);
            return scaleOf(def, written);
        }
    }

    private static JsonNode at(JsonNode obj, String path) {
        JsonNode n = obj;
        for (String p : path.replaceFirst("^\\.", "").split("\\.")) {
            n = n.path(p);
        }
        return n;
    }

    private static void setAt(ObjectNode obj, String path, JsonNode value) {
        String[] parts = path.replaceFirst("^\\.", "").split("\\.");
        ObjectNode n = obj;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = n.get(parts[i]);
            n = child instanceof ObjectNode o ? o : n.putObject(parts[i]);
        }
        n.set(parts[parts.length - 1], value);
    }

    // ---------------------------------------------------------------- delete

    private Reply delete(ResourceDef def, String namespace, String name, Call call) {
        ObjectNode options = call.body().length == 0 ? NODES.objectNode() : parse(call);
        String propagation = call.param("propagationPolicy") != null ? call.param("propagationPolicy")
                : options.path("propagationPolicy").asString("Background");
        if (call.param("orphanDependents") != null || options.has("orphanDependents")) {
            boolean orphan = call.param("orphanDependents") != null ? call.flag("orphanDependents")
                    : options.path("orphanDependents").asBoolean(false);
            propagation = orphan ? "Orphan" : propagation;
        }
        if (!Set.of("Background", "Foreground", "Orphan").contains(propagation)) {
            throw ApiError.invalid("meta.k8s.io", "DeleteOptions", "", List.of(new ApiError.Cause("FieldValueNotSupported",
                    "Unsupported value: \"" + propagation + "\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"",
                    "propagationPolicy")));
        }
        boolean dryRun = dryRun(call) || options.path("dryRun").isArray() && !options.path("dryRun").isEmpty();
        synchronized (store) {
            ObjectNode existing = require(def, namespace, name);
            JsonNode pre = options.path("preconditions");
            String uid = existing.path("metadata").path("uid").asString("");
            String rv = existing.path("metadata").path("resourceVersion").asString("");
            if (pre.hasNonNull("uid") && !pre.get("uid").asString().equals(uid)) {
                throw preconditionFailed(def, name, "the UID in the precondition (" + pre.get("uid").asString()
                        + ") does not match the UID in record (" + uid + "). The object might have been deleted and then recreated");
            }
            if (pre.hasNonNull("resourceVersion") && !pre.get("resourceVersion").asString().equals(rv)) {
                throw preconditionFailed(def, name, "the ResourceVersion in the precondition ("
                        + pre.get("resourceVersion").asString() + ") does not match the ResourceVersion in record (" + rv
                        + "). The object might have been modified");
            }
            if (dryRun) {
                return deletedReply(def, existing);
            }
            ObjectNode result = deleteObject(def, existing, propagation);
            if (result.path("metadata").has("deletionTimestamp") && store.get(def.groupResource(),
                    key(def, ns(result), name(result))) != null) {
                return Reply.json(200, present(def, result, true));
            }
            return deletedReply(def, result);
        }
    }

    /** Delete preconditions fail naming the kind (not the resource), as the real server's storage layer does. */
    private static ApiError preconditionFailed(ResourceDef def, String name, String why) {
        return ApiError.of(409, "Conflict", "Operation cannot be fulfilled on " + def.kind() + " \"" + name + "\": " + why,
                ApiError.details(name, def.group(), def.kind(), null));
    }

    /** A removed object is answered with a Success Status (as the real server does for every kind it removes at once). */
    private Reply deletedReply(ResourceDef def, ObjectNode obj) {
        ObjectNode status = NODES.objectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        ObjectNode details = status.putObject("details");
        details.put("name", name(obj));
        if (!def.group().isEmpty()) {
            details.put("group", def.group());
        }
        details.put("kind", def.plural());
        details.put("uid", obj.path("metadata").path("uid").asString(""));
        return Reply.json(200, status);
    }

    /**
     * Deletes a stored object: with finalizers (or a namespace) it only gets a deletionTimestamp; otherwise it is
     * removed and its dependents are collected. Caller holds the store monitor.
     *
     * @return the object as it stands after the call
     */
    ObjectNode deleteObject(ResourceDef def, ObjectNode existing, String propagation) {
        String key = key(def, ns(existing), name(existing));
        boolean namespace = def.group().isEmpty() && def.plural().equals("namespaces");
        if ("Orphan".equals(propagation)) {
            controllers.orphanDependents(existing.path("metadata").path("uid").asString(""));
        }
        if (existing.path("metadata").has("deletionTimestamp")) {
            return existing;
        }
        if (!finalizers(existing).isEmpty() || namespace) {
            ObjectNode next = existing.deepCopy();
            metadata(next).put("deletionTimestamp", timestamp(clock.instant()));
            metadata(next).put("deletionGracePeriodSeconds", 0);
            if (namespace) {
                ((ObjectNode) next.get("status")).put("phase", "Terminating");
            }
            long rv = store.nextRv();
            metadata(next).put("resourceVersion", Long.toString(rv));
            store.put(def.groupResource(), key, next, rv);
            if (namespace) {
                String nsName = name(next);
                background.execute(() -> controllers.finishNamespace(nsName));
            }
            return next;
        }
        long rv = store.nextRv();
        ObjectNode tombstone = existing.deepCopy();
        metadata(tombstone).put("resourceVersion", Long.toString(rv));
        store.remove(def.groupResource(), key, tombstone, rv);
        afterRemove(def, tombstone, propagation);
        return tombstone;
    }

    private Reply deleteCollection(ResourceDef def, String namespace, Call call) {
        Selectors.Selector labels = Selectors.labels(call.param("labelSelector"));
        Selectors.Selector fields = Selectors.fields(call.param("fieldSelector"), def);
        synchronized (store) {
            ObjectNode list = NODES.objectNode();
            list.put("kind", def.kind() + "List");
            list.put("apiVersion", def.groupVersion());
            ArrayNode items = list.putArray("items");
            for (ObjectNode obj : store.all(def.groupResource())) {
                if ((namespace == null || namespace.equals(ns(obj))) && labels.test(obj) && fields.test(obj)) {
                    items.add(present(def, deleteObject(def, obj, "Background"), def.custom()));
                }
            }
            list.putObject("metadata").put("resourceVersion", Long.toString(store.currentRv()));
            return Reply.json(200, list);
        }
    }

    /** What follows a removal: dependents collected, CRD resources dropped, namespaces finished. */
    private void afterRemove(ResourceDef def, ObjectNode removed, String propagation) {
        String uid = removed.path("metadata").path("uid").asString("");
        if (!"Orphan".equals(propagation)) {
            controllers.collectDependents(uid);
        }
        if (def.plural().equals("customresourcedefinitions")) {
            String groupResource = crdGroupResource(removed);
            catalog.removeCustom(groupResource);
            store.dropAll(groupResource, (obj, rv) -> {
                ObjectNode t = obj.deepCopy();
                metadata(t).put("resourceVersion", Long.toString(rv));
                return t;
            });
        }
        String namespace = ns(removed);
        if (def.namespaced() && !namespace.isEmpty()) {
            ObjectNode ns = store.get("namespaces", namespace);
            if (ns != null && ns.path("metadata").has("deletionTimestamp")) {
                background.execute(() -> controllers.finishNamespace(namespace));
            }
        }
    }

    private void afterWrite(ResourceDef def, ObjectNode before, ObjectNode after) {
        if (def.plural().equals("customresourcedefinitions") && def.group().equals("apiextensions.k8s.io")) {
            catalog.putCustom(crdGroupResource(after), Crds.definitions(after));
        }
    }

    // ---------------------------------------------------------------- CRDs

    private void crdStatus(ObjectNode crd) {
        ObjectNode status = crd.putObject("status");
        ArrayNode conditions = status.putArray("conditions");
        String now = timestamp(clock.instant());
        for (String[] c : new String[][] {{"NamesAccepted", "NoConflicts", "no conflicts found"},
                {"Established", "InitialNamesAccepted", "the initial names have been accepted"}}) {
            ObjectNode cond = conditions.addObject();
            cond.put("type", c[0]);
            cond.put("status", "True");
            cond.put("lastTransitionTime", now);
            cond.put("reason", c[1]);
            cond.put("message", c[2]);
        }
        status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
        ArrayNode stored = status.putArray("storedVersions");
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("storage").asBoolean(false)) {
                stored.add(v.path("name").asString(""));
            }
        }
    }

    private static String crdGroupResource(ObjectNode crd) {
        return crd.path("spec").path("names").path("plural").asString("") + "." + crd.path("spec").path("group").asString("");
    }

    /** Registers the resources of CRDs seeded directly into storage. */
    void registerCrd(ObjectNode crd) {
        catalog.putCustom(crdGroupResource(crd), Crds.definitions(crd));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Server-side field validation ({@code fieldValidation} Ignore, Warn (the default) or Strict) of a built-in
     * kind's object: unknown fields are warnings, or a 400 "strict decoding error" when Strict.
     */
    private void validateFields(ResourceDef def, ObjectNode object, Call call) {
        String mode = call.param("fieldValidation");
        if (mode == null || mode.isEmpty()) {
            mode = "Warn";
        }
        if (!Set.of("Ignore", "Warn", "Strict").contains(mode)) {
            throw ApiError.badRequest("fieldValidation must be one of \"Ignore\", \"Warn\" or \"Strict\", got \"" + mode + "\"");
        }
        if (mode.equals("Ignore") || def.modelClass() == null) {
            return;
        }
        List<String> unknown = UnknownFields.of(object, def.modelClass(), json);
        if (unknown.isEmpty()) {
            return;
        }
        List<String> messages = unknown.stream().map(f -> "unknown field \"" + f + "\"").toList();
        if (mode.equals("Strict")) {
            throw ApiError.badRequest("strict decoding error: " + String.join(", ", messages));
        }
        call.warnings().addAll(messages);
    }

    private ObjectNode parse(Call call) {
        JsonNode node = parseAny(call);
        if (!node.isObject()) {
            throw ApiError.badRequest("the body of the request must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private JsonNode parseAny(Call call) {
        if (call.body().length == 0) {
            throw ApiError.badRequest("the request body is empty; send the object as JSON");
        }
        try {
            return json.readTree(call.body());
        } catch (RuntimeException e) {
            throw ApiError.badRequest("couldn't get version/kind; json parse error: " + firstLine(e.getMessage()));
        }
    }

    private JsonNode parseYaml(Call call) {
        try {
            return json.readTree(call.body());
        } catch (RuntimeException notJson) {
            try {
                if (yaml == null) {
                    yaml = YAMLMapper.builder().build();
                }
                return yaml.readTree(new String(call.body(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw ApiError.badRequest("error decoding YAML: " + firstLine(e.getMessage()));
            }
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static boolean dryRun(Call call) {
        return "All".equals(call.param("dryRun"));
    }

    /** The field manager of a non-apply write: the parameter, else the User-Agent's program name (as the real server). */
    private static String fieldManager(Call call) {
        String m = call.param("fieldManager");
        if (m != null && !m.isEmpty()) {
            return m;
        }
        String ua = call.userAgent();
        int slash = ua.indexOf('/');
        String name = slash > 0 ? ua.substring(0, slash) : ua;
        return name.isEmpty() ? "unknown" : name;
    }

    static ObjectNode metadata(ObjectNode obj) {
        JsonNode m = obj.get("metadata");
        return m instanceof ObjectNode o ? o : obj.putObject("metadata");
    }

    static String ns(JsonNode obj) {
        return obj.path("metadata").path("namespace").asString("");
    }

    static String name(JsonNode obj) {
        return obj.path("metadata").path("name").asString("");
    }

    static List<String> finalizers(JsonNode obj) {
        List<String> list = new ArrayList<>();
        obj.path("metadata").path("finalizers").forEach(f -> list.add(f.asString("")));
        return list;
    }

    static String timestamp(Instant now) {
        return DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    }
}
