package dev.kubeclient.observation;


/**
 * Receives the warnings the API server attaches to answers ({@code Warning: 299 - "text"} headers), for example
 * for a deprecated API version or an unknown field. client-go's {@code WarningHandler}.
 *
 * <p>Called on the thread that made the request, once per warning per response; must be quick and must not throw.
 */
@FunctionalInterface
public interface WarningHandler {

    /** Drops every warning. */
    WarningHandler NONE = (warning, request) -> { };

    /**
     * One warning.
     *
     * @param warning the warning text, unquoted
     * @param request the request whose answer carried it
     */
    void handleWarning(String warning, RequestInfo request);

    /**
     * The default: logs each distinct warning once at WARN; remembers at most {@code 1,000} texts so memory stays
     * bounded (a text seen again after being forgotten is logged again).
     */
    static WarningHandler logOnce() {
        return new LoggingWarningHandler(LoggingWarningHandler.DEFAULT_CAPACITY);
    }
}
