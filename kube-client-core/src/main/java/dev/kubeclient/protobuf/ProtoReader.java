package dev.kubeclient.protobuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the protobuf wire format (varints, fixed-size numbers, length-delimited fields) from a byte array, one
 * message at a time: the few operations the generated Kubernetes decoders need, without protobuf-java. A nested
 * message is read by {@link #message(Function)}, which bounds the reader to its bytes and restores the bound after.
 * Not thread-safe; one reader per body.
 */
public final class ProtoReader {

    /** Wire type of varint fields (int32, int64, bool, enum). */
    public static final int VARINT = 0;
    /** Wire type of 64-bit fixed fields (fixed64, double). */
    public static final int FIXED64 = 1;
    /** Wire type of length-delimited fields (string, bytes, messages, packed repeated). */
    public static final int LENGTH_DELIMITED = 2;
    /** Wire type of 32-bit fixed fields (fixed32, float). */
    public static final int FIXED32 = 5;

    private static final int MAX_DEPTH = 100;

    private final byte[] buffer;
    private final StringTable keys;
    private int position;
    private int limit;
    private int depth;

    private ProtoReader(byte[] buffer, int offset, int length, StringTable keys) {
        if (offset < 0 || length < 0 || offset + length > buffer.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " and length " + length
                    + " do not fit a buffer of " + buffer.length + " bytes");
        }
        this.buffer = buffer;
        this.keys = keys;
        this.position = offset;
        this.limit = offset + length;
    }

    /** A reader over all of {@code bytes}. */
    public static ProtoReader of(byte[] bytes) {
        return new ProtoReader(bytes, 0, bytes.length, new StringTable());
    }

    /** A reader over {@code length} bytes of {@code bytes} from {@code offset}. */
    public static ProtoReader of(byte[] bytes, int offset, int length) {
        return new ProtoReader(bytes, offset, length, new StringTable());
    }

    /** A reader that shares {@code keys} with other readers of the same body (the items of a list). */
    static ProtoReader of(byte[] bytes, int offset, int length, StringTable keys) {
        return new ProtoReader(bytes, offset, length, keys);
    }

    /** The table this reader shares keys through. */
    StringTable keys() {
        return keys;
    }

    /** Whether the current message (or the whole buffer at the top level) has bytes left. */
    public boolean hasMore() {
        return position < limit;
    }

    /** The bytes left in the current message (or the whole buffer at the top level). */
    public int remaining() {
        return limit - position;
    }

    /** The offset of the next byte in the buffer. */
    public int position() {
        return position;
    }

    /**
     * Reads a field's tag: its number shifted left by three, or'ed with its wire type.
     *
     * @throws ProtobufFormatException if the tag is malformed or names field 0
     */
    public int readTag() {
        int at = position;
        long tag = readVarint64();
        if (tag >>> 3 == 0 || tag > Integer.MAX_VALUE) {
            throw new ProtobufFormatException("invalid field tag " + tag + " at offset " + at);
        }
        return (int) tag;
    }

    /** Reads a varint as a 64-bit value (int64, uint64). */
    public long readVarint64() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= limit) {
                throw truncated("a varint");
            }
            byte b = buffer[position++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new ProtobufFormatException("malformed varint (more than 10 bytes) ending at offset " + position);
    }

    /** Reads a varint as an int32 (negative int32 values are sent as 10-byte varints and truncated back). */
    public int readInt32() {
        return (int) readVarint64();
    }

    /** Reads a varint as an int64. */
    public long readInt64() {
        return readVarint64();
    }

    /** Reads a varint as a bool. */
    public boolean readBool() {
        return readVarint64() != 0;
    }

    /** Reads a little-endian 64-bit double. */
    public double readDouble() {
        return Double.longBitsToDouble(readFixed64());
    }

    /** Reads a little-endian 32-bit float. */
    public float readFloat() {
        return Float.intBitsToFloat(readFixed32());
    }

    /** Reads a little-endian 64-bit value. */
    public long readFixed64() {
        require(8, "a fixed64");
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (buffer[position + i] & 0xFFL);
        }
        position += 8;
        return value;
    }

    /** Reads a little-endian 32-bit value. */
    public int readFixed32() {
        require(4, "a fixed32");
        int value = 0;
        for (int i = 3; i >= 0; i--) {
            value = (value << 8) | (buffer[position + i] & 0xFF);
        }
        position += 4;
        return value;
    }

    /** Reads a length-delimited UTF-8 string. */
    public String readString() {
        int length = readLength();
        String value = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /**
     * Reads a length-delimited UTF-8 string that is a map key (a label name, a data key): equal keys read by this
     * reader (and by the other readers of the same list body) are one shared String, as Jackson shares JSON
     * property names.
     */
    public String readKey() {
        int length = readLength();
        String value = keys.get(buffer, position, length);
        position += length;
        return value;
    }

    /** Reads a length-delimited byte string. */
    public byte[] readBytes() {
        int length = readLength();
        byte[] value = Arrays.copyOfRange(buffer, position, position + length);
        position += length;
        return value;
    }

    /** Reads a length-delimited byte string as base64 text, as the JSON form of a Kubernetes {@code []byte} holds it. */
    public String readBase64() {
        int length = readLength();
        byte[] value = Arrays.copyOfRange(buffer, position, position + length);
        position += length;
        return Base64.getEncoder().encodeToString(value);
    }

    /**
     * Reads a length-delimited nested message with {@code decoder}, which sees only the message's bytes.
     *
     * @throws ProtobufFormatException if the length runs past the enclosing message or nesting is too deep
     */
    public <T> T message(Function<ProtoReader, T> decoder) {
        int length = readLength();
        if (++depth > MAX_DEPTH) {
            throw new ProtobufFormatException("messages nested deeper than " + MAX_DEPTH + " at offset " + position);
        }
        int outer = limit;
        limit = position + length;
        try {
            T value = decoder.apply(this);
            position = limit;
            return value;
        } finally {
            limit = outer;
            depth--;
        }
    }

    /**
     * Reads one map entry (a nested message with the key as field 1 and the value as field 2) into {@code map}. A
     * missing key or value takes {@code emptyKey} / {@code emptyValue}, as protobuf defines.
     */
    public <K, V> void mapEntry(Map<K, V> map, Function<ProtoReader, K> key, Function<ProtoReader, V> value,
            K emptyKey, V emptyValue) {
        int length = readLength();
        int outer = limit;
        limit = position + length;
        try {
            K k = emptyKey;
            V v = emptyValue;
            while (position < limit) {
                int tag = readTag();
                switch (tag >>> 3) {
                    case 1 -> k = key.apply(this);
                    case 2 -> v = value.apply(this);
                    default -> skip(tag);
                }
            }
            map.put(k, v);
        } finally {
            limit = outer;
        }
    }

    /**
     * Hands the bytes of a length-delimited field to {@code consumer} without copying them (the consumer must not
     * keep the array), and returns what it makes of them.
     */
    public <T> T readBytesInPlace(BytesFunction<T> consumer) {
        int length = readLength();
        int start = position;
        position += length;
        return consumer.apply(buffer, start, length);
    }

    /** Makes a value of a slice of a buffer. */
    @FunctionalInterface
    public interface BytesFunction<T> {
        /** The value of {@code length} bytes of {@code buffer} from {@code offset}. */
        T apply(byte[] buffer, int offset, int length);
    }

    /**
     * Skips the value of a field whose tag was just read (an unknown field).
     *
     * @throws ProtobufFormatException for group or unknown wire types
     */
    public void skip(int tag) {
        switch (tag & 7) {
            case VARINT -> readVarint64();
            case FIXED64 -> {
                require(8, "a fixed64");
                position += 8;
            }
            case LENGTH_DELIMITED -> {
                int length = readLength();
                position += length;
            }
            case FIXED32 -> {
                require(4, "a fixed32");
                position += 4;
            }
            default -> throw new ProtobufFormatException("unsupported wire type " + (tag & 7) + " of field "
                    + (tag >>> 3) + " before offset " + position);
        }
    }

    /**
     * Checks that a field's wire type is the one its declaration expects.
     *
     * @throws ProtobufFormatException naming the field when it is not
     */
    public void expect(int tag, int wireType, String field) {
        if ((tag & 7) != wireType) {
            throw new ProtobufFormatException("field " + field + " (" + (tag >>> 3) + ") has wire type " + (tag & 7)
                    + ", expected " + wireType + ", before offset " + position);
        }
    }

    private int readLength() {
        int at = position;
        long length = readVarint64();
        if (length < 0 || length > limit - position) {
            throw new ProtobufFormatException("length " + length + " at offset " + at + " runs past the end of the "
                    + (depth == 0 ? "body" : "enclosing message") + " (" + (limit - position) + " bytes left)");
        }
        return (int) length;
    }

    private void require(int bytes, String what) {
        if (limit - position < bytes) {
            throw truncated(what);
        }
    }

    private ProtobufFormatException truncated(String what) {
        return new ProtobufFormatException("truncated protobuf: " + what + " at offset " + position
                + " runs past the end of the " + (depth == 0 ? "body" : "enclosing message"));
    }
}
