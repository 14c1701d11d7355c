package dev.kubeclient.auth;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads PEM certificates and private keys the way kubeconfig holds them ({@code certificate-authority-data},
 * {@code client-certificate-data}, {@code client-key-data} and the files they may point to), without
 * BouncyCastle.
 *
 * <p>Certificates: one or many {@code CERTIFICATE} blocks (a chain, or a CA bundle). Private keys: PKCS#8
 * ({@code PRIVATE KEY}; RSA, EC and Ed25519), PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY};
 * P-256, P-384, P-521). Encrypted keys are rejected, as client-go rejects them.
 *
 * <p>Every method takes a {@code source}: a description of where the bytes came from, such as
 * {@code "client-key-data of user 'admin' in /home/me/.kube/config"} or a file path. Errors are
 * {@link CredentialException}s that name the source and never quote the input.
 */
public final class Pem {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private Pem() {
    }

    /** One PEM block: its label (such as {@code CERTIFICATE}), whether it had headers marking it encrypted, its bytes. */
    private record Block(String label, boolean encryptedHeader, byte[] der) {
    }

    /**
     * Every certificate in {@code pem}, in order (for a client certificate: leaf first). Blocks of other types are
     * skipped.
     *
     * @throws CredentialException when there is no {@code CERTIFICATE} block or one cannot be parsed
     */
    public static List<X509Certificate> certificates(byte[] pem, String source) {
        List<Block> blocks = blocks(pem, source);
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JVM has no X.509 certificate factory", e);
        }
        List<X509Certificate> out = new ArrayList<>();
        int index = 0;
        for (Block block : blocks) {
            if (!block.label().equals("CERTIFICATE")) {
                continue;
            }
            index++;
            try {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException | ClassCastException e) {
                throw new CredentialException("certificate #" + index + " in " + source
                        + " is not a valid X.509 certificate (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (out.isEmpty()) {
            throw new CredentialException(source + " holds no CERTIFICATE block (found " + labels(blocks)
                    + "); expected a PEM certificate beginning with -----BEGIN CERTIFICATE-----");
        }
        return List.copyOf(out);
    }

    /**
     * The first private key in {@code pem}. Certificate blocks are skipped, so a file holding both works.
     *
     * @throws CredentialException when there is no key block, the key is encrypted, or it cannot be decoded
     */
    public static PrivateKey privateKey(byte[] pem, String source) {
        List<Block> blocks = blocks(pem, source);
        for (Block block : blocks) {
            String label = block.label();
            if (label.equals("ENCRYPTED PRIVATE KEY") || (label.endsWith("PRIVATE KEY") && block.encryptedHeader())) {
                throw new CredentialException("the private key in " + source + " is encrypted; kube-client (like "
                        + "client-go) needs an unencrypted key: decrypt it first, for example with "
                        + "'openssl pkey -in key.pem -out plain-key.pem'");
            }
            try {
                switch (label) {
                    case "PRIVATE KEY":
                        return pkcs8(block.der(), source);
                    case "RSA PRIVATE KEY":
                        return decode("RSA", rsaToPkcs8(block.der()), source, "PKCS#1 RSA");
                    case "EC PRIVATE KEY":
                        return decode("EC", sec1ToPkcs8(block.der(), source), source, "SEC1 EC");
                    default:
                        break;
                }
            } catch (IllegalArgumentException e) {
                // From the DER reader: the structure is broken. Its message never carries key bytes.
                throw new CredentialException("the " + label + " in " + source + " is not valid DER: " + e.getMessage());
            }
        }
        throw new CredentialException(source + " holds no private key (found " + labels(blocks) + "); expected a "
                + "PEM block labelled PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY");
    }

    /**
     * Reads a client certificate chain and its key, and checks that the key belongs to the leaf certificate.
     *
     * @throws CredentialException when either cannot be read or the key does not match the certificate
     */
    public static ClientCertificate clientCertificate(byte[] certificatePem, String certificateSource,
                                                      byte[] keyPem, String keySource) {
        List<X509Certificate> chain = certificates(certificatePem, certificateSource);
        PrivateKey key = privateKey(keyPem, keySource);
        checkKeyMatches(key, chain.get(0), keySource, certificateSource);
        return new ClientCertificate(key, chain);
    }

    /**
     * Checks that {@code key} is the private half of {@code certificate}'s public key, by signing a random
     * challenge and verifying it with the certificate.
     *
     * @throws CredentialException naming both sources when it is not
     */
    public static void checkKeyMatches(PrivateKey key, X509Certificate certificate, String keySource,
                                       String certificateSource) {
        PublicKey publicKey = certificate.getPublicKey();
        String mismatch = "the private key in " + keySource + " does not belong to the certificate in "
                + certificateSource + " (subject " + certificate.getSubjectX500Principal().getName()
                + "); check that the key and certificate were issued together";
        String algorithm = signatureAlgorithm(key);
        if (algorithm == null || !sameFamily(key.getAlgorithm(), publicKey.getAlgorithm())) {
            throw new CredentialException(mismatch + " (key type " + key.getAlgorithm() + ", certificate key type "
                    + publicKey.getAlgorithm() + ")");
        }
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            if (!verifier.verify(signature)) {
                throw new CredentialException(mismatch);
            }
        } catch (GeneralSecurityException e) {
            // An EC key on another curve than the certificate's lands here.
            throw new CredentialException(mismatch + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean sameFamily(String keyAlgorithm, String publicKeyAlgorithm) {
        return normalise(keyAlgorithm).equals(normalise(publicKeyAlgorithm));
    }

    private static String normalise(String algorithm) {
        return algorithm.equals("Ed25519") ? "EdDSA" : algorithm;
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return switch (normalise(key.getAlgorithm())) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA" -> "Ed25519";
            default -> null;
        };
    }

    private static PrivateKey pkcs8(byte[] der, String source) {
        // PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier { OID, params }, OCTET STRING }
        List<Der.Element> fields = Der.readOne(der).children();
        if (fields.size() < 3 || fields.get(1).tag() != Der.SEQUENCE) {
            throw new IllegalArgumentException("not a PKCS#8 PrivateKeyInfo");
        }
        byte[] oid = fields.get(1).children().get(0).content();
        String algorithm;
        if (Arrays.equals(oid, Der.RSA_ENCRYPTION)) {
            algorithm = "RSA";
        } else if (Arrays.equals(oid, Der.EC_PUBLIC_KEY)) {
            algorithm = "EC";
        } else if (Arrays.equals(oid, Der.ED25519)) {
            algorithm = "Ed25519";
        } else {
            throw new CredentialException("the PRIVATE KEY in " + source + " uses an unsupported algorithm "
                    + "(supported: RSA, EC, Ed25519)");
        }
        return decode(algorithm, der, source, "PKCS#8 " + algorithm);
    }

    private static PrivateKey decode(String algorithm, byte[] pkcs8, String source, String what) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            // The provider's message is dropped on purpose: it is not worth the risk of echoing key bytes.
            throw new CredentialException("the " + what + " private key in " + source + " cannot be decoded ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] rsaToPkcs8(byte[] pkcs1) {
        Der.readOne(pkcs1);
        return Der.sequence(
                Der.element(Der.INTEGER, new byte[] {0}),
                Der.sequence(Der.element(Der.OID, Der.RSA_ENCRYPTION), Der.element(Der.NULL, new byte[0])),
                Der.element(Der.OCTET_STRING, pkcs1));
    }

    private static byte[] sec1ToPkcs8(byte[] sec1, String source) {
        // ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] curve OID, [1] public key }
        // PKCS#8 wants the curve in the AlgorithmIdentifier, so it is lifted out of the [0] field.
        Der.Element curve = null;
        for (Der.Element field : Der.readOne(sec1).children()) {
            if (field.tag() == Der.CONTEXT_0) {
                curve = Der.readOne(field.content());
            }
        }
        if (curve == null || curve.tag() != Der.OID) {
            throw new CredentialException("the EC PRIVATE KEY in " + source + " does not name its curve; convert it "
                    + "with 'openssl pkcs8 -topk8 -nocrypt' and use the PRIVATE KEY output");
        }
        return Der.sequence(
                Der.element(Der.INTEGER, new byte[] {0}),
                Der.sequence(Der.element(Der.OID, Der.EC_PUBLIC_KEY), Der.element(Der.OID, curve.content())),
                Der.element(Der.OCTET_STRING, sec1));
    }

    private static List<Block> blocks(byte[] pem, String source) {
        if (pem == null || pem.length == 0) {
            throw new CredentialException(source + " is empty; expected PEM data");
        }
        String text = new String(pem, StandardCharsets.US_ASCII);
        List<Block> out = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith(BEGIN) || !line.endsWith(DASHES) || line.length() < BEGIN.length() + DASHES.length()) {
                continue;
            }
            String label = line.substring(BEGIN.length(), line.length() - DASHES.length());
            String endLine = END + label + DASHES;
            StringBuilder base64 = new StringBuilder();
            boolean encrypted = false;
            boolean ended = false;
            for (i++; i < lines.length; i++) {
                String body = lines[i].strip();
                if (body.equals(endLine)) {
                    ended = true;
                    break;
                }
                if (body.contains(":")) {
                    // RFC 1421 headers, as in legacy OpenSSL keys: "Proc-Type: 4,ENCRYPTED", "DEK-Info: ..."
                    encrypted |= body.startsWith("Proc-Type:") && body.contains("ENCRYPTED");
                    continue;
                }
                base64.append(body);
            }
            if (!ended) {
                throw new CredentialException("the PEM block " + label + " in " + source + " has no '" + endLine
                        + "' line; the data looks truncated");
            }
            byte[] der;
            try {
                der = Base64.getDecoder().decode(base64.toString());
            } catch (IllegalArgumentException e) {
                throw new CredentialException("the PEM block " + label + " in " + source + " is not valid base64");
            }
            out.add(new Block(label, encrypted, der));
        }
        if (out.isEmpty()) {
            throw new CredentialException(source + " contains no PEM block (no '-----BEGIN ...-----' line); "
                    + "kubeconfig *-data fields hold base64 of the PEM text, files hold the PEM text itself");
        }
        return out;
    }

    private static String labels(List<Block> blocks) {
        Set<String> labels = new LinkedHashSet<>();
        blocks.forEach(b -> labels.add(b.label()));
        return String.join(", ", labels);
    }
}
