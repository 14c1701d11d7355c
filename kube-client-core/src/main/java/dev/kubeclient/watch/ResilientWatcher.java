package dev.kubeclient.watch;

import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.errors.KubeApiException;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.flowcontrol.ExponentialBackoffManager;
import dev.kubeclient.flowcontrol.Sleeper;
import dev.kubeclient.flowcontrol.Ticker;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.pager.ListPager;
import dev.kubeclient.pager.Page;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Keeps watching a resource for as long as it runs, the shape of client-go's {@code RetryWatcher} and
 * {@code Reflector} without the cache:
 * <ul>
 *   <li>gets the initial state first (unless started from a known resourceVersion) and hands it to
 *       {@link WatchHandler#onRelist}: from a streaming list where the server offers one (see
 *       {@link StreamingLists}; the state arrives as events and ends with the {@code k8s.io/initial-events-end}
 *       bookmark, after which the same stream goes on as a normal watch), else from a paged LIST;</li>
 *   <li>watches with {@code allowWatchBookmarks=true} and remembers the resourceVersion of every event,
 *       BOOKMARKs included;</li>
 *   <li>when the server ends the stream normally (its timeout), watches again at once from that version;</li>
 *   <li>after a dropped connection or an error, watches again after a jittered exponential backoff (800 ms
 *       doubling to 30 s, back to the start after 2 minutes without failures; flowcontrol's
 *       {@link ExponentialBackoffManager});</li>
 *   <li>when the version is too old (HTTP 410, or an ERROR event with code 410) gets the state again and hands it
 *       to {@link WatchHandler#onRelist}, then watches from its version. A relist that comes less than
 *       {@link #RELIST_QUIET_PERIOD} after the previous state first waits on the same backoff as reconnects, so a
 *       server that keeps answering 410 is not sent a tight loop of full LISTs (client-go runs list-and-watch
 *       under its backoff manager). See {@link WatchHandler} for why nothing is lost.</li>
 * </ul>
 * It needs only a list function and a watch function, so typed and dynamic clients both use it.
 *
 * <p>Runs on one named daemon thread ({@link #start()}) or on the caller's thread ({@link #run()}), until
 * {@link #close()} or until a handler method throws. Every failure it recovers from goes to
 * {@link WatchHandler#onError}.
 *
 * <p><b>Closing never interrupts your code.</b> {@link #close()} is safe from any thread and returns at once,
 * without waiting: it closes the open watch and wakes a backoff wait, and it interrupts the watcher's thread only
 * while that thread waits on the network (a list or a watch request) or on a backoff. While a handler method runs,
 * the thread is not interrupted, so NIO channels it uses (a JDBC connection, a file) stay open; the watcher stops
 * once the method returns, and calls no further handler method. Wait for that with
 * {@link #awaitTermination(Duration)}.
 *
 * <p><b>A handler that throws stops the watcher.</b> An exception (or error) from {@code onEvent},
 * {@code onRelist} or {@code onError} is not retried, since the event it was handling would be lost: the watch is
 * closed and the watcher ends. With {@link #start()} the exception is logged at ERROR and kept in
 * {@link #failure()}; with {@link #run()} it is thrown to the caller as well.
 *
 * @param <T> the object type
 */
public final class ResilientWatcher<T> implements AutoCloseable {

    /** A stream that ends normally sooner than this after opening, with no event, counts as a failure. */
    static final Duration MIN_HEALTHY_WATCH = Duration.ofSeconds(1);

    /**
     * A relist (after 410 Gone) that follows the previous initial state by less than this waits on the backoff
     * first; the same stretch after which the default backoff starts over (client-go's 2 minutes).
     */
    public static final Duration RELIST_QUIET_PERIOD = ExponentialBackoffManager.DEFAULT_RESET_AFTER;

    private static final Logger log = LoggerFactory.getLogger(ResilientWatcher.class);
    private static final String INITIAL_EVENTS_END = WatchRequest.INITIAL_EVENTS_END_ANNOTATION;

    private final String name;
    private final ListPager<T> lister;
    private final ListPager<T> relister;
    private final WatchOpener<T> opener;
    private final WatchHandler<T> handler;
    private final Function<T, String> resourceVersionOf;
    private final Function<T, Map<String, String>> annotationsOf;
    private final Duration watchTimeout;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final ExponentialBackoffManager backoff;
    private final KubeClientListener listener;
    private final ThreadFactory threadFactory;
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Object runnerLock = new Object();

    private volatile String resourceVersion;
    private volatile Watch<T> current;
    private volatile boolean closed;
    private volatile boolean started;
    private volatile boolean streamInitialState;
    private volatile Throwable failure;
    /** When the last initial state was handed over; {@code null} before the first. Runner thread only. */
    private Long lastInitialStateNanos;
    /** Whether the state is needed because the last version was too old. Runner thread only. */
    private boolean afterGone;
    // Guarded by runnerLock.
    private Thread runner;
    private boolean inHandler;
    /** Lists and watches opened so far (runner thread only), so the listener hears of relists and restarts. */
    private int lists;
    private int watches;

    private ResilientWatcher(Builder<T> b) {
        this.name = b.name;
        this.lister = b.lister;
        this.relister = b.relister != null ? b.relister : b.lister;
        this.opener = b.opener;
        this.handler = b.handler;
        this.resourceVersionOf = b.resourceVersionOf;
        this.annotationsOf = b.annotationsOf;
        this.watchTimeout = b.watchTimeout;
        this.ticker = b.ticker;
        // The default wait ends early when close() is called, so a watcher in a 30 s backoff stops at once.
        this.sleeper = b.sleeper != null ? b.sleeper : d -> closedSignal.await(d.toNanos(), TimeUnit.NANOSECONDS);
        this.backoff = b.backoff != null ? b.backoff : ExponentialBackoffManager.builder().ticker(ticker).build();
        this.resourceVersion = b.resourceVersion;
        this.streamInitialState = b.streamingLists == StreamingLists.AUTO;
        this.listener = b.listener;
        this.threadFactory = b.threadFactory;
    }

    /**
     * A builder for a watcher.
     *
     * @param lister lists the resource (the relist uses {@link ListPager#listAll()})
     * @param opener opens one watch for a {@link WatchRequest} (adding all its
     *               {@link WatchRequest#queryParameters() query parameters} to a {@code watch=true} request)
     * @param handler receives the state, the events and the failures
     */
    public static <T> Builder<T> builder(ListPager<T> lister, WatchOpener<T> opener, WatchHandler<T> handler) {
        return new Builder<>(lister, opener, handler);
    }

    /**
     * Starts watching on a new thread named {@code kube-client-watcher-<name>}: a daemon thread, or one from the
     * builder's {@link Builder#threadFactory(ThreadFactory) thread factory} (renamed so). Returns this. A handler
     * exception ends the thread, logged at ERROR and kept in {@link #failure()}.
     */
    public ResilientWatcher<T> start() {
        markStarted();
        Runnable body = () -> {
            try {
                loop();
            } catch (RuntimeException | Error e) {
                log.error("Watcher {} stopped: its handler threw", name, e);
            }
        };
        Thread thread;
        if (threadFactory == null) {
            thread = new Thread(body);
            thread.setDaemon(true);
        } else {
            thread = threadFactory.newThread(body);
            if (thread == null) {
                throw new IllegalStateException("the watcher thread factory " + threadFactory + " refused to create "
                        + "a thread for watcher " + name + " (is it shut down?)");
            }
        }
        thread.setName("kube-client-watcher-" + name);
        thread.start();
        return this;
    }

    /**
     * Watches on the calling thread until {@link #close()} is called (or the thread is interrupted, which closes
     * the watcher and leaves the interrupt flag set).
     *
     * @throws RuntimeException whatever a handler method threw (the watcher is closed then)
     */
    public void run() {
        markStarted();
        loop();
    }

    private void markStarted() {
        synchronized (runnerLock) {
            if (started) {
                throw new IllegalStateException("watcher " + name + " was already started; a watcher runs once");
            }
            started = true;
        }
    }

    /** The resourceVersion the next watch would resume from ({@code null} before the first initial state). */
    public String resourceVersion() {
        return resourceVersion;
    }

    /**
     * Whether the next initial state would come from a streaming list: {@code true} under
     * {@link StreamingLists#AUTO} until the server refused one, {@code false} under {@link StreamingLists#OFF}.
     */
    public boolean streamsInitialState() {
        return streamInitialState;
    }

    /** Whether the watcher was started and has not finished. */
    public boolean isRunning() {
        return started && terminated.getCount() > 0;
    }

    /** The exception a handler method threw, which stopped the watcher; empty while it runs or after a close. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Waits until the watcher's loop has ended (after {@link #close()}, including a handler method that was running
     * then); {@code true} if it did in time.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops watching and returns at once, without waiting for the watcher to end (see
     * {@link #awaitTermination(Duration)}): closes the open watch, wakes a backoff wait, and interrupts the watcher's
     * thread if it is waiting for a list or watch answer, so that request is cancelled. A handler method that is
     * running is not interrupted: it finishes, and no other is called after it. Safe from any thread (a handler
     * included); idempotent. When the watcher runs on the caller's thread ({@link #run()}), the interrupt this causes
     * is cleared before {@code run()} returns.
     */
    @Override
    public void close() {
        closed = true;
        closedSignal.countDown();
        Watch<T> w = current;
        if (w != null) {
            w.close();
        }
        synchronized (runnerLock) {
            if (runner != null && !inHandler && runner != Thread.currentThread()) {
                runner.interrupt();
            }
        }
    }

    private void loop() {
        synchronized (runnerLock) {
            runner = Thread.currentThread();
        }
        boolean interruptedByCaller = false;
        try {
            while (!closed) {
                if (resourceVersion != null) {
                    watchOnce(false);
                } else if (streamInitialState) {
                    watchOnce(true);
                } else if (relist()) {
                    watchOnce(false);
                }
            }
        } catch (InterruptedException e) {
            interruptedByCaller = !closed;
            closed = true;
        } catch (RuntimeException | Error e) {
            failure = e;
            closed = true;
            throw e;
        } finally {
            Watch<T> w = current;
            if (w != null) {
                w.close();
            }
            synchronized (runnerLock) {
                runner = null;
                // Drop an interrupt that close() sent; keep one that came from elsewhere.
                boolean flagged = Thread.interrupted();
                if (interruptedByCaller || (flagged && !closed)) {
                    Thread.currentThread().interrupt();
                }
            }
            terminated.countDown();
        }
    }

    /**
     * Marks the runner as inside user code, where close() must not interrupt it; {@code false} (and nothing to call)
     * once the watcher is closed.
     */
    private boolean enterHandler() {
        synchronized (runnerLock) {
            if (closed) {
                return false;
            }
            inHandler = true;
            return true;
        }
    }

    private void exitHandler() {
        synchronized (runnerLock) {
            inHandler = false;
        }
    }

    private void handOverState(List<T> items, String version) {
        if (!enterHandler()) {
            return;
        }
        try {
            handler.onRelist(items, version);
        } finally {
            exitHandler();
        }
        if (lists++ > 0 || watches > 0) {
            listener.watchRelisted(name);
        }
        resourceVersion = version;
        lastInitialStateNanos = ticker.nanoTime();
        afterGone = false;
    }

    private void handOverEvent(WatchEvent<T> event) {
        if (!enterHandler()) {
            return;
        }
        try {
            handler.onEvent(event);
        } finally {
            exitHandler();
        }
    }

    /** Lists everything and hands it over; {@code false} (after a backoff) when the list failed. */
    private boolean relist() throws InterruptedException {
        Page<T> all;
        try {
            all = (afterGone ? relister : lister).listAll();
        } catch (KubeClientException e) {
            if (!closed) {
                failed(new KubeClientException("watcher " + name + ": listing failed: " + e.getMessage(), e));
            }
            return false;
        }
        if (all.resourceVersion() == null || all.resourceVersion().isEmpty()) {
            failed(new KubeClientException("watcher " + name + ": the list answer has no metadata.resourceVersion, "
                    + "so there is nothing to watch from"));
            return false;
        }
        handOverState(all.items(), all.resourceVersion());
        return resourceVersion != null;
    }

    /**
     * One watch, from {@link #resourceVersion}, or, when {@code streaming}, a streaming list that hands over the
     * initial state at its closing bookmark and then goes on as a normal watch.
     */
    private void watchOnce(boolean streaming) throws InterruptedException {
        if (watches++ > 0) {
            listener.watchRestarted(name);
        }
        Watch<T> watch;
        try {
            Duration timeout = watchTimeout != null ? watchTimeout
                    : Duration.ofSeconds(300 + ThreadLocalRandom.current().nextLong(300));
            watch = opener.open(streaming ? WatchRequest.initialEvents(timeout)
                    : new WatchRequest(resourceVersion, true, timeout));
        } catch (KubeApiException e) {
            if (streaming && (e.code() == 400 || e.code() == 422)) {
                // Servers before 1.27 (and later ones without the WatchList gate) reject resourceVersionMatch or
                // sendInitialEvents on a watch as Invalid.
                streamingRefused("it answered " + e.code() + ": " + e.getMessage());
                return;
            }
            if (e.code() == 410) {
                gone(e.getMessage());
                return;
            }
            if (!closed) {
                failed(e);
            }
            return;
        } catch (KubeClientException e) {
            if (!closed) {
                failed(e);
            }
            return;
        }
        current = watch;
        if (closed) {
            watch.close();
            return;
        }
        long opened = ticker.nanoTime();
        int events = 0;
        List<T> initial = streaming ? new ArrayList<>() : null;
        try {
            WatchEvent<T> event;
            while ((event = watch.next()) != null) {
                events++;
                if (event.type() == WatchEvent.Type.ERROR) {
                    if (event.isGone()) {
                        gone(statusMessage(event.status()));
                    } else {
                        failed(errorEvent(event.status()));
                    }
                    return;
                }
                String rv = event.object() == null ? null : resourceVersionOf.apply(event.object());
                if (initial != null) {
                    if (event.type() == WatchEvent.Type.ADDED) {
                        initial.add(event.object());
                        continue;
                    }
                    if (event.type() == WatchEvent.Type.BOOKMARK && isInitialEventsEnd(event.object())
                            && rv != null && !rv.isEmpty()) {
                        handOverState(initial, rv);
                        initial = null;
                        continue;
                    }
                    // Only ADDED events may come before the closing bookmark: a server that sends anything else
                    // did not understand sendInitialEvents and is sending a plain watch from "now".
                    streamingRefused("it sent a " + event.type() + " event before the " + INITIAL_EVENTS_END
                            + " bookmark");
                    return;
                }
                if (event.type() != WatchEvent.Type.BOOKMARK) {
                    handOverEvent(event);
                }
                if (rv != null && !rv.isEmpty()) {
                    resourceVersion = rv;
                }
            }
            if (closed) {
                return;
            }
            if (initial != null) {
                streamingRefused("the stream ended after " + events + " events without the " + INITIAL_EVENTS_END
                        + " bookmark");
            } else if (events == 0 && ticker.nanoTime() - opened < MIN_HEALTHY_WATCH.toNanos()) {
                failed(new KubeClientException("watcher " + name + ": the watch from resourceVersion "
                        + resourceVersion + " ended at once without events"));
            }
        } catch (KubeClientException e) {
            if (!closed) {
                failed(e);
            }
        } finally {
            watch.close();
            current = null;
        }
    }

    private boolean isInitialEventsEnd(T object) {
        Map<String, String> annotations = object == null ? null : annotationsOf.apply(object);
        return annotations != null && "true".equals(annotations.get(INITIAL_EVENTS_END));
    }

    private void streamingRefused(String why) {
        log.info("Watcher {}: the server does not offer streaming lists ({}); listing instead from now on", name,
                why);
        streamInitialState = false;
    }

    /**
     * The version is too old: the next turn gets the state again. If the previous state is recent, wait on the
     * backoff first, so a server that keeps answering 410 does not get a tight loop of full lists.
     */
    private void gone(String why) throws InterruptedException {
        log.info("Watcher {}: resourceVersion {} is too old ({}); getting the state again", name, resourceVersion,
                why);
        // A 410 while getting the state (a streaming list) is as much a repeat as one right after a state.
        boolean gettingState = resourceVersion == null;
        resourceVersion = null;
        afterGone = true;
        if (gettingState || (lastInitialStateNanos != null
                && ticker.nanoTime() - lastInitialStateNanos < RELIST_QUIET_PERIOD.toNanos())) {
            Duration delay = backoff.nextDelay();
            log.info("Watcher {}: the last state is less than {} old; relisting in {}", name, RELIST_QUIET_PERIOD,
                    delay);
            if (!closed) {
                sleeper.sleep(delay);
            }
        }
    }

    /**
     * Reports a failure and waits out the backoff (800 ms doubling to 30 s with jitter, starting over after two
     * minutes without failures: client-go's reflector settings).
     */
    private void failed(KubeClientException error) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            // An interrupt closes the watcher (see run()); the broken read it caused is not a failure to report.
            throw new InterruptedException("watcher " + name + " interrupted");
        }
        if (enterHandler()) {
            try {
                handler.onError(error);
            } finally {
                exitHandler();
            }
        }
        Duration delay = backoff.nextDelay();
        if (!closed) {
            sleeper.sleep(delay);
        }
    }

    private KubeClientException errorEvent(Status status) {
        if (status == null) {
            return new KubeClientException("watcher " + name + ": the server ended the watch with an ERROR event "
                    + "without a Status");
        }
        return ApiErrors.fromStatus(status, "GET", "watch of " + name);
    }

    private static String statusMessage(Status status) {
        if (status == null) {
            return "no status";
        }
        return status.getCode() + " " + status.getReason() + ": " + status.getMessage();
    }

    @SuppressWarnings("unchecked")
    static <T> String defaultResourceVersion(T object) {
        if (object instanceof HasMetadata h) {
            return h.getMetadata() == null ? null : h.getMetadata().getResourceVersion();
        }
        if (object instanceof Map<?, ?> map && map.get("metadata") instanceof Map<?, ?> meta) {
            Object rv = meta.get("resourceVersion");
            return rv == null ? null : rv.toString();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static <T> Map<String, String> defaultAnnotations(T object) {
        if (object instanceof HasMetadata h) {
            return h.getMetadata() == null ? null : h.getMetadata().getAnnotations();
        }
        if (object instanceof Map<?, ?> map && map.get("metadata") instanceof Map<?, ?> meta
                && meta.get("annotations") instanceof Map<?, ?> annotations) {
            return (Map<String, String>) annotations;
        }
        return null;
    }

    @Override
    public String toString() {
        return "ResilientWatcher[" + name + ", resourceVersion=" + resourceVersion + (closed ? ", closed" : "") + "]";
    }

    /** Opens one watch; the resilient watcher calls it for every (re)connection. */
    @FunctionalInterface
    public interface WatchOpener<T> {
        /**
         * Opens a watch with all of the request's {@link WatchRequest#queryParameters() query parameters}; throws a
         * {@code KubeApiException} for an error answer. An opener that drops {@code sendInitialEvents} makes every
         * first watch wait for a bookmark that never comes: build such a watcher with {@link StreamingLists#OFF}.
         */
        Watch<T> open(WatchRequest request);
    }

    /** Builds a {@link ResilientWatcher}. */
    public static final class Builder<T> {
        private final ListPager<T> lister;
        private final WatchOpener<T> opener;
        private final WatchHandler<T> handler;
        private ListPager<T> relister;
        private String name = "watch";
        private String resourceVersion;
        private Function<T, String> resourceVersionOf = ResilientWatcher::defaultResourceVersion;
        private Function<T, Map<String, String>> annotationsOf = ResilientWatcher::defaultAnnotations;
        private StreamingLists streamingLists = StreamingLists.AUTO;
        private Duration watchTimeout;
        private Ticker ticker = Ticker.system();
        private Sleeper sleeper;
        private ExponentialBackoffManager backoff;
        private KubeClientListener listener = KubeClientListener.NONE;
        private ThreadFactory threadFactory;

        private Builder(ListPager<T> lister, WatchOpener<T> opener, WatchHandler<T> handler) {
            this.lister = Objects.requireNonNull(lister, "lister");
            this.opener = Objects.requireNonNull(opener, "opener");
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /** A name for the thread and messages, for example the resource ({@code "configmaps"}). */
        public Builder<T> name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Starts watching from this resourceVersion, without the initial state (client-go's RetryWatcher).
         *
         * @throws IllegalArgumentException for {@code ""} or {@code "0"}, which name no point to resume from
         */
        public Builder<T> resourceVersion(String resourceVersion) {
            if (resourceVersion != null && (resourceVersion.isEmpty() || resourceVersion.equals("0"))) {
                throw new IllegalArgumentException("resourceVersion must be a concrete version to resume from, not '"
                        + resourceVersion + "'; leave it unset to list first");
            }
            this.resourceVersion = resourceVersion;
            return this;
        }

        /**
         * How to read an object's resourceVersion; the default handles fabric8 {@code HasMetadata} objects and
         * maps with {@code metadata.resourceVersion}.
         */
        public Builder<T> resourceVersionOf(Function<T, String> resourceVersionOf) {
            this.resourceVersionOf = Objects.requireNonNull(resourceVersionOf, "resourceVersionOf");
            return this;
        }

        /**
         * Lists after a 410 Gone; by default the builder's lister. When the lister reads from the server's cache
         * ({@code resourceVersion=0}), pass one without a resourceVersion here: as client-go's reflector does after an
         * expired version, the relist is then a consistent read, since a cached list could be as old as the version
         * the server just refused.
         */
        public Builder<T> relister(ListPager<T> relister) {
            this.relister = Objects.requireNonNull(relister, "relister");
            return this;
        }

        /**
         * How to read an object's annotations (to spot the bookmark that ends a streaming list's initial events);
         * the default handles fabric8 {@code HasMetadata} objects and maps with {@code metadata.annotations}.
         */
        public Builder<T> annotationsOf(Function<T, Map<String, String>> annotationsOf) {
            this.annotationsOf = Objects.requireNonNull(annotationsOf, "annotationsOf");
            return this;
        }

        /**
         * Where the initial state comes from: {@link StreamingLists#AUTO} (the default) tries a streaming list and
         * falls back to a LIST for good when the server refuses it; {@link StreamingLists#OFF} always lists.
         */
        public Builder<T> streamingLists(StreamingLists streamingLists) {
            this.streamingLists = Objects.requireNonNull(streamingLists, "streamingLists");
            return this;
        }

        /**
         * How long the server keeps each watch open ({@code timeoutSeconds}); by default 5 to 10 minutes, random
         * per watch, as client-go's reflector does to spread reconnections.
         */
        public Builder<T> watchTimeout(Duration watchTimeout) {
            if (watchTimeout != null && (watchTimeout.isNegative() || watchTimeout.toSeconds() < 1)) {
                throw new IllegalArgumentException("watchTimeout must be at least 1 second, got " + watchTimeout);
            }
            this.watchTimeout = watchTimeout;
            return this;
        }

        /** The monotonic clock (tests move it by hand); also measures the backoff's healthy stretch. */
        public Builder<T> ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * How backoff waits are made; by default a wait that {@link ResilientWatcher#close()} cuts short. Tests pass
         * one that records the delays instead of sleeping.
         */
        public Builder<T> sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The backoff after failures; by default client-go's reflector settings on {@link #ticker(Ticker)}. */
        public Builder<T> backoff(ExponentialBackoffManager backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * Told of every restart and relist ({@link KubeClientListener#watchRestarted},
         * {@link KubeClientListener#watchRelisted}); the typed and dynamic clients pass their client's listener.
         */
        public Builder<T> listener(KubeClientListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Where {@link ResilientWatcher#start()} gets its thread (virtual threads, a tracked pool...); {@code null}
         * (the default) for a new daemon thread. Clients built by a {@code KubeRestClient} pass the client's
         * {@code watcherThreadFactory()}.
         */
        public Builder<T> threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = threadFactory;
            return this;
        }

        /** The watcher, not yet started. */
        public ResilientWatcher<T> build() {
            return new ResilientWatcher<>(this);
        }
    }
}
