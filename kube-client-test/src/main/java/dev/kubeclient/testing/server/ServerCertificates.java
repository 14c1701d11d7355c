package dev.kubeclient.testing.server;

import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The test servers' CA and serving certificate (ECDSA P-256, valid for 127.0.0.1 and localhost), made once per
 * class loader and never changed: key generation is most of a server's start time, and tests gain nothing from a
 * CA per server. Client certificates for users are issued per server from this CA.
 */
final class ServerCertificates {

    static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("kube-client-test-ca").duration(365, TimeUnit.DAYS).build();

    private static final HandshakeCertificates SERVER = new HandshakeCertificates.Builder()
            .heldCertificate(new HeldCertificate.Builder().signedBy(CA).commonName("kube-apiserver")
                    .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost")
                    .addSubjectAlternativeName("kubernetes.default.svc").duration(365, TimeUnit.DAYS).build(),
                    CA.certificate())
            .addTrustedCertificate(CA.certificate()).build();

    private ServerCertificates() {
    }

    /** A new SSLContext serving the certificate and trusting the CA for client certificates. */
    static SSLContext serverContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {SERVER.keyManager()}, new TrustManager[] {SERVER.trustManager()},
                    new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the test server's TLS: " + e.getMessage(), e);
        }
    }
}
