package dev.kubeclient.testing.server;

import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * In-memory storage in the manner of etcd behind the API server: objects per resource, keyed
 * {@code namespace/name} and kept in key order; one global, monotonically increasing resourceVersion; a bounded
 * history of change events that watches and consistent list snapshots read from, and that can be compacted.
 *
 * <p>Callers make multi-step decisions (read, check, write) while holding the store's monitor
 * ({@code synchronized (store)}); every method here is synchronized too. Stored objects are never mutated: writers
 * store fresh copies and readers copy before changing.
 */
final class Store {

    /** One change, with the object before it (for snapshots and selector transitions). */
    record Event(String type, String groupResource, String key, ObjectNode object, ObjectNode previous, long rv) {
    }

    /** An open watch's feed: events in order, plus control signals. */
    static final class Subscription {
        final String groupResource;
        final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

        Subscription(String groupResource) {
            this.groupResource = groupResource;
        }
    }

    /** Queued to a subscription to ask its watch for a bookmark at {@code rv} (every earlier event is queued). */
    record BookmarkRequest(long rv) {
    }
    /** Queued to a subscription to end its watch (the server drops open watches). */
    static final Object DROP = new Object();

    private final Map<String, TreeMap<String, ObjectNode>> objects = new HashMap<>();
    private final ArrayDeque<Event> history = new ArrayDeque<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final int historyLimit;
    private long resourceVersion = 1;
    private long compactedRv = 1;

    Store(int historyLimit) {
        this.historyLimit = historyLimit;
    }

    synchronized long currentRv() {
        return resourceVersion;
    }

    /** The newest resourceVersion whose changes are no longer in the history (watches from older ones get 410). */
    synchronized long compactedRv() {
        return compactedRv;
    }

    synchronized long nextRv() {
        return ++resourceVersion;
    }

    synchronized ObjectNode get(String groupResource, String key) {
        TreeMap<String, ObjectNode> map = objects.get(groupResource);
        return map == null ? null : map.get(key);
    }

    /** Every object of a resource now, in key order. */
    synchronized List<ObjectNode> all(String groupResource) {
        TreeMap<String, ObjectNode> map = objects.get(groupResource);
        return map == null ? List.of() : new ArrayList<>(map.values());
    }

    /** Every resource with stored objects. */
    synchronized List<String> groupResources() {
        return new ArrayList<>(objects.keySet());
    }

    /** Stores a new object whose metadata.resourceVersion the caller set to {@code rv} (from {@link #nextRv()}). */
    synchronized void put(String groupResource, String key, ObjectNode object, long rv) {
        ObjectNode previous = objects.computeIfAbsent(groupResource, g -> new TreeMap<>()).put(key, object);
        record(new Event(previous == null ? "ADDED" : "MODIFIED", groupResource, key, object, previous, rv));
    }

    /** Removes an object; {@code tombstone} is the object as the DELETED event carries it (with rv). */
    synchronized void remove(String groupResource, String key, ObjectNode tombstone, long rv) {
        TreeMap<String, ObjectNode> map = objects.get(groupResource);
        ObjectNode previous = map == null ? null : map.remove(key);
        if (previous != null) {
            record(new Event("DELETED", groupResource, key, tombstone, previous, rv));
        }
    }

    /** Drops every object of a resource (a CRD was deleted), with DELETED events. */
    synchronized void dropAll(String groupResource, java.util.function.BiFunction<ObjectNode, Long, ObjectNode> tombstone) {
        TreeMap<String, ObjectNode> map = objects.get(groupResource);
        if (map == null) {
            return;
        }
        for (String key : new ArrayList<>(map.keySet())) {
            long rv = nextRv();
            remove(groupResource, key, tombstone.apply(map.get(key), rv), rv);
        }
    }

    /**
     * Waits (releasing the monitor) until the resourceVersion reaches {@code rv} or the timeout passes, as the real
     * server waits for its cache before answering "Too large resource version".
     *
     * @return whether it was reached
     */
    synchronized boolean awaitRv(long rv, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (resourceVersion < rv) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void record(Event event) {
        notifyAll();
        history.addLast(event);
        while (history.size() > historyLimit) {
            compactedRv = history.removeFirst().rv();
        }
        for (Subscription s : subscriptions) {
            if (s.groupResource.equals(event.groupResource())) {
                s.queue.add(event);
            }
        }
    }

    /**
     * The objects of a resource as they were at {@code rv}, in key order.
     *
     * @throws ApiError 410 Expired when the history no longer reaches back to {@code rv}
     */
    synchronized List<ObjectNode> snapshot(String groupResource, long rv, String expiredMessage) {
        if (rv < compactedRv) {
            throw ApiError.expired(expiredMessage);
        }
        TreeMap<String, ObjectNode> state = new TreeMap<>(objects.getOrDefault(groupResource, new TreeMap<>()));
        if (rv >= resourceVersion) {
            return new ArrayList<>(state.values());
        }
        Iterator<Event> newestFirst = history.descendingIterator();
        while (newestFirst.hasNext()) {
            Event e = newestFirst.next();
            if (e.rv() <= rv) {
                break;
            }
            if (!e.groupResource().equals(groupResource)) {
                continue;
            }
            if (e.type().equals("ADDED")) {
                state.remove(e.key());
            } else {
                state.put(e.key(), e.previous());
            }
        }
        return new ArrayList<>(state.values());
    }

    /**
     * Opens a feed of the changes to a resource after {@code fromRv}: the remembered ones are queued at once, later
     * ones as they happen.
     *
     * @return the subscription, or {@code null} when the history no longer reaches back to {@code fromRv}
     */
    synchronized Subscription subscribe(String groupResource, long fromRv) {
        if (fromRv < compactedRv) {
            return null;
        }
        Subscription s = new Subscription(groupResource);
        for (Event e : history) {
            if (e.rv() > fromRv && e.groupResource().equals(groupResource)) {
                s.queue.add(e);
            }
        }
        subscriptions.add(s);
        return s;
    }

    void unsubscribe(Subscription s) {
        subscriptions.remove(s);
    }

    /** Asks every open watch for a bookmark. */
    synchronized void bookmarkAll() {
        BookmarkRequest request = new BookmarkRequest(resourceVersion);
        subscriptions.forEach(s -> s.queue.add(request));
    }

    /** Asks one watch for a bookmark at the current resourceVersion. */
    synchronized void requestBookmark(Subscription s) {
        s.queue.add(new BookmarkRequest(resourceVersion));
    }

    /** Ends every open watch, as when the API server restarts or a load balancer cuts idle streams. */
    void dropAll() {
        subscriptions.forEach(s -> s.queue.add(DROP));
    }

    int openWatches() {
        return subscriptions.size();
    }

    /** Forgets all history: watches and continue tokens from before now get 410 Expired. */
    synchronized void compact() {
        history.clear();
        compactedRv = resourceVersion;
    }
}
