package dev.kubeclient.protobuf;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Kubernetes protobuf encoding of built-in objects: a body is the four bytes {@code k8s\0} followed by a
 * {@code runtime.Unknown} message whose {@code typeMeta} names the kind and whose {@code raw} field holds the object's
 * own message; a watch stream is a sequence of {@code WatchEvent} messages, each preceded by its length as four
 * big-endian bytes. Decodes into the same fabric8 objects as the JSON form, through the decoders generated from the
 * API's descriptors ({@link ProtobufDecoders}).
 */
public final class KubeProtobuf {

    /** The media type of protobuf answers. */
    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";
    /** The Accept header asking for protobuf, with JSON as the fallback (as client-go sends it). */
    public static final String ACCEPT = MEDIA_TYPE + ", application/json";

    private static final byte[] MAGIC = {'k', '8', 's', 0};
    /** Watch frames larger than this are refused rather than allocated (client-go's default limit is 16 MiB too). */
    static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private KubeProtobuf() {
    }

    /** Whether {@code contentType} (as a response header gives it, parameters allowed) is the protobuf media type. */
    public static boolean isProtobuf(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String base = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return base.toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
    }

    /** Whether {@code type} is a built-in model class with a protobuf decoder (custom resources have none). */
    public static boolean canDecode(Class<?> type) {
        return ProtobufDecoders.forClass(type) != null;
    }

