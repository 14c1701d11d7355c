package dev.kubeclient.dynamic;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kubeclient.errors.KubeClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The JSON codec of unstructured objects. Its own immutable mapper, because the wire form must be exact: null map
 * values are written (a JSON merge patch deletes a field with {@code null}), while null properties of typed objects
 * converted with {@link Unstructured#fromObject} are left out (they were never set, and an apply body must only
 * hold the fields the caller owns).
 */
final class UnstructuredJson {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.ALWAYS))
            .build();

    private UnstructuredJson() {
    }

    static Map<String, Object> readMap(byte[] json, String what) {
        try {
            Map<String, Object> map = MAPPER.readValue(json, MAP);
            if (map == null) {
                throw new KubeClientException(what + " is the JSON literal null, expected an object");
            }
            return map;
        } catch (JacksonException e) {
            // No excerpt of the input: it may be a Secret.
            throw new KubeClientException(what + " (" + json.length + " bytes) is not a JSON object: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a JSON object from a stream as it arrives; Jackson's exceptions pass through so the response can tell
     * a failed read from malformed content.
     */
    static Map<String, Object> readMap(InputStream json, String what) throws IOException {
        Map<String, Object> map = MAPPER.readValue(json, MAP);
        if (map == null) {
            throw new KubeClientException(what + " is the JSON literal null, expected an object");
        }
        return map;
    }

    static Map<String, Object> toMap(Object typed) {
        try {
            return MAPPER.convertValue(typed, MAP);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot convert a " + typed.getClass().getName()
                    + " to an unstructured object: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T fromMap(Map<String, Object> map, Class<T> type, String what) {
        try {
            return MAPPER.convertValue(map, type);
        } catch (JacksonException e) {
            throw new UnstructuredFieldException("cannot convert " + what + " to " + type.getName() + ": "
                    + e.getOriginalMessage());
        }
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }
}
