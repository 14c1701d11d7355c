package dev.kubeclient.scheme;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

import java.util.Objects;

/**
 * Reads JSON into the class a {@link Scheme} registers for the object's {@code apiVersion} and {@code kind}
 * (client-go's universal deserializer). Objects of unknown kinds come back as {@link GenericKubernetesResource}.
 * Immutable and thread-safe.
 */
public final class ObjectDecoder {

    private final Scheme scheme;
    private final ObjectMapper mapper;

    /** A decoder resolving kinds through {@code scheme} and reading with {@code mapper}. */
    public ObjectDecoder(Scheme scheme, ObjectMapper mapper) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Decodes one object into the class registered for its kind.
     *
     * @throws IllegalArgumentException if the document is not a JSON object with {@code apiVersion} and {@code kind}
     * @throws tools.jackson.core.JacksonException if the JSON is malformed or does not fit the class
     */
    public Object decode(byte[] json) {
        GroupVersionKind kind = peekKind(json);
        Class<?> type = scheme.classOf(kind).orElse(GenericKubernetesResource.class);
        return mapper.readValue(json, type);
    }

    /**
     * Decodes one object and checks that it is of the expected class.
     *
     * @throws IllegalArgumentException if its kind maps to another class than {@code expected}
     */
    public <T> T decode(byte[] json, Class<T> expected) {
        Object value = decode(json);
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException("expected " + expected.getName() + " but the object is a "
                    + value.getClass().getName() + " (" + peekKind(json) + ")");
        }
        return expected.cast(value);
    }

    /**
     * Reads only {@code apiVersion} and {@code kind} from the top level of a JSON object, skipping everything else
     * without building a tree.
     *
     * @throws IllegalArgumentException if either is missing or the document is not an object
     */
    public GroupVersionKind peekKind(byte[] json) {
        String apiVersion = null;
        String kind = null;
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("cannot decode a Kubernetes object: the document is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME && (apiVersion == null || kind == null)) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("apiVersion".equals(name) && value == JsonToken.VALUE_STRING) {
                    apiVersion = parser.getString();
                } else if ("kind".equals(name) && value == JsonToken.VALUE_STRING) {
                    kind = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (apiVersion == null || kind == null) {
            throw new IllegalArgumentException("cannot decode a Kubernetes object without "
                    + (apiVersion == null ? "apiVersion" : "kind") + " at its top level");
        }
        return GroupVersionKind.of(apiVersion, kind);
    }
}
