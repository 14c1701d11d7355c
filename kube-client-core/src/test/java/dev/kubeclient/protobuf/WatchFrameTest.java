package dev.kubeclient.protobuf;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchFrameTest {

    /**
     * A watch stream that has sent one frame and nothing more yet: any further read, even of zero bytes, would block
     * on a live connection (OkHttp's stream does), so it fails here.
     */
    private static InputStream oneFrameThenSilence(byte[] frame) {
        return new InputStream() {
            private int position;

            @Override
            public int read() {
                if (position >= frame.length) {
                    throw new AssertionError("read past the frame: would wait for the next event");
                }
                return frame[position++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= frame.length || len == 0) {
                    throw new AssertionError("read past the frame (" + len + " bytes asked): would wait for the next event");
                }
                int n = Math.min(Math.min(len, frame.length - position), 2);
                System.arraycopy(frame, position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    @Test
    void aFrameIsReturnedWithoutReadingBeyondIt() throws Exception {
        byte[] stream = {0, 0, 0, 5, 1, 2, 3, 4, 5};
        assertThat(KubeProtobuf.readFrame(oneFrameThenSilence(stream))).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aStreamEndingInsideAFrameIsAnError() {
        assertThatThrownBy(() -> KubeProtobuf.readFrame(new ByteArrayInputStream(new byte[] {0, 0, 0, 5, 1, 2})))
                .isInstanceOf(EOFException.class).hasMessageContaining("2 of 5 bytes");
    }

    @Test
    void aStreamEndingBetweenFramesEndsTheWatch() throws Exception {
        assertThat(KubeProtobuf.readFrame(new ByteArrayInputStream(new byte[0]))).isNull();
    }
}
