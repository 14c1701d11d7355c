package dev.kubeclient.transport;

import javax.net.ssl.SSLHandshakeException;

/**
 * A TLS connection to the API server could not be set up. The message names the server, says whom the client
 * trusted and which setting to check ({@code certificate-authority}, {@code tls-server-name}, the client
 * certificate); the JSSE exception is the cause. It is still an {@link SSLHandshakeException}, so code that
 * handles TLS failures generically keeps working.
 */
public final class TlsHandshakeException extends SSLHandshakeException {

    private static final long serialVersionUID = 1L;

    TlsHandshakeException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
