package dev.kubeclient.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PemTest {

    private static final String SOURCE = "client-key-data of user 'admin' in /x/config";

    @Test
    void readsOneCertificate() {
        List<X509Certificate> certs = Pem.certificates(Fixtures.bytes("rsa-cert.pem"), "rsa-cert.pem");
        assertThat(certs).hasSize(1);
        assertThat(certs.get(0).getSubjectX500Principal().getName()).contains("CN=rsa-user");
    }

    @Test
    void readsAChainLeafFirst() {
        List<X509Certificate> chain = Pem.certificates(Fixtures.bytes("rsa-chain.pem"), "chain");
        assertThat(chain).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=rsa-user,O=system:masters", "CN=test-ca");
    }

    @Test
    void readsEveryCertificateOfACaBundle() {
        assertThat(Pem.certificates(Fixtures.bytes("ca-bundle.pem"), "bundle"))
                .extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=test-ca", "CN=test-ca-2");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
            "rsa-cert.pem, rsa-key-pkcs8.pem, RSA",
            "rsa-cert.pem, rsa-key-pkcs1.pem, RSA",
            "ec-p256-cert.pem, ec-p256-key-sec1.pem, EC",
            "ec-p256-cert.pem, ec-p256-key-pkcs8.pem, EC",
            "ec-p384-cert.pem, ec-p384-key-sec1.pem, EC",
            "ec-p384-cert.pem, ec-p384-key-pkcs8.pem, EC",
            "ec-p521-cert.pem, ec-p521-key-sec1.pem, EC",
            "ec-p521-cert.pem, ec-p521-key-pkcs8.pem, EC",
            "ed25519-cert.pem, ed25519-key.pem, EdDSA",
    })
    void readsEverySupportedKeyFormatAndChecksItAgainstItsCertificate(String cert, String key, String algorithm) {
        ClientCertificate cc = Pem.clientCertificate(Fixtures.bytes(cert), cert, Fixtures.bytes(key), key);
        assertThat(cc.privateKey().getAlgorithm()).isIn(algorithm, "Ed25519");
        assertThat(cc.leaf().getSubjectX500Principal().getName()).contains("user");
    }

    @Test
    void pkcs1AndPkcs8FormsOfOneKeyAreEqual() {
        PrivateKey pkcs1 = Pem.privateKey(Fixtures.bytes("rsa-key-pkcs1.pem"), "a");
        PrivateKey pkcs8 = Pem.privateKey(Fixtures.bytes("rsa-key-pkcs8.pem"), "b");
        assertThat(pkcs1.getEncoded()).isEqualTo(pkcs8.getEncoded());
    }

    @Test
    void aFileWithCertificateAndKeyYieldsBoth() {
        byte[] both = concat(Fixtures.bytes("rsa-cert.pem"), Fixtures.bytes("rsa-key-pkcs1.pem"));
        assertThat(Pem.certificates(both, "both")).hasSize(1);
        assertThat(Pem.privateKey(both, "both").getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void encryptedPkcs8KeyIsRejectedWithAHint() {
        assertThatThrownBy(() -> Pem.privateKey(Fixtures.bytes("rsa-key-encrypted-pkcs8.pem"), SOURCE))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining(SOURCE).hasMessageContaining("encrypted").hasMessageContaining("openssl");
    }

    @Test
    void encryptedLegacyKeyIsRejected() {
        assertThatThrownBy(() -> Pem.privateKey(Fixtures.bytes("rsa-key-encrypted-legacy.pem"), SOURCE))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining(SOURCE).hasMessageContaining("encrypted");
    }

    @Test
    void keyOfAnotherCertificateIsAMismatch() {
        assertThatThrownBy(() -> Pem.clientCertificate(Fixtures.bytes("rsa-cert.pem"), "cert-src",
                Fixtures.bytes("other-rsa-key.pem"), "key-src"))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("key-src").hasMessageContaining("cert-src")
                .hasMessageContaining("does not belong");
    }

    @Test
    void keyOfAnotherTypeOrCurveIsAMismatch() {
        assertThatThrownBy(() -> Pem.clientCertificate(Fixtures.bytes("rsa-cert.pem"), "c",
                Fixtures.bytes("ec-p256-key-sec1.pem"), "k"))
                .isInstanceOf(CredentialException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> Pem.clientCertificate(Fixtures.bytes("ec-p384-cert.pem"), "c",
                Fixtures.bytes("ec-p256-key-sec1.pem"), "k"))
                .isInstanceOf(CredentialException.class).hasMessageContaining("does not belong");
    }

    @Test
    void aKeyWhereACertificateIsExpectedNamesWhatWasFound() {
        assertThatThrownBy(() -> Pem.certificates(Fixtures.bytes("rsa-key-pkcs1.pem"), SOURCE))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining(SOURCE).hasMessageContaining("no CERTIFICATE").hasMessageContaining("RSA PRIVATE KEY");
    }

    @Test
    void aCertificateWhereAKeyIsExpectedNamesWhatWasFound() {
        assertThatThrownBy(() -> Pem.privateKey(Fixtures.bytes("rsa-cert.pem"), SOURCE))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining(SOURCE).hasMessageContaining("no private key").hasMessageContaining("CERTIFICATE");
    }

    @Test
    void textWithoutPemIsRejected() {
        assertThatThrownBy(() -> Pem.certificates("hello".getBytes(StandardCharsets.US_ASCII), SOURCE))
                .isInstanceOf(CredentialException.class).hasMessageContaining(SOURCE).hasMessageContaining("no PEM block");
        assertThatThrownBy(() -> Pem.certificates(new byte[0], SOURCE))
                .isInstanceOf(CredentialException.class).hasMessageContaining("empty");
    }

    @Test
    void truncatedBlockIsRejected() {
        String pem = new String(Fixtures.bytes("rsa-cert.pem"), StandardCharsets.US_ASCII);
        byte[] cut = pem.substring(0, pem.length() / 2).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Pem.certificates(cut, SOURCE))
                .isInstanceOf(CredentialException.class).hasMessageContaining("truncated");
    }

    @Test
    void brokenKeyBytesAreRejectedWithoutEchoingThem() {
        String body = "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu";
        byte[] pem = ("-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Pem.privateKey(pem, SOURCE))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining(SOURCE)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(body.substring(10, 30)));
    }

    @Test
    void badBase64IsRejected() {
        byte[] pem = "-----BEGIN CERTIFICATE-----\n!!!not base64!!!\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Pem.certificates(pem, SOURCE))
                .isInstanceOf(CredentialException.class).hasMessageContaining("base64");
    }

    @Test
    void garbageInsideACertificateBlockIsRejected() {
        byte[] pem = "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Pem.certificates(pem, SOURCE))
                .isInstanceOf(CredentialException.class).hasMessageContaining("certificate #1").hasMessageContaining(SOURCE);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
