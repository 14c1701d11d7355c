package dev.kubeclient.protobuf;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StringTableTest {

    private final StringTable table = new StringTable();

    private String get(String text) {
        // Padded, so the key is read from the middle of a larger buffer as ProtoReader does.
        byte[] bytes = ("<<" + text + ">>").getBytes(StandardCharsets.UTF_8);
        return table.get(bytes, 2, bytes.length - 4);
    }

    @Test
    void equalKeysAreOneString() {
        String first = get("f:metadata");
        String second = get("f:metadata");

        assertThat(second).isEqualTo("f:metadata").isSameAs(first);
        assertThat(get("f:labels")).isEqualTo("f:labels").isNotSameAs(first);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void keysWhoseHashesCollideStayApart() {
        // "Aa" and "BB" have the same 31-based hash, as do their concatenations.
        List<String> colliding = List.of("AaAa", "AaBB", "BBAa", "BBBB");
        List<String> read = new ArrayList<>();
        for (String key : colliding) {
            read.add(get(key));
        }

        assertThat(read).containsExactlyElementsOf(colliding);
        for (int i = 0; i < colliding.size(); i++) {
            assertThat(get(colliding.get(i))).isSameAs(read.get(i));
        }
    }

    @Test
    void nonAsciiKeysAreDecodedAsUtf8AndShared() {
        String key = get("grüße/日本");

        assertThat(key).isEqualTo("grüße/日本");
        assertThat(get("grüße/日本")).isSameAs(key);
        assertThat(get("grüsse/日本")).isEqualTo("grüsse/日本");
    }

    @Test
    void asciiAndNonAsciiKeysStaySharedAndApartAcrossGrowth() {
        String umlaut = get("größe");
        String plain = get("grosse");
        List<String> more = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            more.add(get("key-" + i));
        }
        String later = get("ключ");

        assertThat(get("größe")).isSameAs(umlaut);
        assertThat(get("grosse")).isSameAs(plain);
        assertThat(get("ключ")).isSameAs(later);
        for (int i = 0; i < more.size(); i++) {
            assertThat(get("key-" + i)).isSameAs(more.get(i));
        }
        // Two UTF-8 bytes against two ASCII ones: the same length in bytes, never the same key.
        assertThat(get("é")).isEqualTo("é").isNotSameAs(get("ab"));
        assertThat(table.size()).isEqualTo(205);
    }

    @Test
    void theEmptyKeyIsTheEmptyString() {
        assertThat(get("")).isEmpty();
        assertThat(table.size()).isZero();
    }

    @Test
    void longKeysAreDecodedButNotRemembered() {
        String longKey = "k".repeat(StringTable.MAX_LENGTH + 1);

        String first = get(longKey);

        assertThat(first).isEqualTo(longKey);
        assertThat(get(longKey)).isEqualTo(longKey).isNotSameAs(first);
        assertThat(table.size()).isZero();
    }

    @Test
    void rememberedKeysAreBoundedAndKeysStayCorrectBeyondTheBound() {
        List<String> first = new ArrayList<>();
        for (int i = 0; i < StringTable.MAX_ENTRIES + 100; i++) {
            first.add(get("key-" + i));
        }

        assertThat(table.size()).isEqualTo(StringTable.MAX_ENTRIES);
        for (int i = 0; i < StringTable.MAX_ENTRIES + 100; i++) {
            String again = get("key-" + i);
            assertThat(again).isEqualTo("key-" + i);
            if (i < StringTable.MAX_ENTRIES) {
                assertThat(again).isSameAs(first.get(i));
            }
        }
        assertThat(table.size()).isEqualTo(StringTable.MAX_ENTRIES);
    }
}
