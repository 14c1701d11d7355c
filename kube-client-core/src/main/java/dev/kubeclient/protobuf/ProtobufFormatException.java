package dev.kubeclient.protobuf;

/**
 * A protobuf body that cannot be read: truncated, with a malformed varint or tag, a length past its end, or a wire
 * type that does not fit the field. The message names the byte offset; it never quotes the body, which may hold a
 * Secret.
 */
public final class ProtobufFormatException extends IllegalArgumentException {

    /** A failure described by {@code message}. */
    public ProtobufFormatException(String message) {
        super(message);
    }
}
