package dev.kubeclient.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProtobufDecoderGeneratorTest {

    private static final String ZERO_VALUES = "src/main/resources/dev/kubeclient/codegen/protobuf-zero-values.txt";

    @Test
    void writesADecoderPerMappedMessageWithTheModelsSetters(@TempDir Path out) throws Exception {
        ProtobufDecoderGenerator.main(new String[] {out.toString(), ZERO_VALUES});
        Path dir = out.resolve("dev/kubeclient/protobuf");

        String core = Files.readString(dir.resolve("CoreV1ProtobufDecoders.java"));
        String meta = Files.readString(dir.resolve("MetaV1ProtobufDecoders.java"));
        String registry = Files.readString(dir.resolve("ProtobufDecoders.java"));

        assertThat(core).contains("public static io.fabric8.kubernetes.api.model.ConfigMap decodeConfigMap(ProtoReader r)")
                .as("binaryData: map<string, bytes> into base64 strings")
                .contains("e -> e.readKey(), e -> e.readBase64()")
                .as("a pointer field keeps its zero (replicas: 0 is not absent)")
                .contains("case 200 -> o.setPriority(r.readInt32());")
                .as("an embedded struct is read into the enclosing object")
                .contains("readVolumeVolumeSource(e, o)");
        assertThat(meta).as("an omitempty scalar drops its zero, as JSON omits it")
                .contains("var v = r.readInt64();\n                    if (v != 0) {\n                        o.setGeneration(v);")
                .contains("o.setCreationTimestamp(r.message(ProtoTypes::time))")
                .contains("o.setContinue(");
        assertThat(meta).as("a Go named slice of strings (Verbs) into the model's list")
                .contains("o.setVerbs(r.message(ProtoTypes::stringList))");
        assertThat(Files.readString(dir.resolve("AppsV1ProtobufDecoders.java")))
                .as("a RawExtension the model reads with KubernetesDeserializer is read the same way")
                .contains("o.setData(r.message(ProtoTypes::rawExtensionResource))");
        assertThat(registry).contains("case \"io.fabric8.kubernetes.api.model.ConfigMap\" -> CoreV1ProtobufDecoders::decodeConfigMap;")
                .contains("case \"io.fabric8.kubernetes.api.model.apps.Deployment\" -> AppsV1ProtobufDecoders::decodeDeployment;");
    }
}
