package dev.kubeclient.auth;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few DER (ASN.1) operations needed to re-wrap PKCS#1 and SEC1 private keys as PKCS#8, which is the only
 * encoding the JDK's {@code KeyFactory} accepts. Not a general ASN.1 library: definite lengths only.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    /** The context-specific, constructed tag [0], used by SEC1 for the curve parameters. */
    static final int CONTEXT_0 = 0xA0;

    /** OID 1.2.840.113549.1.1.1, rsaEncryption. */
    static final byte[] RSA_ENCRYPTION = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
    /** OID 1.2.840.10045.2.1, id-ecPublicKey. */
    static final byte[] EC_PUBLIC_KEY = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    /** OID 1.3.101.112, Ed25519. */
    static final byte[] ED25519 = {0x2B, 0x65, 0x70};

    private Der() {
    }

    /** One decoded element: its tag and its content octets. */
    record Element(int tag, byte[] content) {

        /** The elements inside a constructed element (a SEQUENCE or an explicit tag). */
        List<Element> children() {
            return readAll(content);
        }
    }

    /** Encodes one element. */
    static byte[] element(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Encodes a SEQUENCE of already encoded elements. */
    static byte[] sequence(byte[]... encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] e : encoded) {
            out.writeBytes(e);
        }
        return element(SEQUENCE, out.toByteArray());
    }

    /** Decodes exactly one element filling {@code der}. */
    static Element readOne(byte[] der) {
        List<Element> all = readAll(der);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected one DER element, found " + all.size());
        }
        return all.get(0);
    }

    /** Decodes consecutive elements filling {@code der}. */
    static List<Element> readAll(byte[] der) {
        List<Element> out = new ArrayList<>();
        int pos = 0;
        while (pos < der.length) {
            if (der.length - pos < 2) {
                throw new IllegalArgumentException("truncated DER element");
            }
            int tag = der[pos++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                throw new IllegalArgumentException("multi-byte DER tags are not supported");
            }
            int length = der[pos++] & 0xFF;
            if (length == 0x80) {
                throw new IllegalArgumentException("indefinite DER length (BER) is not supported");
            }
            if (length > 0x80) {
                int bytes = length & 0x7F;
                if (bytes > 3 || der.length - pos < bytes) {
                    throw new IllegalArgumentException("bad DER length");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[pos++] & 0xFF);
                }
            }
            if (length > der.length - pos) {
                throw new IllegalArgumentException("truncated DER element");
            }
            out.add(new Element(tag, Arrays.copyOfRange(der, pos, pos + length)));
            pos += length;
        }
        return out;
    }
}
