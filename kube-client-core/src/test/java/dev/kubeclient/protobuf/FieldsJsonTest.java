package dev.kubeclient.protobuf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldsJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<String, Object> read(String json) {
        byte[] bytes = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
        return FieldsJson.read(bytes, 2, bytes.length - 4, new StringTable());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"f:data\":{\".\":{},\"f:mode\":{}}}",
            " { \"f:metadata\" : {\"f:labels\":{\".\":{},\"f:app\":{}}} ,\n\"f:spec\":{} } ",
            "{\"f:containers\":{\"k:{\\\"name\\\":\\\"main\\\"}\":{\".\":{},\"f:image\":{}}}}",
            "{\"f:grüße\":{},\"k:{\\\"path\\\":\\\"a\\\\\\\\b\\/c\\\"}\":{}}"
    })
    void readsManagedFieldsAsJacksonDoes(String json) {
        Map<String, Object> expected = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        assertThat(read(json)).isEqualTo(expected).containsExactlyEntriesOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{\"a\":1}", "{\"a\":[]}", "{\"a\":\"s\"}", "{\"a\\u0041\":{}}", "{\"a\":{}",
            "{\"a\":{}}x", "{\"a\" {}}", "{\"a\":{};}", "", "{\"unterminated", "{\"a\\"})
    void leavesAnythingElseToJackson(String json) {
        assertThat(read(json)).isNull();
    }

    @Test
    void neverReadsPastItsSlice() {
        byte[] bytes = "{\"a\":{}}{\"b\":{}}".getBytes(StandardCharsets.UTF_8);
        assertThat(FieldsJson.read(bytes, 0, 8, new StringTable())).containsOnlyKeys("a");
        assertThat(FieldsJson.read(bytes, 0, 7, new StringTable())).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sharesEqualKeysThroughItsTable() {
        StringTable keys = new StringTable();
        byte[] first = "{\"f:data\":{\".\":{}}}".getBytes(StandardCharsets.UTF_8);
        byte[] second = "{\"f:data\":{\".\":{}},\"f:x\\/y\":{}}".getBytes(StandardCharsets.UTF_8);

        Map<String, Object> one = FieldsJson.read(first, 0, first.length, keys);
        Map<String, Object> two = FieldsJson.read(second, 0, second.length, keys);

        String dataKey = one.keySet().iterator().next();
        assertThat(two.keySet()).containsExactly("f:data", "f:x/y").first().isSameAs(dataKey);
        String dotKey = ((Map<String, Object>) one.get("f:data")).keySet().iterator().next();
        assertThat(((Map<String, Object>) two.get("f:data")).keySet().iterator().next()).isSameAs(dotKey);
    }
}
