package dev.kubeclient.rest;

import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.observation.RequestResult;
import dev.kubeclient.observation.RetryReason;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records every listener call as a readable line, for assertions. */
public final class RecordingListener implements KubeClientListener {

    private final List<String> events = new ArrayList<>();
    private final List<RequestInfo> started = new ArrayList<>();
    private final List<RequestResult> finished = new ArrayList<>();

    private synchronized void add(String event) {
        events.add(event);
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public synchronized List<RequestInfo> started() {
        return List.copyOf(started);
    }

    public synchronized List<RequestResult> finished() {
        return List.copyOf(finished);
    }

    public synchronized long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }

    @Override
    public synchronized void requestStarted(RequestInfo request) {
        started.add(request);
        add("started " + request.verb() + " " + request.urlTemplate());
    }

    @Override
    public synchronized void requestFinished(RequestInfo request, RequestResult result) {
        finished.add(result);
        add("finished " + request.verb() + " " + result.statusCode() + " attempts=" + result.attempts()
                + (result.error() == null ? "" : " error=" + result.error()));
    }

    @Override
    public void requestRetried(RequestInfo request, RetryReason reason, int attempt, Duration delay) {
        add("retried " + reason + " attempt=" + attempt + " delay=" + delay);
    }

    @Override
    public void tooManyRequests(RequestInfo request, Duration retryAfter) {
        add("429 retryAfter=" + retryAfter);
    }

    @Override
    public void rateLimiterWaited(RequestInfo request, Duration waited) {
        add("limiter waited=" + waited);
    }

    @Override
    public void watchOpened(RequestInfo request) {
        add("watch opened " + request.urlTemplate());
    }

    @Override
    public void watchClosed(RequestInfo request, Duration openFor, String error) {
        add("watch closed error=" + error);
    }
}
