package dev.kubeclient.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A client certificate read from a certificate file and a key file ({@code client-certificate} and
 * {@code client-key} in kubeconfig), read again when either changes on disk: client-go's certificate rotation
 * for kubelet-style rotated credentials.
 *
 * <p>At most once per check period the files' sizes and modification times are compared with those last read;
 * when they differ both files are parsed again and {@link #generation()} goes up, telling the transport to stop
 * reusing connections made with the old certificate. A rotation caught half-way (a new certificate next to the
 * old key) fails the key check; the old certificate is then kept and the files are looked at again on the next
 * call.
 */
public final class FileClientCertificateSource implements ClientCertificateSource {

    private static final Logger log = LoggerFactory.getLogger(FileClientCertificateSource.class);

    private final Path certificateFile;
    private final Path keyFile;
    private final Clock clock;
    private final Duration checkPeriod;
    private ClientCertificate current;
    private String stamp;
    private Instant checkedAt;
    private volatile long generation;

    /** A source reading the two files, checking them at most once per {@code checkPeriod} of {@code clock}. */
    public FileClientCertificateSource(Path certificateFile, Path keyFile, Clock clock, Duration checkPeriod) {
        this.certificateFile = Objects.requireNonNull(certificateFile, "certificateFile");
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.checkPeriod = Objects.requireNonNull(checkPeriod, "checkPeriod");
    }

    /**
     * The certificate in the files now (as of the last check).
     *
     * @throws IOException naming the file when a file cannot be read on the first load
     * @throws CredentialException naming the file when the PEM is bad or the key does not match, on the first load
     */
    /** Reads the files again when the check period has passed and they changed; see {@link #current()}. */
    @Override
    public void checkForChange() throws IOException {
        current();
    }

    @Override
    public synchronized ClientCertificate current() throws IOException {
        Instant now = clock.instant();
        if (current != null && checkedAt != null && now.isBefore(checkedAt.plus(checkPeriod))) {
            return current;
        }
        try {
            String newStamp = stamp(certificateFile) + "|" + stamp(keyFile);
            if (current == null || !newStamp.equals(stamp)) {
                ClientCertificate loaded = Pem.clientCertificate(
                        read(certificateFile, "client certificate"), "client certificate file " + certificateFile,
                        read(keyFile, "client key"), "client key file " + keyFile);
                boolean rotated = current != null;
                current = loaded;
                stamp = newStamp;
                if (rotated) {
                    generation++;
                    log.info("Client certificate in {} changed; now {}", certificateFile, loaded);
                }
            }
            checkedAt = now;
        } catch (IOException | CredentialException e) {
            if (current == null) {
                throw e;
            }
            // Mid-rotation or a transient read problem: keep the working certificate, look again next call.
            log.warn("Keeping the previous client certificate: {}", e.getMessage());
            checkedAt = null;
        }
        return current;
    }

    @Override
    public long generation() {
        return generation;
    }

    private static String stamp(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        } catch (NoSuchFileException e) {
            throw new IOException("file " + file + " does not exist", e);
        }
    }

    private static byte[] read(Path file, String what) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(what + " file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IOException("cannot read " + what + " file " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "FileClientCertificateSource[certificateFile=" + certificateFile + ", keyFile=" + keyFile
                + ", generation=" + generation + "]";
    }
}
