package dev.kubeclient.transport;

import dev.kubeclient.auth.TrustManagers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts the CAs in a PEM file and re-reads the file when its size or modification time changes, so a rotated
 * CA bundle is used by the next handshake without restarting. A file that cannot be parsed (for example caught
 * half-written) keeps the previous CAs in force and is logged once per change.
 *
 * <p>{@link #generation()}, which makes the transport close its connections, goes up only when a CA that was
 * trusted is no longer in the file: connections verified under it may no longer be trusted. A bundle that only
 * gains CAs (the first step of a CA rotation: old and new side by side) leaves every connection and watch open.
 */
final class ReloadingTrustManager extends X509ExtendedTrustManager {

    private static final Logger log = LoggerFactory.getLogger(ReloadingTrustManager.class);

    private record Loaded(FileTime modified, long size, byte[] digest, X509ExtendedTrustManager delegate,
                          Set<Fingerprint> cas, long generation) {
    }

    /** A certificate's identity: the SHA-256 of its DER encoding. */
    private record Fingerprint(String sha256) {
    }

    private final Path file;
    private volatile Loaded loaded;
    private FileTime failedModified;
    private long failedSize = -1;

    /**
     * Reads the file once.
     *
     * @throws IllegalArgumentException when it cannot be read; the message names the file
     * @throws dev.kubeclient.auth.CredentialException when it holds no certificate or a broken one
     */
    ReloadingTrustManager(Path file) {
        this.file = file;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            byte[] pem = Files.readAllBytes(file);
            List<X509Certificate> cas = TrustManagers.parse(pem, "caFile " + file);
            this.loaded = new Loaded(attributes.lastModifiedTime(), attributes.size(), sha256(pem),
                    TrustManagers.trusting(cas), fingerprints(cas), 0);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read caFile " + file + ": " + e
                    + "; check the certificate-authority path in your kubeconfig", e);
        }
    }

    /** Increases each time the file's certificates change. */
    long generation() {
        refresh();
        return loaded.generation;
    }

    /** Re-reads the file if its size or modification time changed since the last look. */
    synchronized void refresh() {
        Loaded current = loaded;
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            warnOnce(null, -1, "caFile " + file + " cannot be read (" + e + "); still trusting the CAs read before");
            return;
        }
        if (attributes.lastModifiedTime().equals(current.modified) && attributes.size() == current.size) {
            return;
        }
        try {
            byte[] pem = Files.readAllBytes(file);
            byte[] digest = sha256(pem);
            if (Arrays.equals(digest, current.digest)) {
                loaded = new Loaded(attributes.lastModifiedTime(), attributes.size(), digest, current.delegate,
                        current.cas, current.generation);
                return;
            }
            List<X509Certificate> cas = TrustManagers.parse(pem, "caFile " + file);
            Set<Fingerprint> fresh = fingerprints(cas);
            Set<Fingerprint> removed = new HashSet<>(current.cas);
            removed.removeAll(fresh);
            long generation = removed.isEmpty() ? current.generation : current.generation + 1;
            loaded = new Loaded(attributes.lastModifiedTime(), attributes.size(), digest, TrustManagers.trusting(cas),
                    fresh, generation);
            if (removed.isEmpty()) {
                log.info("caFile {} changed and still holds every CA it held; new connections trust its new "
                        + "certificates and open connections are kept", file);
            } else {
                log.info("caFile {} no longer holds {} CA(s) it held; connections verified before are closed", file,
                        removed.size());
            }
        } catch (IOException | RuntimeException e) {
            warnOnce(attributes.lastModifiedTime(), attributes.size(),
                    e.getMessage() + "; still trusting the CAs read before from " + file);
        }
    }

    private void warnOnce(FileTime modified, long size, String message) {
        if (!java.util.Objects.equals(modified, failedModified) || size != failedSize) {
            failedModified = modified;
            failedSize = size;
            log.warn(message);
        }
    }

    private X509ExtendedTrustManager delegate() {
        refresh();
        return loaded.delegate;
    }

    private static Set<Fingerprint> fingerprints(List<X509Certificate> cas) {
        Set<Fingerprint> set = new HashSet<>();
        for (X509Certificate ca : cas) {
            try {
                set.add(new Fingerprint(HexFormat.of().formatHex(sha256(ca.getEncoded()))));
            } catch (CertificateEncodingException e) {
                // Cannot happen for a certificate just parsed from DER; counting it as unique is the safe side.
                set.add(new Fingerprint("unencodable-" + System.identityHashCode(ca)));
            }
        }
        return set;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate().checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate().checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate().checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate().checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate().checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate().checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate().getAcceptedIssuers();
    }

    @Override
    public String toString() {
        return "ReloadingTrustManager[" + file + "]";
    }
}
