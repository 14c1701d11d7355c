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
}
