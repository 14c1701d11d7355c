package dev.kubeclient.testing.server;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request the server received, for assertions. Credentials are not kept: the {@code Authorization} header reads
 * {@code <redacted>}.
 *
 * @param method   HTTP method
 * @param path     the path, without the query
 * @param query    the raw query string, or {@code ""}
 * @param headers  request headers by lower-case name
 * @param body     the body as text ({@code ""} when none)
 * @param user     the authenticated user name ({@code system:anonymous} when none), or {@code ""} if rejected
 * @param protocol {@code HTTP/1.1} or {@code HTTP/2.0}
 * @param received when it arrived
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
                              String user, String protocol, Instant received) {

    /** The first value of a header (case-insensitive name), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code path?query}, or {@code path} without a query. */
    public String target() {
        return query.isEmpty() ? path : path + "?" + query;
    }
}
