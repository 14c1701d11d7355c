package dev.kubeclient.auth;

import dev.kubeclient.errors.KubeClientException;

/**
 * A credential could not be had: malformed or encrypted PEM, a key that does not belong to its certificate, an
 * auth provider that is not supported, an OIDC refresh the identity provider refused. The message names the
 * source (a kubeconfig field, a file) and never contains the credential itself.
 *
 * <p>Unchecked, like every {@link KubeClientException}. A {@link TokenSource} or {@link ClientCertificateSource}
 * may throw it from methods declared to throw {@link java.io.IOException}; an OkHttp interceptor that calls them
 * should wrap it in an {@code IOException} (keeping it as the cause) so that asynchronous calls fail through
 * {@code Callback.onFailure} instead of crashing the dispatcher thread.
 */
public class CredentialException extends KubeClientException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the credential's source. */
    public CredentialException(String message) {
        super(message);
    }

    /** An exception with a message that names the credential's source, and its cause. */
    public CredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
