package dev.kubeclient.testing.server;

import java.util.List;
import java.util.Map;

/**
 * One request as the resource logic sees it.
 *
 * @param method      HTTP method
 * @param path        the decoded path
 * @param query       query parameters
 * @param contentType the Content-Type without parameters, or {@code ""}
 * @param accept      the Accept header, or {@code ""}
 * @param body        the request body (empty when none)
 * @param userAgent   the User-Agent, or {@code ""}
 * @param user        the authenticated user name
 * @param warnings    warnings the answer carries in {@code Warning} headers (filled while serving)
 */
record Call(String method, String path, Map<String, List<String>> query, String contentType, String accept,
            byte[] body, String userAgent, String user, List<String> warnings) {

    /** The first value of a query parameter, or {@code null}. */
    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean flag(String name) {
        String v = param(name);
        return v != null && (v.equals("true") || v.equals("1"));
    }
}
