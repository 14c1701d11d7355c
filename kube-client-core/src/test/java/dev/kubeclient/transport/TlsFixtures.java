package dev.kubeclient.transport;

import dev.kubeclient.config.RestConfig;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Certificates made on the fly with okhttp-tls for HTTPS on loopback: a server CA, a second unrelated CA, and
 * server certificates signed by either. Client certificates come from the auth fixtures ({@code /auth/*.pem},
 * issued by {@code /auth/ca.pem}).
 */
final class TlsFixtures {

    static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0).commonName("transport-test-ca").build();
    static final HeldCertificate OTHER_CA = new HeldCertificate.Builder().certificateAuthority(0).commonName("unrelated-ca").build();
    static final HeldCertificate SERVER = serverCertificate(CA, "localhost", "127.0.0.1");

    private TlsFixtures() {
    }

    static HeldCertificate serverCertificate(HeldCertificate ca, String... names) {
        HeldCertificate.Builder b = new HeldCertificate.Builder().commonName("kube-apiserver").signedBy(ca);
        for (String name : names) {
            b.addSubjectAlternativeName(name);
        }
        return b.build();
    }

    /** An HTTPS MockWebServer (not started) presenting {@code certificate}, offering HTTP/2 and HTTP/1.1. */
    static MockWebServer httpsServer(HeldCertificate certificate, X509Certificate... trustedClientCas) {
        HandshakeCertificates.Builder b = new HandshakeCertificates.Builder().heldCertificate(certificate);
        for (X509Certificate ca : trustedClientCas) {
            b.addTrustedCertificate(ca);
        }
        MockWebServer server = new MockWebServer();
        server.useHttps(b.build().sslSocketFactory());
        server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
        return server;
    }

    static RestConfig.Builder configFor(MockWebServer server) {
        return RestConfig.builder().server(server.url("/").toString()).origin("test config");
    }

    static byte[] pem(HeldCertificate... certificates) {
        StringBuilder s = new StringBuilder();
        for (HeldCertificate c : certificates) {
            s.append(c.certificatePem());
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] resource(String path) {
        try (InputStream in = TlsFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CA that issued the auth fixtures' client certificates. */
    static X509Certificate clientCa() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(resource("/auth/ca.pem")));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
