package dev.kubeclient.clientset;

import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.protobuf.KubeProtobuf;
import dev.kubeclient.protobuf.ProtobufListDecoder;
import dev.kubeclient.rest.KubeRequest;
import dev.kubeclient.rest.KubeResponse;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads response bodies into one known Java type with a reader prepared once, so a typed call costs what a bare
 * {@code mapper.readValue(bytes, type)} costs (see {@code docs/benchmarks-decode.md}). Responses are decoded from
 * the stream as they arrive, never buffered whole first.
 */
final class TypedDecoder<T> {

    /** The first read's buffer when the stream does not tell what it holds: most single objects fit. */
    private static final int FIRST_READ = 2048;

    private final ObjectReader reader;
    private final JavaType type;
    private final Class<T> protobuf;
    /** Made on the first protobuf list answer (a GET's decoder never needs it); a race makes it twice, harmlessly. */
    private volatile ProtobufListDecoder<T> protobufList;

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
            ProtobufListDecoder<T> list = protobufList();
            if (list != null) {
                return response.decode(list::decode, type.toCanonical());
            }
            return response.decode(this::decodeWhole, type.toCanonical());
        }
        return response.decode(reader::readValue, type.toCanonical());
    }

    private ProtobufListDecoder<T> protobufList() {
        if (!KubernetesResourceList.class.isAssignableFrom(protobuf)) {
            return null;
        }
        ProtobufListDecoder<T> list = protobufList;
        if (list == null) {
            list = ProtobufListDecoder.forClass(protobuf);
            protobufList = list;
        }
        return list;
    }

    /**
     * Reads a (small) protobuf body into an array sized by what arrives and decodes it in place: unlike
     * {@code InputStream.readAllBytes()}, no 16 KiB scratch buffer and no final copy per call.
     */
    private T decodeWhole(InputStream in) throws IOException {
        // What the stream already holds is most often the whole body; one more byte to see its end without growing.
        int buffered = in.available();
        byte[] body = new byte[buffered > 0 ? buffered + 1 : FIRST_READ];
        int size = 0;
        for (int n; (n = in.read(body, size, body.length - size)) >= 0; ) {
            size += n;
            if (size == body.length) {
                body = Arrays.copyOf(body, size * 2);
            }
        }
        return KubeProtobuf.decode(body, 0, size, protobuf);
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