    /** Whether {@code body} starts with the {@code k8s\0} prefix of a protobuf-encoded object. */
    public static boolean hasPrefix(byte[] body) {
        if (body.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (body[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes a protobuf body ({@code k8s\0} + {@code runtime.Unknown}) into {@code type}.
     *
     * @throws ProtobufFormatException if the body is malformed, not protobuf, or holds another kind than
     *                                 {@code type}
     * @throws IllegalArgumentException if {@code type} has no protobuf decoder
     */
    public static <T> T decode(byte[] body, Class<T> type) {
        return decode(body, 0, body.length, type);
    }

    /** Decodes {@code length} bytes of {@code buffer} from {@code offset}; see {@link #decode(byte[], Class)}. */
    public static <T> T decode(byte[] buffer, int offset, int length, Class<T> type) {
        Function<ProtoReader, ?> decoder = ProtobufDecoders.forClass(type);
        if (decoder == null) {
            throw new IllegalArgumentException(type.getName() + " has no protobuf decoder (only built-in types do); "
                    + "read it as JSON");
        }
        Unknown unknown = Unknown.read(buffer, offset, length);
        if (!type.getSimpleName().equals(unknown.kind)) {
            throw new ProtobufFormatException("expected a " + type.getSimpleName() + " but the body holds a "
                    + (unknown.kind.isEmpty() ? "message without kind" : unknown.apiVersion + " " + unknown.kind));
        }
        Object value = decoder.apply(ProtoReader.of(buffer, unknown.rawOffset, unknown.rawLength));
        if (value instanceof HasMetadata object && !unknown.apiVersion.isEmpty()) {
            // The model's default kind is the class's; the version is what the server says.
            object.setApiVersion(unknown.apiVersion);
        }
        return type.cast(value);
    }

    /**
     * The {@code Status} a protobuf body holds (error answers of a server asked for protobuf are protobuf too), or
     * {@code null} when the body is not a protobuf {@code Status}.
     */
    public static Status decodeStatus(byte[] body) {
        if (!hasPrefix(body)) {
            return null;
        }
        try {
            return decode(body, Status.class);
        } catch (ProtobufFormatException e) {
            return null;
        }
    }

    /**
     * Reads the next length-prefixed frame of a protobuf watch stream.
     *
     * @return the frame's bytes, or {@code null} when the stream ended cleanly between frames
     * @throws IOException when reading fails, the stream ends inside a frame, or a frame is larger than 16 MiB
     */
    public static byte[] readFrame(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int length = first << 24;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the watch stream ended inside a frame's length");
            }
            length |= b << shift;
        }
        if (length < 0 || length > MAX_FRAME_BYTES) {
            throw new ProtobufFormatException("a watch frame of " + Integer.toUnsignedString(length)
                    + " bytes is larger than the limit of " + MAX_FRAME_BYTES + " bytes");
        }
        // Not readNBytes: once it has the bytes it asks for zero more, and a stream with an empty buffer (OkHttp's)
        // then blocks until the server sends the next event, holding this one back for as long.
        byte[] frame = new byte[length];
        int read = 0;
        while (read < length) {
            int n = in.read(frame, read, length - read);
            if (n < 0) {
                throw new EOFException("the watch stream ended inside a frame (" + read + " of " + length + " bytes)");
            }
            read += n;
        }
        return frame;
    }

    /** A watch event as protobuf carries it: the type and the still-encoded object. */
    public record RawWatchEvent(String type, byte[] buffer, int objectOffset, int objectLength) {

        /** The object's kind, read from its envelope without decoding it. */
        public String kind() {
            return Unknown.read(buffer, objectOffset, objectLength).kind;
        }

        /** Decodes the object into {@code type}; see {@link KubeProtobuf#decode(byte[], Class)}. */
        public <T> T object(Class<T> type) {
            return decode(buffer, objectOffset, objectLength, type);
        }
    }

    /**
     * Parses one {@code WatchEvent} frame: its {@code type} and the envelope of its {@code object}
     * ({@code RawExtension.raw}, itself {@code k8s\0} + {@code runtime.Unknown}).
     *
     * @throws ProtobufFormatException if the frame is malformed or lacks a type or an object
     */
    public static RawWatchEvent parseWatchEvent(byte[] frame) {
        ProtoReader r = ProtoReader.of(frame);
        String type = null;
        int[] object = null;
        while (r.hasMore()) {
            int tag = r.readTag();
            if (tag == (1 << 3 | ProtoReader.LENGTH_DELIMITED)) {
                type = r.readString();
            } else if (tag == (2 << 3 | ProtoReader.LENGTH_DELIMITED)) {
                object = r.message(KubeProtobuf::rawExtensionBounds);
            } else {
                r.skip(tag);
            }
        }
        if (type == null || type.isEmpty()) {
            throw new ProtobufFormatException("a protobuf watch event without a type");
        }
        if (object == null) {
            throw new ProtobufFormatException("a protobuf " + type + " event without an object");
        }
        return new RawWatchEvent(type, frame, object[0], object[1]);
    }

    private static int[] rawExtensionBounds(ProtoReader r) {
        int[] bounds = null;
        while (r.hasMore()) {
            int tag = r.readTag();
            if (tag == (1 << 3 | ProtoReader.LENGTH_DELIMITED)) {
                bounds = r.message(raw -> new int[] {raw.position(), raw.remaining()});
            } else {
                r.skip(tag);
            }
        }
        return bounds;
    }

    /** runtime.Unknown's type and the bounds of its raw bytes. */
    private record Unknown(String apiVersion, String kind, int rawOffset, int rawLength) {

        static Unknown read(byte[] buffer, int offset, int length) {
            if (length < MAGIC.length || buffer[offset] != 'k' || buffer[offset + 1] != '8'
                    || buffer[offset + 2] != 's' || buffer[offset + 3] != 0) {
                throw new ProtobufFormatException("not a Kubernetes protobuf body: it does not start with k8s\\0");
            }
            ProtoReader r = ProtoReader.of(buffer, offset + MAGIC.length, length - MAGIC.length);
            String[] typeMeta = {"", ""};
            int[] raw = null;
            while (r.hasMore()) {
                int tag = r.readTag();
                switch (tag) {
                    case 1 << 3 | ProtoReader.LENGTH_DELIMITED -> r.message(t -> {
                        while (t.hasMore()) {
                            int inner = t.readTag();
                            switch (inner) {
                                case 1 << 3 | ProtoReader.LENGTH_DELIMITED -> typeMeta[0] = t.readString();
                                case 2 << 3 | ProtoReader.LENGTH_DELIMITED -> typeMeta[1] = t.readString();
                                default -> t.skip(inner);
                            }
                        }
                        return null;
                    });
                    case 2 << 3 | ProtoReader.LENGTH_DELIMITED -> raw = r.message(m -> new int[] {m.position(), m.remaining()});
                    case 3 << 3 | ProtoReader.LENGTH_DELIMITED -> {
                        String encoding = r.readString();
                        if (!encoding.isEmpty()) {
                            throw new ProtobufFormatException("unsupported content encoding \"" + encoding + "\"");
                        }
                    }
                    default -> r.skip(tag);
                }
            }
            if (raw == null) {
                throw new ProtobufFormatException("a protobuf " + typeMeta[1] + " body without its raw object");
            }
            return new Unknown(typeMeta[0], typeMeta[1], raw[0], raw[1]);
        }
    }
}
