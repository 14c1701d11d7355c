package dev.kubeclient.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the PEM fixtures under {@code src/test/resources/auth}. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/auth/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture auth/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
