package dev.kubeclient.testing.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watch streams: JSON events one per line, from a resourceVersion or from the current state, filtered by namespace
 * and selectors (an object leaving a selector is a DELETED event, entering it ADDED, as the watch cache does),
 * with bookmarks when allowed, streaming lists ({@code sendInitialEvents}), {@code timeoutSeconds}, and 410 sent
 * as an ERROR event in an HTTP 200 stream once the history is compacted.
 */
final class Watches {

    /** Where a watch writes: the status line and headers once, then event lines. */
    interface Sink {
        void begin() throws IOException;

        void send(byte[] line) throws IOException;

        /** Whether the client is known to have gone (checked while the watch is idle). */
        boolean clientGone();
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Store store;
    private final Resources resources;
    private final JsonMapper json;
    private final Duration bookmarkInterval;

    Watches(Store store, Resources resources, JsonMapper json, Duration bookmarkInterval) {
        this.store = store;
        this.resources = resources;
        this.json = json;
        this.bookmarkInterval = bookmarkInterval;
    }

    /** Validates the request (throwing ApiError before anything is sent) and then streams until the watch ends. */
    void watch(ResourceDef def, String namespace, String singleName, Call call, Sink sink,
               java.util.function.Consumer<Runnable> onClientGone) throws IOException {
        String fieldSelector = call.param("fieldSelector");
        if (singleName != null) {
            fieldSelector = (fieldSelector == null || fieldSelector.isEmpty() ? "" : fieldSelector + ",")
                    + "metadata.name=" + singleName;
        }
        Selectors.Selector labels = Selectors.labels(call.param("labelSelector"));
        Selectors.Selector fields = Selectors.fields(fieldSelector, def);
        java.util.function.Predicate<JsonNode> selected = o -> (namespace == null || namespace.equals(Resources.ns(o)))
                && labels.test(o) && fields.test(o);
        String rvParam = call.param("resourceVersion");
        String match = call.param("resourceVersionMatch");
        boolean bookmarks = call.flag("allowWatchBookmarks");
        String sendInitial = call.param("sendInitialEvents");
        boolean initialEvents = "true".equals(sendInitial);
        Lists.validateListOptions(rvParam, match, null, sendInitial != null);
        if (sendInitial != null) {
            List<ApiError.Cause> causes = new ArrayList<>();
            if (!"NotOlderThan".equals(match)) {
                causes.add(new ApiError.Cause("FieldValueForbidden", "Forbidden: sendInitialEvents requires setting "
                        + "resourceVersionMatch to NotOlderThan", "sendInitialEvents"));
            }
            if (initialEvents && !bookmarks) {
                causes.add(new ApiError.Cause("FieldValueForbidden", "Forbidden: sendInitialEvents requires setting "
                        + "allowWatchBookmarks to true", "allowWatchBookmarks"));
            }
            if (!causes.isEmpty()) {
                throw ApiError.invalid("meta.k8s.io", "ListOptions", "", causes);
            }
        } else if (match != null && !match.isEmpty()) {
            throw ApiError.invalid("meta.k8s.io", "ListOptions", "", List.of(new ApiError.Cause("FieldValueForbidden",
                    "Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided",
                    "resourceVersionMatch")));
        }
        long timeoutSeconds = call.param("timeoutSeconds") != null ? parseLong(call.param("timeoutSeconds")) : 0;
        long deadline = timeoutSeconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds) : Long.MAX_VALUE;

