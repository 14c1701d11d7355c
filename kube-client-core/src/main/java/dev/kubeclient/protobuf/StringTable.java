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

    // Allocated on the first key: most readers of a small object never read one. An ASCII key (nearly all) is
    // compared with its String itself; only a key with other bytes keeps a copy of them (keys[slot], else null).
    private String[] values;
    private int[] hashes;
    private byte[][] keys;
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
            values = new String[FIRST_CAPACITY];
            hashes = new int[FIRST_CAPACITY];
        }
        int hash = 1;
        boolean ascii = true;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + buffer[i];
            ascii &= buffer[i] >= 0;
        }
        hash ^= hash >>> 16;
        int mask = values.length - 1;
        int slot = hash & mask;
        for (String value = values[slot]; value != null; value = values[slot]) {
            if (hashes[slot] == hash && (ascii ? asciiEquals(value, buffer, offset, length)
                    : keys != null && keys[slot] != null
                    && Arrays.equals(keys[slot], 0, keys[slot].length, buffer, offset, offset + length))) {
                return value;
            }
            slot = (slot + 1) & mask;
        }
        String value = new String(buffer, offset, length, StandardCharsets.UTF_8);
        if (size < MAX_ENTRIES) {
            values[slot] = value;
            hashes[slot] = hash;
            if (!ascii) {
                if (keys == null) {
                    keys = new byte[values.length][];
                }
                keys[slot] = Arrays.copyOfRange(buffer, offset, offset + length);
            }
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

    /** Whether ASCII {@code value} is exactly the {@code length} bytes of {@code buffer} from {@code offset}. */
    private static boolean asciiEquals(String value, byte[] buffer, int offset, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) != buffer[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldValues = values;
        int[] oldHashes = hashes;
        byte[][] oldKeys = keys;
        values = new String[oldValues.length * 2];
        hashes = new int[oldValues.length * 2];
        keys = oldKeys == null ? null : new byte[oldValues.length * 2][];
        int mask = values.length - 1;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) {
                int slot = oldHashes[i] & mask;
                while (values[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                values[slot] = oldValues[i];
                hashes[slot] = oldHashes[i];
                if (oldKeys != null) {
                    keys[slot] = oldKeys[i];
                }
            }
        }
    }
}
