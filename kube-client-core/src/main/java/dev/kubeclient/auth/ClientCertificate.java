package dev.kubeclient.auth;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A client certificate chain (leaf first) and its private key, for mutual TLS.
 * {@link #toString()} shows the subject only, never the key.
 *
 * @param privateKey the leaf certificate's key
 * @param chain the leaf certificate followed by any intermediates
 */
public record ClientCertificate(PrivateKey privateKey, List<X509Certificate> chain) {

    public ClientCertificate {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a client certificate chain needs at least one certificate");
        }
    }

    /** The leaf certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "ClientCertificate[subject=" + leaf().getSubjectX500Principal().getName() + ", privateKey=<redacted>]";
    }
}
