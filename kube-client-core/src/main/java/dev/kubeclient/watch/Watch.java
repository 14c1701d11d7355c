package dev.kubeclient.watch;

import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.protobuf.KubeProtobuf;
import io.fabric8.kubernetes.api.model.Status;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One open watch stream: the API server's sequence of {@code {"type": ..., "object": ...}} JSON objects, decoded
 * one at a time with Jackson's streaming parser as they arrive.
 *
 * <p>Read it with {@link #next()} (blocking; {@code null} at the end of the stream) or by iterating it. It ends
 * when the server closes the stream (its {@code timeoutSeconds} passed), when the connection breaks (then
 * {@link #next()} throws a {@link KubeClientException}), or when {@link #close()} is called, which is safe from any
 * thread: it cancels the HTTP call at once, so a reader blocked in {@link #next()} returns {@code null}, and the
 * connection is freed. An ERROR event (for example 410 Gone) is handed to the reader like any other event; the
 * server closes the stream after it.
 *
 * <p>Get one from {@code KubeRequest.watch(...)}. One reader thread at a time.
 *
 * @param <T> the type the events' objects are decoded into
 */
public final class Watch<T> implements AutoCloseable, Iterable<WatchEvent<T>> {

    private final InputStream body;
    private final ObjectMapper mapper;
    private JsonParser parser;
    private final ObjectReader objectReader;
    private final ObjectReader treeReader;
    private final ObjectReader statusReader;
    private final JavaType type;
    private final Runnable cancel;
    private final Consumer<String> onClosed;
    private final String description;
    private final ReentrantLock reading = new ReentrantLock();
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile boolean closed;
    private boolean released;
    /** Reads protobuf frames when set; JSON otherwise. */
    private final Class<T> protobufType;

    private Watch(InputStream body, ObjectMapper mapper, JavaType type, Runnable cancel, Consumer<String> onClosed,
                  String description) {
        this(body, mapper, type, cancel, onClosed, description, null);
    }

    private Watch(InputStream body, ObjectMapper mapper, JavaType type, Runnable cancel, Consumer<String> onClosed,
                  String description, Class<T> protobufType) {
        this.protobufType = protobufType;
        this.body = body;
        // Each event is one value in a longer stream: what follows it is the next event, not trailing garbage.
        this.objectReader = mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.treeReader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.statusReader = mapper.readerFor(Status.class);
        this.type = type;
        this.cancel = cancel;
        this.onClosed = onClosed;
        this.description = description;
        this.mapper = mapper;
    }

    /**
     * A watch over an already-open stream; for client implementations (the REST client opens watches).
     *
     * @param body the response body of a 200 answer to a {@code watch=true} request
     * @param mapper the mapper that decodes events
     * @param type the type of the events' objects
     * @param cancel cancels the underlying HTTP call; must be safe to call from any thread, more than once
     * @param onClosed called once when the watch ends, with the simple class name of the error that ended it, or
     *                 {@code null} for a normal end
     * @param description the request ("GET https://..."), for messages
     */
    public static <T> Watch<T> decoding(InputStream body, ObjectMapper mapper, JavaType type, Runnable cancel,
                                        Consumer<String> onClosed, String description) {
        return new Watch<>(Objects.requireNonNull(body, "body"), Objects.requireNonNull(mapper, "mapper"),
                Objects.requireNonNull(type, "type"), Objects.requireNonNull(cancel, "cancel"),
                Objects.requireNonNull(onClosed, "onClosed"), Objects.requireNonNull(description, "description"));
    }

    /**
     * A watch over an already-open protobuf stream ({@code application/vnd.kubernetes.protobuf;stream=watch}):
     * length-prefixed {@code WatchEvent} frames whose objects are decoded into {@code type}, a built-in model class
     * (see {@link KubeProtobuf#canDecode(Class)}). ERROR events carry their {@code Status} as in JSON.
     *
     * @param mapper used only to describe {@code type} in messages
     * @see #decoding(InputStream, ObjectMapper, JavaType, Runnable, Consumer, String)
     */
    public static <T> Watch<T> decodingProtobuf(InputStream body, ObjectMapper mapper, Class<T> type, Runnable cancel,
                                                Consumer<String> onClosed, String description) {
        if (!KubeProtobuf.canDecode(Objects.requireNonNull(type, "type"))) {
            throw new IllegalArgumentException(type.getName() + " has no protobuf decoder; watch it as JSON");
        }
        return new Watch<>(Objects.requireNonNull(body, "body"), Objects.requireNonNull(mapper, "mapper"),
                mapper.constructType(type), Objects.requireNonNull(cancel, "cancel"),
                Objects.requireNonNull(onClosed, "onClosed"), Objects.requireNonNull(description, "description"), type);
    }

    /**
     * The next event, waiting for it as long as the stream stays open.
     *
     * @return the event, or {@code null} when the stream ended normally or was closed
     * @throws KubeClientException when the connection broke or the server sent something that is not a watch event
     */
    public WatchEvent<T> next() {
        if (closed) {
            return null;
        }
        reading.lock();
        try {
            if (closed) {
                return null;
            }
            WatchEvent<T> event = protobufType != null ? readProtobufEvent() : readEvent();
            if (event == null) {
                end(null);
            }
            return event;
        } catch (JacksonException | IllegalArgumentException e) {
            if (closed) {
                return null;
            }
            end(e.getClass().getSimpleName());
            if (e instanceof JacksonIOException io) {
                throw new KubeClientException("the watch " + description + " broke: " + io.getCause(), io.getCause());
            }
            throw new KubeClientException("the watch " + description + " sent something that is not a valid "
                    + "watch event of " + type.toCanonical() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            if (closed) {
                return null;
            }
            end(e.getClass().getSimpleName());
            throw new KubeClientException("the watch " + description + " broke: " + e, e);
        } finally {
            if (closed) {
                release();
            }
            reading.unlock();
        }
    }

    private WatchEvent<T> readEvent() {
        if (parser == null) {
            // Created on first read: making a parser already reads the first bytes (to detect the encoding), and a
            // watch on a quiet resource may not send any for minutes.
            parser = mapper.createParser(body);
        }
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("expected '{' but found " + token);
        }
        WatchEvent.Type eventType = null;
        T object = null;
        JsonNode deferred = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("type")) {
                eventType = eventType(parser.getString());
            } else if (field.equals("object")) {
                // The API server writes "type" first, so the object can usually be decoded straight off the stream.
                if (eventType != null && eventType != WatchEvent.Type.ERROR) {
                    object = objectReader.readValue(parser);
                } else {
                    deferred = treeReader.readValue(parser);
                }
            } else {
                parser.skipChildren();
            }
        }
        if (eventType == null) {
            throw new IllegalArgumentException("an event without a \"type\"");
        }
        if (eventType == WatchEvent.Type.ERROR) {
            Status status = deferred == null ? null : statusReader.readValue(deferred);
            return new WatchEvent<>(eventType, null, status);
        }
        if (object == null && deferred != null) {
            object = objectReader.readValue(deferred);
        }
        if (object == null) {
            throw new IllegalArgumentException("a " + eventType + " event without an \"object\"");
        }
        return new WatchEvent<>(eventType, object, null);
    }

    private WatchEvent<T> readProtobufEvent() throws IOException {
        byte[] frame = KubeProtobuf.readFrame(body);
        if (frame == null) {
            return null;
        }
        KubeProtobuf.RawWatchEvent raw = KubeProtobuf.parseWatchEvent(frame);
        WatchEvent.Type eventType = eventType(raw.type());
        if (eventType == WatchEvent.Type.ERROR) {
            return new WatchEvent<>(eventType, null, raw.object(Status.class));
        }
        return new WatchEvent<>(eventType, raw.object(protobufType), null);
    }

    private static WatchEvent.Type eventType(String name) {
        try {
            return WatchEvent.Type.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown event type \"" + name + "\"");
        }
    }

    /** Whether the stream may still deliver events (not closed, not ended). */
    public boolean isOpen() {
        return !closed;
    }

    /**
     * Ends the watch: cancels the HTTP call (a reader blocked in {@link #next()} returns {@code null}) and frees
     * the connection. Safe from any thread and idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancel.run();
        report(null);
        if (reading.tryLock()) {
            try {
                release();
            } finally {
                reading.unlock();
            }
        }
    }

    private void end(String error) {
        closed = true;
        report(error);
        if (error != null) {
            // A broken or garbled stream: drop the connection. A cleanly ended one goes back to the pool.
            cancel.run();
        }
    }

    private void report(String error) {
        if (reported.compareAndSet(false, true)) {
            onClosed.accept(error);
        }
    }

    private void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (parser != null) {
                parser.close();
            }
            body.close();
        } catch (JacksonException | IOException e) {
            // The call was cancelled or the stream ended; a failure to close a dead stream changes nothing.
        }
    }

    /** The events until the stream ends; {@link Iterator#next()} blocks. Iteration ends when the watch closes. */
    @Override
    public Iterator<WatchEvent<T>> iterator() {
        return new Iterator<>() {
            private WatchEvent<T> ahead;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (ahead == null && !done) {
                    ahead = Watch.this.next();
                    done = ahead == null;
                }
                return ahead != null;
            }

            @Override
            public WatchEvent<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the watch " + description + " has ended");
                }
                WatchEvent<T> event = ahead;
                ahead = null;
                return event;
            }
        };
    }

    /** The events as a sequential stream (blocking, lazily read); closing the stream closes this watch. */
    public Stream<WatchEvent<T>> stream() {
        return StreamSupport.stream(spliterator(), false).onClose(this::close);
    }

    @Override
    public String toString() {
        return "Watch[" + description + (closed ? ", closed" : "") + "]";
    }
}
