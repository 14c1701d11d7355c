package dev.kubeclient.auth;

import java.io.IOException;

/**
 * Supplies the client certificate for new TLS connections: fixed PEM data, files re-read when they change on
 * disk, or an exec plugin's credential. Thread-safe.
 */
public interface ClientCertificateSource {

    /**
     * The certificate to present now, or {@code null} when there is none at the moment.
     *
     * @throws IOException when it cannot be read or parsed; the message names the file or source
     */
    ClientCertificate current() throws IOException;

    /**
     * A monotonically increasing number that changes whenever {@link #current()} would return a different
     * certificate; the transport closes pooled connections made with an older one (client-go's cert rotation).
     */
    default long generation() {
        return 0;
    }

    /**
     * Lets the source notice a change before the next handshake, when that is cheap (a file source compares sizes
     * and modification times). Called by the transport before requests; must never start a process or make a
     * network call, so the default does nothing (an exec plugin's certificate changes only when it runs).
     *
     * @throws IOException when the source cannot be read
     */
    default void checkForChange() throws IOException {
    }
}
