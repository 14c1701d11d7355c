package dev.kubeclient.clientset;

import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.rest.KubeRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Reads response bodies into one known Java type with a reader prepared once, so a typed call costs what a bare
 * {@code mapper.readValue(bytes, type)} costs (see {@code docs/benchmarks-decode.md}). Responses are decoded from
 * the stream as they arrive, never buffered whole first.
 */
final class TypedDecoder<T> {

    private final ObjectReader reader;
    private final JavaType type;

    TypedDecoder(ObjectMapper mapper, JavaType type) {
        this.type = type;
        this.reader = mapper.readerFor(type);
    }

    /** Sends {@code request} and decodes its body while it streams in. */
    T decode(KubeRequest request) {
        return request.decode(reader::readValue, type.toCanonical());
    }

    T decode(byte[] json, String what) {
        try {
            return reader.readValue(json);
        } catch (JacksonException e) {
            throw new KubeClientException("the answer to " + what + " is not a valid " + type.toCanonical() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
