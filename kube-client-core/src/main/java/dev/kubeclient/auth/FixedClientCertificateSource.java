package dev.kubeclient.auth;

import java.util.Objects;

/** A client certificate that never changes, such as one from kubeconfig {@code client-certificate-data}. */
public final class FixedClientCertificateSource implements ClientCertificateSource {

    private final ClientCertificate certificate;

    /** A source that always returns {@code certificate}. */
    public FixedClientCertificateSource(ClientCertificate certificate) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * A source built from PEM data; the key is checked against the certificate now.
     *
     * @throws CredentialException naming {@code certificateSource} or {@code keySource} when either is bad
     */
    public static FixedClientCertificateSource fromPem(byte[] certificatePem, String certificateSource,
                                                       byte[] keyPem, String keySource) {
        return new FixedClientCertificateSource(Pem.clientCertificate(certificatePem, certificateSource, keyPem, keySource));
    }

    @Override
    public ClientCertificate current() {
        return certificate;
    }

    @Override
    public String toString() {
        return "FixedClientCertificateSource[" + certificate + "]";
    }
}
