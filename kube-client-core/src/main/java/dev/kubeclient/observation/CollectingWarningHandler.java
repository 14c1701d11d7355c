package dev.kubeclient.observation;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every warning it receives, in order, for callers that want to show them (as kubectl does) or assert them.
 * Thread-safe. Unbounded: use it for a bounded piece of work, then {@link #clear()} it.
 */
public final class CollectingWarningHandler implements WarningHandler {

    private final List<String> warnings = new ArrayList<>();

    @Override
    public synchronized void handleWarning(String warning, RequestInfo request) {
        warnings.add(warning);
    }

    /** The warnings received so far, oldest first (a copy). */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Forgets the warnings received so far. */
    public synchronized void clear() {
        warnings.clear();
    }

    @Override
    public synchronized String toString() {
        return "CollectingWarningHandler[" + warnings.size() + " warnings]";
    }
}
