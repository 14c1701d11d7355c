package dev.kubeclient.protobuf;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decodes a protobuf list answer ({@code k8s\0} + {@code runtime.Unknown} whose {@code raw} is a {@code *List}
 * message) while it streams in: the envelope and the list's own fields are read from the stream, and each item's
 * bytes are read into one reused buffer and decoded before the next arrives. The body is never held whole; the
 * buffer grows to the largest item. The result equals {@link KubeProtobuf#decode(byte[], Class)} of the same body.
 *
 * <p>Every Kubernetes list message holds its {@code ListMeta} as field 1 and its items as field 2; the list's
 * fields other than the items (a few bytes) are gathered and read by the list's generated decoder, the items by the
 * item's. Instances are immutable and can be shared; one per list class is enough.
 *
 * @param <L> the fabric8 list class
 */
public final class ProtobufListDecoder<L> {

    private static final int ITEMS_TAG = 2 << 3 | ProtoReader.LENGTH_DELIMITED;
    private static final int FIRST_ITEM_BUFFER = 4096;

    private final Class<L> listType;
    private final Function<ProtoReader, ?> listDecoder;
    private final Function<ProtoReader, ?> itemDecoder;
    private final Method setItems;

    private ProtobufListDecoder(Class<L> listType, Function<ProtoReader, ?> listDecoder,
            Function<ProtoReader, ?> itemDecoder, Method setItems) {
        this.listType = listType;
        this.listDecoder = listDecoder;
        this.itemDecoder = itemDecoder;
        this.setItems = setItems;
    }

    /**
     * The streaming decoder of {@code listType}, or {@code null} when it is not a built-in list class with
     * protobuf decoders for itself and its items (read such bodies whole with {@link KubeProtobuf#decode}).
     */
    public static <L> ProtobufListDecoder<L> forClass(Class<L> listType) {
        Function<ProtoReader, ?> listDecoder = ProtobufDecoders.forClass(listType);
        if (listDecoder == null) {
            return null;
        }
        try {
            Type items = listType.getMethod("getItems").getGenericReturnType();
            if (!(items instanceof ParameterizedType list) || list.getRawType() != List.class
                    || !(list.getActualTypeArguments()[0] instanceof Class<?> itemType)) {
                return null;
            }
            Function<ProtoReader, ?> itemDecoder = ProtobufDecoders.forClass(itemType);
            Method setItems = listType.getMethod("setItems", List.class);
            return itemDecoder == null ? null : new ProtobufListDecoder<>(listType, listDecoder, itemDecoder, setItems);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * Reads a protobuf list body from {@code body} (not closed; read up to the end of the envelope).
     *
     * @throws ProtobufFormatException if the body is malformed (naming the offset in the body, never its content),
     *                                 not protobuf, or holds another kind than the list class
     * @throws IOException             if reading the stream fails
     */
    public L decode(InputStream body) throws IOException {
        StreamInput in = new StreamInput(body);
        for (byte b : new byte[] {'k', '8', 's', 0}) {
            if (in.atEnd() || in.readByte() != b) {
                throw new ProtobufFormatException("not a Kubernetes protobuf body: it does not start with k8s\\0");
            }
        }
        String apiVersion = "";
        String kind = null;
        L list = null;
        while (!in.atEnd()) {
            long at = in.offset();
            int tag = in.readTag();
            switch (tag) {
                case 1 << 3 | ProtoReader.LENGTH_DELIMITED -> {
                    // TypeMeta: apiVersion (1), kind (2); a few bytes.
                    byte[] typeMeta = in.readMessage(in.readLength(Long.MAX_VALUE, at));
                    ProtoReader r = ProtoReader.of(typeMeta);
                    kind = "";
                    while (r.hasMore()) {
                        int inner = r.readTag();
                        switch (inner) {
                            case 1 << 3 | ProtoReader.LENGTH_DELIMITED -> apiVersion = r.readString();
                            case 2 << 3 | ProtoReader.LENGTH_DELIMITED -> kind = r.readString();
                            default -> r.skip(inner);
                        }
                    }
                    checkKind(kind, apiVersion);
                }
                case 2 << 3 | ProtoReader.LENGTH_DELIMITED -> list = readList(in, in.readLength(Long.MAX_VALUE, at));
                case 3 << 3 | ProtoReader.LENGTH_DELIMITED -> {
                    byte[] encoding = in.readMessage(in.readLength(Long.MAX_VALUE, at));
                    if (encoding.length > 0) {
                        throw new ProtobufFormatException("unsupported content encoding \""
                                + new String(encoding, java.nio.charset.StandardCharsets.UTF_8) + "\"");
                    }
                }
                default -> in.skip(tag, Long.MAX_VALUE);
            }
        }
        if (list == null) {
            throw new ProtobufFormatException("a protobuf " + (kind == null ? "" : kind) + " body without its raw "
                    + "object");
        }
        if (kind == null) {
            checkKind("", "");
        }
        if (list instanceof HasMetadata object && !apiVersion.isEmpty()) {
            // As KubeProtobuf.decode does: the version is what the server says.
            object.setApiVersion(apiVersion);
        }
        return list;
    }

    private void checkKind(String kind, String apiVersion) {
        if (!listType.getSimpleName().equals(kind)) {
            throw new ProtobufFormatException("expected a " + listType.getSimpleName() + " but the body holds a "
                    + (kind.isEmpty() ? "message without kind" : apiVersion + " " + kind));
        }
    }

    /** Reads the list message of {@code length} bytes: items one at a time, the other fields gathered. */
    private L readList(StreamInput in, long length) throws IOException {
        long end = in.offset() + length;
        List<Object> items = new ArrayList<>();
        ByteSink rest = new ByteSink();
        byte[] item = new byte[FIRST_ITEM_BUFFER];
        StringTable keys = new StringTable();
        while (in.offset() < end) {
            long at = in.offset();
            int tag = in.readTag();
            if (tag == ITEMS_TAG) {
                int size = in.readLength(end - in.offset(), at);
                long start = in.offset();
                item = in.readFully(item, size);
                try {
                    items.add(itemDecoder.apply(ProtoReader.of(item, 0, size, keys)));
                } catch (ProtobufFormatException e) {
                    throw new ProtobufFormatException("item " + items.size() + ", whose bytes start at offset " + start
                            + " of the body, is malformed (offsets from the item's start): " + e.getMessage());
                }
            } else {
                // ListMeta and any field this client does not know: kept, with their tags, for the list's decoder.
                rest.writeVarint(tag);
                in.copyField(tag, end - in.offset(), at, rest);
            }
        }
        if (in.offset() != end) {
            throw new ProtobufFormatException("the list's last field runs past its end at offset " + end);
        }
        Object list;
        try {
            list = listDecoder.apply(ProtoReader.of(rest.bytes(), 0, rest.size()));
        } catch (ProtobufFormatException e) {
            throw new ProtobufFormatException("the list's metadata is malformed: " + e.getMessage());
        }
        try {
            setItems.invoke(list, items);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot set the items of " + listType.getName(), e);
        }
        return listType.cast(list);
    }

    /** A growable byte array for the few bytes of a list's own fields. */
    private static final class ByteSink {
        private byte[] bytes = new byte[64];
        private int size;

        void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            write((int) value);
        }

        void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] bytes() {
            return bytes;
        }

        int size() {
            return size;
        }
    }

    /** Reads protobuf wire values from a stream through one small buffer, counting the offset in the body. */
    private static final class StreamInput {
        private final InputStream in;
        private final byte[] buffer = new byte[8192];
        private int position;
        private int limit;
        private long consumedBefore;

        StreamInput(InputStream in) {
            this.in = in;
        }

        long offset() {
            return consumedBefore + position;
        }

        boolean atEnd() throws IOException {
            return position == limit && !fill();
        }

        private boolean fill() throws IOException {
            consumedBefore += limit;
            position = 0;
            limit = 0;
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            limit = n;
            return true;
        }

        byte readByte() throws IOException {
            if (position == limit && !fill()) {
                throw new ProtobufFormatException("truncated protobuf: the body ends at offset " + offset()
                        + " inside a field");
            }
            return buffer[position++];
        }

        long readVarint() throws IOException {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = readByte();
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new ProtobufFormatException("malformed varint (more than 10 bytes) ending at offset " + offset());
        }

        int readTag() throws IOException {
            long at = offset();
            long tag = readVarint();
            if (tag >>> 3 == 0 || tag > Integer.MAX_VALUE) {
                throw new ProtobufFormatException("invalid field tag " + tag + " at offset " + at);
            }
            return (int) tag;
        }

        /** Reads a length that must fit in {@code left} bytes and in an array; {@code at} is its field's offset. */
        int readLength(long left, long at) throws IOException {
            long length = readVarint();
            if (length < 0 || length > left || length > Integer.MAX_VALUE - 8) {
                throw new ProtobufFormatException("length " + length + " of the field at offset " + at
                        + " runs past the end of the enclosing message (" + left + " bytes left)");
            }
            return (int) length;
        }

        /**
         * Reads {@code length} bytes into {@code into} from its start, or into a larger array that replaces it, grown
         * as the bytes arrive (a length that lies about the body allocates no more than the body holds), and returns
         * the array holding them.
         */
        byte[] readFully(byte[] into, int length) throws IOException {
            int done = 0;
            while (done < length) {
                if (done == into.length) {
                    into = java.util.Arrays.copyOf(into, (int) Math.min(length, 2L * into.length));
                }
                if (position == limit && !fill()) {
                    throw new ProtobufFormatException("truncated protobuf: the body ends at offset " + offset()
                            + ", " + (length - done) + " bytes short of the field's end");
                }
                int n = Math.min(Math.min(length, into.length) - done, limit - position);
                System.arraycopy(buffer, position, into, done, n);
                position += n;
                done += n;
            }
            return into;
        }

        /** Reads a short length-delimited value (an envelope's field) into a new array. */
        byte[] readMessage(int length) throws IOException {
            ByteSink sink = new ByteSink();
            copy(length, sink);
            return java.util.Arrays.copyOf(sink.bytes(), sink.size());
        }

        /** Skips a field's value, which must fit in {@code left} bytes. */
        void skip(int tag, long left) throws IOException {
            copyValue(tag, left, offset(), null);
        }

        /** Copies a field's value (after its tag) into {@code sink}. */
        void copyField(int tag, long left, long at, ByteSink sink) throws IOException {
            copyValue(tag, left, at, sink);
        }

        private void copyValue(int tag, long left, long at, ByteSink sink) throws IOException {
            switch (tag & 7) {
                case ProtoReader.VARINT -> {
                    long value = readVarint();
                    if (sink != null) {
                        sink.writeVarint(value);
                    }
                }
                case ProtoReader.FIXED64 -> copy(8, sink);
                case ProtoReader.FIXED32 -> copy(4, sink);
                case ProtoReader.LENGTH_DELIMITED -> {
                    int length = readLength(left, at);
                    if (sink != null) {
                        sink.writeVarint(length);
                    }
                    copy(length, sink);
                }
                default -> throw new ProtobufFormatException("unsupported wire type " + (tag & 7) + " of field "
                        + (tag >>> 3) + " at offset " + at);
            }
        }

        private void copy(long length, ByteSink sink) throws IOException {
            long left = length;
            while (left > 0) {
                if (position == limit && !fill()) {
                    throw new ProtobufFormatException("truncated protobuf: the body ends at offset " + offset()
                            + ", " + left + " bytes short of the field's end");
                }
                int n = (int) Math.min(left, limit - position);
                if (sink != null) {
                    sink.ensure(n);
                    System.arraycopy(buffer, position, sink.bytes, sink.size, n);
                    sink.size += n;
                }
                position += n;
                left -= n;
            }
        }
    }
}