        List<ObjectNode> initial = new ArrayList<>();
        Store.Subscription subscription;
        long initialRv;
        String expired = null;
        synchronized (store) {
            boolean fromState = initialEvents || rvParam == null || rvParam.isEmpty()
                    || (rvParam.equals("0") && sendInitial == null);
            if (fromState) {
                initialRv = store.currentRv();
                if (initialEvents && rvParam != null && !rvParam.isEmpty() && !rvParam.equals("0")) {
                    long requested = Lists.parseRv(rvParam);
                    if (requested > initialRv && !store.awaitRv(requested, Lists.TOO_LARGE_WAIT)) {
                        throw Lists.tooLarge(requested, store.currentRv());
                    }
                    initialRv = store.currentRv();
                }
                if (sendInitial == null || initialEvents) {
                    for (ObjectNode o : store.all(def.groupResource())) {
                        if (selected.test(o)) {
                            initial.add(o);
                        }
                    }
                }
                subscription = store.subscribe(def.groupResource(), initialRv);
            } else {
                initialRv = rvParam.equals("0") ? store.currentRv() : Lists.parseRv(rvParam);
                subscription = store.subscribe(def.groupResource(), initialRv);
                if (subscription == null) {
                    expired = "too old resource version: " + initialRv + " (" + store.compactedRv() + ")";
                }
            }
        }
        sink.begin();
        if (expired != null) {
            ObjectNode event = NODES.objectNode();
            event.put("type", "ERROR");
            event.set("object", ApiError.statusBody(410, "Expired", expired, null));
            sink.send(line(event));
            return;
        }
        Store.Subscription sub = subscription;
        onClientGone.accept(() -> sub.queue.add(Store.DROP));
        try {
            for (ObjectNode o : initial) {
                sink.send(event("ADDED", resources.present(def, o, true)));
            }
            if (initialEvents) {
                sink.send(bookmark(def, initialRv, true));
            }
            stream(def, sub, selected, bookmarks, deadline, sink);
        } finally {
            store.unsubscribe(sub);
        }
    }

    private void stream(ResourceDef def, Store.Subscription sub, java.util.function.Predicate<JsonNode> selected,
                        boolean bookmarks, long deadline, Sink sink) throws IOException {
        long nextBookmark = System.nanoTime() + bookmarkInterval.toNanos();
        long lastRv = -1;
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                return;
            }
            if (bookmarks && now >= nextBookmark) {
                store.requestBookmark(sub);
                nextBookmark = now + bookmarkInterval.toNanos();
            }
            long wait = Math.min(deadline, bookmarks ? nextBookmark : Long.MAX_VALUE) - now;
            Object item;
            try {
                item = sub.queue.poll(Math.max(1, Math.min(wait, TimeUnit.SECONDS.toNanos(1))), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (item == null) {
                if (sink.clientGone()) {
                    return;
                }
                continue;
            }
            if (item == Store.DROP) {
                return;
            }
            if (item instanceof Store.BookmarkRequest b) {
                if (bookmarks) {
                    sink.send(bookmark(def, Math.max(b.rv(), lastRv), false));
                }
                continue;
            }
            Store.Event e = (Store.Event) item;
            lastRv = e.rv();
            String type = transition(e, selected);
            if (type != null) {
                sink.send(event(type, resources.present(def, e.object(), true)));
            }
        }
    }

    private static String transition(Store.Event e, java.util.function.Predicate<JsonNode> selected) {
        boolean now = selected.test(e.object());
        boolean before = e.previous() != null && selected.test(e.previous());
        return switch (e.type()) {
            case "ADDED" -> now ? "ADDED" : null;
            case "DELETED" -> before ? "DELETED" : null;
            default -> now && before ? "MODIFIED" : now ? "ADDED" : before ? "DELETED" : null;
        };
    }

    private byte[] bookmark(ResourceDef def, long rv, boolean initialEventsEnd) {
        ObjectNode obj = NODES.objectNode();
        obj.put("kind", def.kind());
        obj.put("apiVersion", def.groupVersion());
        ObjectNode meta = obj.putObject("metadata");
        meta.put("resourceVersion", Long.toString(rv));
        meta.putNull("creationTimestamp");
        if (initialEventsEnd) {
            meta.putObject("annotations").put("k8s.io/initial-events-end", "true");
        }
        return event("BOOKMARK", obj);
    }

    private byte[] event(String type, ObjectNode object) {
        ObjectNode event = NODES.objectNode();
        event.put("type", type);
        event.set("object", object);
        return line(event);
    }

    private byte[] line(ObjectNode node) {
        byte[] bytes = json.writeValueAsBytes(node);
        byte[] line = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        line[bytes.length] = '\n';
        return line;
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid timeoutSeconds: " + value);
        }
    }
}
