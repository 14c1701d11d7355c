package dev.kubeclient.protobuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Shares the Strings of repeated keys within one decode (a list body's items, one object): map keys such as label
 * names and data keys, and the field paths of managed fields ({@code f:metadata}, {@code .}). Jackson does the same
 * for the property names of JSON objects; without it a protobuf list of 10,000 ConfigMaps keeps 150,000 more
 * Strings (7 MiB) than the same list read from JSON.
 *
 * <p>Looked up by the UTF-8 bytes, so a hit allocates nothing. Bounded: at most {@link #MAX_ENTRIES} keys of at
 * most {@link #MAX_LENGTH} bytes are remembered; others are decoded each time. Not thread-safe: one per decode.
 */
final class StringTable {

    /** Keys remembered at most; later new keys are decoded each time. */
    static final int MAX_ENTRIES = 4096;
    /** Longer keys (rare, seldom repeated) are decoded each time. */
    static final int MAX_LENGTH = 128;

    private static final int FIRST_CAPACITY = 32;

    // Allocated on the first key: most readers of a small object never read one.
    private byte[][] keys;
    private String[] values;
    private int[] hashes;
    private int size;

    /** The String of {@code length} UTF-8 bytes of {@code buffer} from {@code offset}, shared with earlier equal ones. */
    String get(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return "";
        }
        if (length > MAX_LENGTH) {
            return new String(buffer, offset, length, StandardCharsets.UTF_8);
        }
        if (values == null) {
            keys = new byte[FIRST_CAPACITY][];
            values = new String[FIRST_CAPACITY];
            hashes = new int[FIRST_CAPACITY];
        }
        int hash = hash(buffer, offset, length);
        int mask = values.length - 1;
        int slot = hash & mask;
        for (String value = values[slot]; value != null; value = values[slot]) {
            byte[] key = keys[slot];
            if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, buffer, offset, offset + length)) {
                return value;
            }
            slot = (slot + 1) & mask;
        }
        String value = new String(buffer, offset, length, StandardCharsets.UTF_8);
        if (size < MAX_ENTRIES) {
            keys[slot] = Arrays.copyOfRange(buffer, offset, offset + length);
            values[slot] = value;
            hashes[slot] = hash;
            if (++size * 2 > values.length) {
                grow();
            }
        }
        return value;
    }

    /** How many keys are remembered. */
    int size() {
        return size;
    }

    private static int hash(byte[] buffer, int offset, int length) {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + buffer[i];
        }
        return h ^ (h >>> 16);
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldValues = values;
        int[] oldHashes = hashes;
        keys = new byte[oldKeys.length * 2][];
        values = new String[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        int mask = values.length - 1;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) {
                int slot = oldHashes[i] & mask;
                while (values[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }
}
