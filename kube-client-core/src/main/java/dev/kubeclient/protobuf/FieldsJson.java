package dev.kubeclient.protobuf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the JSON of a {@code FieldsV1} set (objects of objects whose keys are field paths such as
 * {@code f:data} or {@code k:{"name":"main"}}) into nested {@link LinkedHashMap}s, as Jackson reads it into
 * {@code Map<String, Object>}, without a parser per object: managed fields are about half of a typical object's
 * bytes. Anything outside that shape (arrays, scalars, rare escapes) makes {@link #read} return {@code null} so the
 * caller falls back to Jackson.
 */
final class FieldsJson {

    /** Most objects of a field set have one to three keys. */
    private static final int SMALL_MAP = 4;

    private final byte[] json;
    private final StringTable keys;
    private final int end;
    private int position;

    private FieldsJson(byte[] json, int offset, int length, StringTable keys) {
        this.json = json;
        this.keys = keys;
        this.position = offset;
        this.end = offset + length;
    }

    /**
     * The object {@code length} bytes of {@code json} from {@code offset} hold, or {@code null} when they are not a
     * plain object of objects. Keys are shared through {@code keys}.
     */
    static Map<String, Object> read(byte[] json, int offset, int length, StringTable keys) {
        FieldsJson reader = new FieldsJson(json, offset, length, keys);
        try {
            reader.skipWhitespace();
            Map<String, Object> value = reader.object();
            reader.skipWhitespace();
            return reader.position == reader.end ? value : null;
        } catch (Unsupported | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Not the restricted shape; the caller uses a full JSON parser. */
    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private Map<String, Object> object() throws Unsupported {
        expect('{');
        Map<String, Object> object = new LinkedHashMap<>(SMALL_MAP);
        skipWhitespace();
        if (position < end && json[position] == '}') {
            position++;
            return object;
        }
        while (true) {
            skipWhitespace();
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            object.put(key, object());
            skipWhitespace();
            if (position >= end) {
                throw new Unsupported();
            }
            byte next = json[position++];
            if (next == '}') {
                return object;
            }
            if (next != ',') {
                throw new Unsupported();
            }
        }
    }

    private String string() throws Unsupported {
        expect('"');
        int start = position;
        boolean escaped = false;
        while (true) {
            if (position >= end) {
                throw new Unsupported();
            }
            byte b = json[position];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                escaped = true;
                if (position + 1 >= end) {
                    throw new Unsupported();
                }
                byte e = json[position + 1];
                if (e != '"' && e != '\\' && e != '/') {
                    throw new Unsupported();
                }
                position += 2;
            } else {
                position++;
            }
        }
        int end = position++;
        if (!escaped) {
            return keys.get(json, start, end - start);
        }
        byte[] unescaped = new byte[end - start];
        int length = 0;
        for (int i = start; i < end; i++) {
            if (json[i] == '\\') {
                i++;
            }
            unescaped[length++] = json[i];
        }
        return keys.get(unescaped, 0, length);
    }

    private void expect(char c) throws Unsupported {
        if (position >= end || json[position++] != c) {
            throw new Unsupported();
        }
    }

    private void skipWhitespace() {
        while (position < end) {
            byte b = json[position];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            position++;
        }
    }
}
