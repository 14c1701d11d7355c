package dev.kubeclient.observation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Calls several listeners in order; one that throws is logged and does not stop the others. */
final class CompositeListener implements KubeClientListener {

    private static final Logger log = LoggerFactory.getLogger(CompositeListener.class);

    private final List<KubeClientListener> listeners;

    CompositeListener(List<KubeClientListener> listeners) {
        this.listeners = listeners;
    }

    private void each(Consumer<KubeClientListener> call) {
        for (KubeClientListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("KubeClientListener {} threw; ignoring it", listener, e);
            }
        }
    }

    @Override
    public void requestStarted(RequestInfo request) {
        each(l -> l.requestStarted(request));
    }

    @Override
    public void requestFinished(RequestInfo request, RequestResult result) {
        each(l -> l.requestFinished(request, result));
    }

    @Override
    public void requestRetried(RequestInfo request, RetryReason reason, int attempt, Duration delay) {
        each(l -> l.requestRetried(request, reason, attempt, delay));
    }

    @Override
    public void tooManyRequests(RequestInfo request, Duration retryAfter) {
        each(l -> l.tooManyRequests(request, retryAfter));
    }

    @Override
    public void rateLimiterWaited(RequestInfo request, Duration waited) {
        each(l -> l.rateLimiterWaited(request, waited));
    }

    @Override
    public void execPluginRan(ExecPluginRun run) {
        each(l -> l.execPluginRan(run));
    }

    @Override
    public void watchOpened(RequestInfo request) {
        each(l -> l.watchOpened(request));
    }

    @Override
    public void watchClosed(RequestInfo request, Duration openFor, String error) {
        each(l -> l.watchClosed(request, openFor, error));
    }

    @Override
    public void watchRestarted(String watcher) {
        each(l -> l.watchRestarted(watcher));
    }

    @Override
    public void watchRelisted(String watcher) {
        each(l -> l.watchRelisted(watcher));
    }

    @Override
    public String toString() {
        return "CompositeListener" + listeners;
    }
}
