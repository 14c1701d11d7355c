package dev.kubeclient.protobuf;

import com.google.protobuf.CodedOutputStream;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.kubernetes.client.proto.Runtime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ProtobufListDecoder} on its own, against the recorded envtest list; the client's use is in clientset. */
class ProtobufListDecoderTest {

    private final ProtobufListDecoder<ConfigMapList> decoder = ProtobufListDecoder.forClass(ConfigMapList.class);

    private static byte[] recorded() throws IOException {
        try (InputStream in = ProtobufListDecoderTest.class.getResourceAsStream(
                "/dev/kubeclient/protobuf/configmap-list.pb")) {
            return in.readAllBytes();
        }
    }

    /** A stream that hands out one byte per read, so every field and length is split across reads. */
    private static InputStream oneByteAtATime(byte[] body) {
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] into, int offset, int length) {
                return super.read(into, offset, Math.min(length, 1));
            }
        };
    }

    @Test
    void oneByteReadsDecodeAsTheWholeBodyDoes() throws Exception {
        byte[] body = recorded();

        assertThat(decoder.decode(oneByteAtATime(body))).isEqualTo(KubeProtobuf.decode(body, ConfigMapList.class));
    }

    @Test
    void theEnvelopesFieldsMayComeInAnyOrder() throws Exception {
        byte[] body = recorded();
        Runtime.Unknown unknown = Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, 4, body.length));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'k', '8', 's', 0});
        CodedOutputStream coded = CodedOutputStream.newInstance(out);
        coded.writeBytes(2, unknown.getRaw());
        coded.writeMessage(1, unknown.getTypeMeta());
        coded.flush();

        assertThat(decoder.decode(new ByteArrayInputStream(out.toByteArray())))
                .isEqualTo(KubeProtobuf.decode(body, ConfigMapList.class));
    }

    @Test
    void anEnvelopeWithoutKindIsRefused() throws Exception {
        byte[] body = recorded();
        Runtime.Unknown unknown = Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, 4, body.length));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'k', '8', 's', 0});
        unknown.toBuilder().clearTypeMeta().build().writeTo(out);

        assertThatThrownBy(() -> decoder.decode(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(ProtobufFormatException.class)
                .hasMessage("expected a ConfigMapList but the body holds a message without kind");
    }

    @Test
    void anEmptyBodyIsNotProtobuf() {
        assertThatThrownBy(() -> decoder.decode(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(ProtobufFormatException.class)
                .hasMessageContaining("does not start with k8s\\0");
    }

    @Test
    void onlyBuiltInListsHaveAStreamingDecoder() {
        assertThat(ProtobufListDecoder.forClass(ConfigMap.class)).isNull();
        assertThat(ProtobufListDecoder.forClass(GenericKubernetesResourceList.class)).isNull();
    }
}
