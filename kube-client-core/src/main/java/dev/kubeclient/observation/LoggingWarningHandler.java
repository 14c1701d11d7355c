package dev.kubeclient.observation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/** Logs each distinct warning once, remembering a bounded number of texts (least recently seen are forgotten). */
final class LoggingWarningHandler implements WarningHandler {

    static final int DEFAULT_CAPACITY = 1_000;
    private static final Logger log = LoggerFactory.getLogger(WarningHandler.class);

    private final Map<String, Boolean> seen;

    LoggingWarningHandler(int capacity) {
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public void handleWarning(String warning, RequestInfo request) {
        boolean first;
        synchronized (seen) {
            first = seen.put(warning, Boolean.TRUE) == null;
        }
        if (first) {
            log.warn("API server warning ({} {}): {}", request.verb(), request.urlTemplate(), warning);
        }
    }

    @Override
    public String toString() {
        return "WarningHandler.logOnce()";
    }
}
