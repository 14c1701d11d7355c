package dev.kubeclient.testing.server;

import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A complete (non-streaming) answer.
 *
 * @param code        HTTP status
 * @param body        JSON body, or {@code null} with {@code text}
 * @param text        a plain-text body, or {@code null}
 * @param contentType the Content-Type
 * @param headers     extra headers
 */
record Reply(int code, JsonNode body, String text, String contentType, Map<String, String> headers) {

    static final String JSON = "application/json";

    static Reply json(int code, JsonNode body) {
        return new Reply(code, body, null, JSON, Map.of());
    }

    static Reply json(int code, JsonNode body, String contentType) {
        return new Reply(code, body, null, contentType, Map.of());
    }

    static Reply text(int code, String text, Map<String, String> headers) {
        return new Reply(code, null, text, "text/plain; charset=utf-8", headers);
    }
}
