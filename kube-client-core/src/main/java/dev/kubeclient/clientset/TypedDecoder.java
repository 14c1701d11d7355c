package dev.kubeclient.clientset;

import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.protobuf.KubeProtobuf;
import dev.kubeclient.protobuf.ProtobufListDecoder;
import dev.kubeclient.rest.KubeRequest;
import dev.kubeclient.rest.KubeResponse;
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
    private final Class<T> protobuf;
    private final ProtobufListDecoder<T> protobufList;

    TypedDecoder(ObjectMapper mapper, JavaType type) {
        this(mapper, type, false);
    }

    /**
     * A decoder that, when {@code askProtobuf} is set and {@code type} is a built-in class, asks for protobuf and
     * decodes either answer.
     */
    @SuppressWarnings("unchecked")
    TypedDecoder(ObjectMapper mapper, JavaType type, boolean askProtobuf) {
        this.type = type;
        this.reader = mapper.readerFor(type);
        this.protobuf = askProtobuf && KubeProtobuf.canDecode(type.getRawClass()) ? (Class<T>) type.getRawClass() : null;
        this.protobufList = protobuf == null ? null : ProtobufListDecoder.forClass(protobuf);
    }

    /** Whether requests ask for protobuf. */
    boolean asksProtobuf() {
        return protobuf != null;
    }

    /**
     * Sends {@code request} and decodes its body: JSON while it streams in; protobuf (asked for when this decoder
     * {@link #asksProtobuf() does}, and used when the server answers with it) lists while they stream in, one item
     * at a time, and single objects from their whole (small) body.
     */
    T decode(KubeRequest request) {
        if (protobuf == null) {
            return request.decode(reader::readValue, type.toCanonical());
        }
        KubeResponse response = request.header("Accept", KubeProtobuf.ACCEPT).execute();
        if (KubeProtobuf.isProtobuf(response.contentType())) {
            if (protobufList != null) {
                return response.decode(protobufList::decode, type.toCanonical());
            }
            return response.decode(in -> KubeProtobuf.decode(in.readAllBytes(), protobuf), type.toCanonical());
        }
        return response.decode(reader::readValue, type.toCanonical());
    }

    /** Sends {@code request} and decodes its body as JSON while it streams in, whatever this decoder asks for. */
    T decodeJson(KubeRequest request) {
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
