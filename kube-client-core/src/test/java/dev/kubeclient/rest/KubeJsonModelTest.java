package dev.kubeclient.rest;

import dev.kubeclient.errors.KubeClientException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * KubeJson's tuning of model decoding (unknown properties put straight into {@code additionalProperties}, field sets
 * read without Jackson's untyped bookkeeping) gives the objects plain Jackson gives.
 */
class KubeJsonModelTest {

    private static final JsonMapper PLAIN = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final String CONFIG_MAP = """
            {"apiVersion":"v1","kind":"ConfigMap","futureField":{"a":[1,2.5,"x",null,true],"b":12345678901},
             "metadata":{"name":"c","namespace":"n","labels":{"app":"bench"},"futureMeta":"yes",
              "managedFields":[{"manager":"kubectl","operation":"Update","apiVersion":"v1",
               "time":"2024-01-02T03:04:05Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{".":{},"f:k":{}},
               "f:metadata":{"f:labels":{".":{},"f:app":{}}},"k:{\\"name\\":\\"caf\\u00e9\\"}":{".":{}},
               "odd":[{"x":{}},"s",7,null]}},
               {"manager":"empty","fieldsV1":{}},{"manager":"none","fieldsV1":null}]},
             "data":{"k":"v","\\u00fcnicode":"\\u65e5\\u672c"}}
            """;

    @Test
    void decodesTheSameObjectsAsPlainJackson() {
        ConfigMap expected = PLAIN.readValue(CONFIG_MAP, ConfigMap.class);
        ConfigMap fromBytes = KubeJson.defaults().read(CONFIG_MAP.getBytes(StandardCharsets.UTF_8), ConfigMap.class);
        ConfigMap fromStream = KubeJson.defaults().read(new java.io.ByteArrayInputStream(
                CONFIG_MAP.getBytes(StandardCharsets.UTF_8)), KubeJson.defaults().mapper().constructType(
                ConfigMap.class));

        assertThat(fromBytes).isEqualTo(expected);
        assertThat(fromStream).isEqualTo(expected);
        assertThat(fromBytes.getAdditionalProperties()).containsOnlyKeys("futureField")
                .isEqualTo(expected.getAdditionalProperties());
        assertThat(fromBytes.getMetadata().getAdditionalProperties()).containsEntry("futureMeta", "yes");
        List<ManagedFieldsEntry> managed = fromBytes.getMetadata().getManagedFields();
        assertThat(managed.get(0).getFieldsV1().getAdditionalProperties())
                .containsKeys("f:data", "f:metadata", "k:{\"name\":\"café\"}", "odd")
                .isEqualTo(expected.getMetadata().getManagedFields().get(0).getFieldsV1().getAdditionalProperties());
        assertThat(managed.get(1).getFieldsV1()).isEqualTo(new FieldsV1());
        assertThat(managed.get(2).getFieldsV1()).isNull();
    }

    @Test
    void writesBackTheSameJson() {
        ConfigMap decoded = KubeJson.defaults().read(CONFIG_MAP.getBytes(StandardCharsets.UTF_8), ConfigMap.class);

        assertThat(KubeJson.defaults().writeString(decoded))
                .isEqualTo(KubeJson.defaults().writeString(PLAIN.readValue(CONFIG_MAP, ConfigMap.class)));
    }

    @Test
    void fieldSetsStayMutable() {
        ConfigMap decoded = KubeJson.defaults().read(CONFIG_MAP.getBytes(StandardCharsets.UTF_8), ConfigMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) decoded.getMetadata().getManagedFields().get(0)
                .getFieldsV1().getAdditionalProperties().get("f:data");

        data.put("f:other", Map.of());

        assertThat(data).containsKeys(".", "f:k", "f:other");
    }

    @Test
    void aFieldSetThatIsNotAnObjectIsReportedWithItsType() {
        byte[] json = "{\"metadata\":{\"managedFields\":[{\"fieldsV1\":[1]}]}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> KubeJson.defaults().read(json, ConfigMap.class))
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("cannot decode JSON as io.fabric8.kubernetes.api.model.ConfigMap")
                .hasMessageContaining("FieldsV1");
    }

    @Test
    void aTruncatedFieldSetIsMalformed() {
        byte[] json = "{\"metadata\":{\"managedFields\":[{\"fieldsV1\":{\"f:a\":{".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> KubeJson.defaults().read(json, ConfigMap.class))
                .isInstanceOf(KubeClientException.class)
                .hasMessageContaining("cannot decode JSON as io.fabric8.kubernetes.api.model.ConfigMap");
    }
}
