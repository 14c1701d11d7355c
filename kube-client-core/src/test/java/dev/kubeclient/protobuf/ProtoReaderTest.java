package dev.kubeclient.protobuf;

import com.google.protobuf.CodedOutputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtoReaderTest {

    /** Encodes with protobuf-java (a test dependency only), so the reader is checked against the reference encoder. */
    private interface Writes {
        void to(CodedOutputStream out) throws IOException;
    }

    private static byte[] encode(Writes writes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        writes.to(out);
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void readsEveryScalarWireType() throws IOException {
        byte[] body = encode(out -> {
            out.writeInt32(1, 150);
            out.writeInt32(2, -7);
            out.writeInt64(3, Long.MAX_VALUE);
            out.writeBool(4, true);
            out.writeString(5, "grüße");
            out.writeBytes(6, com.google.protobuf.ByteString.copyFrom(new byte[] {0, 1, 2}));
            out.writeDouble(7, 2.5);
            out.writeFixed32(8, 0xCAFEBABE);
            out.writeFloat(9, 1.5f);
            out.writeInt64(10, -1L);
        });
        ProtoReader r = ProtoReader.of(body);
        assertThat(r.readTag()).isEqualTo(1 << 3);
        assertThat(r.readInt32()).isEqualTo(150);
        assertThat(r.readTag()).isEqualTo(2 << 3);
        assertThat(r.readInt32()).isEqualTo(-7);
        assertThat(r.readTag()).isEqualTo(3 << 3);
        assertThat(r.readInt64()).isEqualTo(Long.MAX_VALUE);
        assertThat(r.readTag()).isEqualTo(4 << 3);
        assertThat(r.readBool()).isTrue();
        assertThat(r.readTag()).isEqualTo(5 << 3 | 2);
        assertThat(r.readString()).isEqualTo("grüße");
        assertThat(r.readTag()).isEqualTo(6 << 3 | 2);
        assertThat(r.readBase64()).isEqualTo("AAEC");
        assertThat(r.readTag()).isEqualTo(7 << 3 | 1);
        assertThat(r.readDouble()).isEqualTo(2.5);
        assertThat(r.readTag()).isEqualTo(8 << 3 | 5);
        assertThat(r.readFixed32()).isEqualTo(0xCAFEBABE);
        assertThat(r.readTag()).isEqualTo(9 << 3 | 5);
        assertThat(r.readFloat()).isEqualTo(1.5f);
        assertThat(r.readTag()).isEqualTo(10 << 3);
        assertThat(r.readInt64()).isEqualTo(-1L);
        assertThat(r.hasMore()).isFalse();
    }

    @Test
    void boundsNestedMessagesAndRestoresTheOuterBound() throws IOException {
        byte[] inner = encode(out -> {
            out.writeString(1, "inner");
            out.writeInt32(2, 3);
        });
        byte[] body = encode(out -> {
            out.writeByteArray(1, inner);
            out.writeString(2, "after");
        });
        ProtoReader r = ProtoReader.of(body);
        r.readTag();
        String read = r.message(m -> {
            StringBuilder seen = new StringBuilder();
            while (m.hasMore()) {
                int tag = m.readTag();
                if (tag == (1 << 3 | 2)) {
                    seen.append(m.readString());
                } else {
                    m.skip(tag);
                }
            }
            return seen.toString();
        });
        assertThat(read).isEqualTo("inner");
        assertThat(r.readTag()).isEqualTo(2 << 3 | 2);
        assertThat(r.readString()).isEqualTo("after");
        assertThat(r.hasMore()).isFalse();
    }

    @Test
    void aDecoderThatStopsEarlyStillLeavesTheReaderAfterTheMessage() throws IOException {
        byte[] body = encode(out -> {
            out.writeByteArray(1, encode(o -> o.writeString(1, "unread")));
            out.writeInt32(2, 9);
        });
        ProtoReader r = ProtoReader.of(body);
        r.readTag();
        r.message(m -> null);
        assertThat(r.readTag()).isEqualTo(2 << 3);
        assertThat(r.readInt32()).isEqualTo(9);
    }

    @Test
    void skipsUnknownFieldsOfEveryWireType() throws IOException {
        byte[] body = encode(out -> {
            out.writeInt64(1, 1234567890123L);
            out.writeFixed64(2, 5);
            out.writeString(3, "skip me");
            out.writeFixed32(4, 5);
            out.writeString(5, "kept");
        });
        ProtoReader r = ProtoReader.of(body);
        for (int i = 0; i < 4; i++) {
            r.skip(r.readTag());
        }
        assertThat(r.readTag()).isEqualTo(5 << 3 | 2);
        assertThat(r.readString()).isEqualTo("kept");
    }

    @Test
    void readsMapEntriesWithDefaultsForMissingKeyOrValue() throws IOException {
        byte[] body = encode(out -> {
            out.writeByteArray(1, encode(e -> {
                e.writeString(1, "k");
                e.writeString(2, "v");
            }));
            out.writeByteArray(1, encode(e -> e.writeString(1, "only-key")));
            out.writeByteArray(1, encode(e -> {
                e.writeString(2, "x");
                e.writeString(1, "value-first");
                e.writeInt32(3, 1);
            }));
        });
        ProtoReader r = ProtoReader.of(body);
        Map<String, String> map = new LinkedHashMap<>();
        while (r.hasMore()) {
            r.readTag();
            r.mapEntry(map, ProtoReader::readString, ProtoReader::readString, "", "");
        }
        assertThat(map).containsExactly(Map.entry("k", "v"), Map.entry("only-key", ""), Map.entry("value-first", "x"));
    }

    @Test
    void aTruncatedVarintIsReportedWithItsOffset() {
        ProtoReader r = ProtoReader.of(new byte[] {8, (byte) 0x96});
        r.readTag();
        assertThatThrownBy(r::readInt32).isInstanceOf(ProtobufFormatException.class)
                .hasMessage("truncated protobuf: a varint at offset 2 runs past the end of the body");
    }

    @Test
    void aVarintLongerThanTenBytesIsMalformed() {
        byte[] body = new byte[11];
        java.util.Arrays.fill(body, (byte) 0xFF);
        assertThatThrownBy(() -> ProtoReader.of(body).readVarint64()).isInstanceOf(ProtobufFormatException.class)
                .hasMessageContaining("malformed varint (more than 10 bytes)");
    }

    @Test
    void aLengthPastTheEndIsRejectedBeforeAnyCopy() {
        ProtoReader r = ProtoReader.of(new byte[] {10, 100, 'a'});
        r.readTag();
        assertThatThrownBy(r::readString).isInstanceOf(ProtobufFormatException.class)
                .hasMessage("length 100 at offset 1 runs past the end of the body (1 bytes left)");
    }

    @Test
    void aNestedLengthCannotEscapeItsEnclosingMessage() throws IOException {
        // field 1 = a 3-byte message whose own field claims 50 bytes, followed by more bytes of the outer body
        byte[] body = {10, 3, 10, 50, 'x', 'y', 'y', 'y', 'y'};
        ProtoReader r = ProtoReader.of(body);
        r.readTag();
        assertThatThrownBy(() -> r.message(m -> {
            m.readTag();
            return m.readString();
        })).isInstanceOf(ProtobufFormatException.class)
                .hasMessageContaining("runs past the end of the enclosing message");
    }

    @Test
    void fieldZeroAndGroupsAreRejected() {
        assertThatThrownBy(() -> ProtoReader.of(new byte[] {0}).readTag()).isInstanceOf(ProtobufFormatException.class)
                .hasMessage("invalid field tag 0 at offset 0");
        ProtoReader groups = ProtoReader.of(new byte[] {11});
        int tag = groups.readTag();
        assertThatThrownBy(() -> groups.skip(tag)).isInstanceOf(ProtobufFormatException.class)
                .hasMessageContaining("unsupported wire type 3 of field 1");
    }

    @Test
    void truncatedFixedWidthValuesAreReported() {
        assertThatThrownBy(() -> ProtoReader.of(new byte[] {1, 2, 3}).readFixed64())
                .isInstanceOf(ProtobufFormatException.class).hasMessageContaining("a fixed64 at offset 0");
        assertThatThrownBy(() -> ProtoReader.of(new byte[] {1, 2, 3}).readFixed32())
                .isInstanceOf(ProtobufFormatException.class).hasMessageContaining("a fixed32 at offset 0");
    }

    @Test
    void excessiveNestingIsRejected() throws IOException {
        byte[] body = new byte[0];
        for (int i = 0; i < 101; i++) {
            byte[] inner = body;
            body = encode(out -> out.writeByteArray(1, inner));
        }
        ProtoReader r = ProtoReader.of(body);
        java.util.function.Function<ProtoReader, Object>[] nested = new java.util.function.Function[1];
        nested[0] = m -> {
            if (m.hasMore()) {
                m.readTag();
                m.message(nested[0]);
            }
            return null;
        };
        r.readTag();
        assertThatThrownBy(() -> r.message(nested[0])).isInstanceOf(ProtobufFormatException.class)
                .hasMessageContaining("nested deeper than 100");
    }

    @Test
    void aSliceOfABufferIsReadWithinItsBounds() {
        byte[] buffer = {99, 99, 8, 5, 99};
        ProtoReader r = ProtoReader.of(buffer, 2, 2);
        assertThat(r.readTag()).isEqualTo(8);
        assertThat(r.readInt32()).isEqualTo(5);
        assertThat(r.hasMore()).isFalse();
        assertThatThrownBy(() -> ProtoReader.of(buffer, 4, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
