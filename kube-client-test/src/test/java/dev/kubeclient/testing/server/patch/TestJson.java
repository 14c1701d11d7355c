package dev.kubeclient.testing.server.patch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Terse JSON for tests: single quotes stand for double quotes. */
final class TestJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private TestJson() {
    }

    static JsonNode json(String text) {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }
}
