package dev.kubeclient.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token read from a file and read again when it may have rotated: kubeconfig {@code tokenFile} and
 * the in-cluster projected ServiceAccount token ({@code /var/run/secrets/kubernetes.io/serviceaccount/token}),
 * which the kubelet rewrites before it expires.
 *
 * <p>Like client-go's cached file token source, the file is read at most once per refresh period (a minute by
 * default) and surrounding whitespace is dropped. When a later read fails, the previous token is kept and the
 * failure logged, so a file being replaced does not fail requests. {@link #invalidate(String)} after a 401 makes
 * the next call read the file again.
 */
public final class FileTokenSource implements TokenSource {

    private static final Logger log = LoggerFactory.getLogger(FileTokenSource.class);

    private final Path file;
    private final Clock clock;
    private final Duration refreshPeriod;
    private String token;
    private Instant readAt;

    /** A source reading {@code file} with the default one-minute period and the system clock. */
    public FileTokenSource(Path file) {
        this(file, Clock.systemUTC(), AuthEnvironment.DEFAULT_TOKEN_FILE_REFRESH_PERIOD);
    }

    /** A source reading {@code file} at most once per {@code refreshPeriod} as told by {@code clock}. */
    public FileTokenSource(Path file, Clock clock, Duration refreshPeriod) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshPeriod = Objects.requireNonNull(refreshPeriod, "refreshPeriod");
    }

    /** The file the token is read from. */
    public Path file() {
        return file;
    }

    /**
     * The token, read from the file when none is cached or the refresh period has passed.
     *
     * @throws IOException naming the file when it cannot be read or is empty and no earlier token is cached
     */
    @Override
    public synchronized String token() throws IOException {
        Instant now = clock.instant();
        if (token != null && readAt != null && now.isBefore(readAt.plus(refreshPeriod))) {
            return token;
        }
        try {
            token = read();
            readAt = now;
        } catch (IOException e) {
            if (token == null) {
                throw e;
            }
            // Keep serving the last good token; try again on the next call rather than after a whole period.
            log.warn("Keeping the previous bearer token: {}", e.getMessage());
            readAt = null;
        }
        return token;
    }

    @Override
    public synchronized boolean invalidate(String rejectedToken) {
        if (token != null && token.equals(rejectedToken)) {
            // The kubelet may have rotated the file since we read it: read again on the next call.
            readAt = null;
            return true;
        }
        // The rejected token is not ours any more (already re-read): a retry will use the newer one.
        return token != null;
    }

    private String read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("bearer token file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IOException("cannot read bearer token file " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
        String value = new String(bytes, StandardCharsets.UTF_8).strip();
        if (value.isEmpty()) {
            throw new IOException("bearer token file " + file + " is empty");
        }
        return value;
    }

    @Override
    public String toString() {
        return "FileTokenSource[file=" + file + ", refreshPeriod=" + refreshPeriod + ", token=<redacted>]";
    }
}
