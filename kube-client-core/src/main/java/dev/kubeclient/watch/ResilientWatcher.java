package dev.kubeclient.watch;

import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.errors.KubeApiException;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.flowcontrol.ExponentialBackoffManager;
import dev.kubeclient.flowcontrol.Sleeper;
import dev.kubeclient.flowcontrol.Ticker;
import dev.kubeclient.pager.ListPager;
import dev.kubeclient.pager.Page;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Keeps watching a resource for as long as it runs, the shape of client-go's {@code RetryWatcher} and
 * {@code Reflector} without the cache:
 * <ul>
 *   <li>lists first (paged) unless started from a known resourceVersion, and hands the state to
 *       {@link WatchHandler#onRelist};</li>
 *   <li>watches with {@code allowWatchBookmarks=true} and remembers the resourceVersion of every event,
 *       BOOKMARKs included;</li>
 *   <li>when the server ends the stream normally (its timeout), watches again at once from that version;</li>
 *   <li>after a dropped connection or an error, watches again after a jittered exponential backoff (800 ms
 *       doubling to 30 s, back to the start after 2 minutes without failures; flowcontrol's
 *       {@link ExponentialBackoffManager});</li>
 *   <li>when the version is too old (HTTP 410, or an ERROR event with code 410) lists again and hands the fresh
 *       state to {@link WatchHandler#onRelist}, then watches from the list's version. See {@link WatchHandler} for
 *       why nothing is lost.</li>
 * </ul>
 * It needs only a list function and a watch function, so typed and dynamic clients both use it.
 *
 * <p>Runs on one named daemon thread ({@link #start()}) or on the caller's thread ({@link #run()}), until
 * {@link #close()}, which is safe from any thread and returns promptly: it closes the open watch and wakes a
 * backoff wait. Every failure goes to {@link WatchHandler#onError}.
 *
 * @param <T> the object type
 */
public final class ResilientWatcher<T> implements AutoCloseable {

    /** A stream that ends normally sooner than this after opening, with no event, counts as a failure. */
    static final Duration MIN_HEALTHY_WATCH = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ResilientWatcher.class);

    private final String name;
    private final ListPager<T> lister;
    private final WatchOpener<T> opener;
    private final WatchHandler<T> handler;
    private final Function<T, String> resourceVersionOf;
    private final Duration watchTimeout;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final ExponentialBackoffManager backoff;
    private final ThreadFactory threadFactory;
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);

    private volatile String resourceVersion;
    private volatile Watch<T> current;
    private volatile boolean closed;
    private volatile boolean started;
    private Thread runner;

    private ResilientWatcher(Builder<T> b) {
        this.name = b.name;
        this.lister = b.lister;
        this.opener = b.opener;
        this.handler = b.handler;
        this.resourceVersionOf = b.resourceVersionOf;
        this.watchTimeout = b.watchTimeout;
        this.ticker = b.ticker;
        // The default wait ends early when close() is called, so a watcher in a 30 s backoff stops at once.
        this.sleeper = b.sleeper != null ? b.sleeper : d -> closedSignal.await(d.toNanos(), TimeUnit.NANOSECONDS);
        this.backoff = b.backoff != null ? b.backoff : ExponentialBackoffManager.builder().ticker(ticker).build();
        this.resourceVersion = b.resourceVersion;
        this.threadFactory = b.threadFactory;
    }

    /**
     * A builder for a watcher.
     *
     * @param lister lists the resource (the relist uses {@link ListPager#listAll()})
     * @param opener opens one watch for a {@link WatchRequest} (adding its query parameters to a
     *               {@code watch=true} request)
     * @param handler receives the state, the events and the failures
     */
    public static <T> Builder<T> builder(ListPager<T> lister, WatchOpener<T> opener, WatchHandler<T> handler) {
        return new Builder<>(lister, opener, handler);
    }

    /**
     * Starts watching on a new thread named {@code kube-client-watcher-<name>}: a daemon thread, or one from the
     * builder's {@link Builder#threadFactory(ThreadFactory) thread factory} (renamed so). Returns this.
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

    private synchronized void markStarted() {
        if (started) {
            throw new IllegalStateException("watcher " + name + " was already started; a watcher runs once");
        }
        started = true;
    }

    /** The resourceVersion the next watch would resume from ({@code null} before the first list). */
    public String resourceVersion() {
        return resourceVersion;
    }

    /** Whether the watcher was started and has not finished. */
    public boolean isRunning() {
        return started && terminated.getCount() > 0;
    }

    /** Waits until the watcher's loop has ended (after {@link #close()}); {@code true} if it did in time. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops watching: closes the open watch, wakes a backoff wait, and interrupts the watcher's thread so a list
     * or a watch request still waiting for its answer is cancelled. Safe from any thread; idempotent. When the
     * watcher runs on the caller's thread ({@link #run()}), the interrupt this causes is cleared before
     * {@code run()} returns.
     */
    @Override
    public void close() {
        closed = true;
        closedSignal.countDown();
        Watch<T> w = current;
        if (w != null) {
            w.close();
        }
        synchronized (this) {
            if (runner != null && runner != Thread.currentThread()) {
                runner.interrupt();
            }
        }
    }

    private void loop() {
        synchronized (this) {
            runner = Thread.currentThread();
        }
        boolean interruptedByCaller = false;
        try {
            while (!closed) {
                if (resourceVersion == null && !relist()) {
                    continue;
                }
                watchOnce();
            }
        } catch (InterruptedException e) {
            interruptedByCaller = !closed;
            closed = true;
        } catch (RuntimeException | Error e) {
            closed = true;
            throw e;
        } finally {
            synchronized (this) {
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

    /** Lists everything and hands it over; {@code false} (after a backoff) when the list failed. */
    private boolean relist() throws InterruptedException {
        Page<T> all;
        try {
            all = lister.listAll();
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
        if (closed) {
            return false;
        }
        handler.onRelist(all.items(), all.resourceVersion());
        resourceVersion = all.resourceVersion();
        return true;
    }

    private void watchOnce() throws InterruptedException {
        Watch<T> watch;
        try {
            Duration timeout = watchTimeout != null ? watchTimeout
                    : Duration.ofSeconds(300 + ThreadLocalRandom.current().nextLong(300));
            watch = opener.open(new WatchRequest(resourceVersion, true, timeout));
        } catch (KubeApiException e) {
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
                if (event.type() != WatchEvent.Type.BOOKMARK) {
                    handler.onEvent(event);
                }
                if (rv != null && !rv.isEmpty()) {
                    resourceVersion = rv;
                }
            }
            if (!closed && events == 0
                    && ticker.nanoTime() - opened < MIN_HEALTHY_WATCH.toNanos()) {
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

    private void gone(String why) {
        log.info("Watcher {}: resourceVersion {} is too old ({}); listing again", name, resourceVersion, why);
        resourceVersion = null;
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
        handler.onError(error);
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

    @Override
    public String toString() {
        return "ResilientWatcher[" + name + ", resourceVersion=" + resourceVersion + (closed ? ", closed" : "") + "]";
    }

    /** Opens one watch; the resilient watcher calls it for every (re)connection. */
    @FunctionalInterface
    public interface WatchOpener<T> {
        /** Opens a watch with the request's options; throws a {@code KubeApiException} for an error answer. */
        Watch<T> open(WatchRequest request);
    }

    /** Builds a {@link ResilientWatcher}. */
    public static final class Builder<T> {
        private final ListPager<T> lister;
        private final WatchOpener<T> opener;
        private final WatchHandler<T> handler;
        private String name = "watch";
        private String resourceVersion;
        private Function<T, String> resourceVersionOf = ResilientWatcher::defaultResourceVersion;
        private Duration watchTimeout;
        private Ticker ticker = Ticker.system();
        private Sleeper sleeper;
        private ExponentialBackoffManager backoff;
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

        /** Starts watching from this resourceVersion, without the initial list (client-go's RetryWatcher). */
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
