package dev.kubeclient.rest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns a response body stream into a value while it arrives, so a large list is decoded without first being
 * held whole in memory. Used with {@link KubeRequest#decode(BodyDecoder, String)}.
 *
 * @param <T> what the body becomes
 */
@FunctionalInterface
public interface BodyDecoder<T> {

    /**
     * Reads {@code body} (it need not be read to the end, nor closed: the caller does both).
     *
     * @throws IOException when reading the stream fails (a cut connection, a timeout); reported as a read failure
     * @throws tools.jackson.core.JacksonException when the content is malformed; reported as an invalid answer
     */
    T decode(InputStream body) throws IOException;
}
