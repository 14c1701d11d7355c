package dev.kubeclient.transport;

import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

/**
 * client-go's certificate rotation: when the client certificate changes or a CA is removed from the bundle, every
 * connection made with the old material is closed (idle ones evicted, busy ones shut, as client-go's {@code CloseAll}), so the
 * next request handshakes again with the new material. Checked before each request; the checks are cheap (a
 * counter and a file's size and modification time).
 *
 * <p>The application interceptor does the check; {@link #connectionTracker()} is a network interceptor that
 * remembers which connections exist, because OkHttp's pool can only evict idle ones.
 */
final class ConnectionRotation implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(ConnectionRotation.class);

    private final ConnectionPool pool;
    private final LongSupplier certificateGeneration;
    private final LongSupplier caGeneration;
    private final Runnable forgetSessions;
    private final Set<Connection> connections = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private long seenCertificate;
    private long seenCa;

    ConnectionRotation(ConnectionPool pool, LongSupplier certificateGeneration, LongSupplier caGeneration,
                       Runnable forgetSessions) {
        this.pool = pool;
        this.forgetSessions = forgetSessions;
        this.certificateGeneration = certificateGeneration;
        this.caGeneration = caGeneration;
        this.seenCertificate = certificateGeneration.getAsLong();
        this.seenCa = caGeneration.getAsLong();
    }

    /** A network interceptor recording each connection a request uses. */
    Interceptor connectionTracker() {
        return chain -> {
            Connection connection = chain.connection();
            if (connection != null) {
                connections.add(connection);
            }
            return chain.proceed(chain.request());
        };
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        checkForRotation();
        return chain.proceed(chain.request());
    }

    /** Closes the connections made with old material if the certificate or CA changed since the last check. */
    void checkForRotation() {
        long certificate = certificateGeneration.getAsLong();
        long ca = caGeneration.getAsLong();
        synchronized (this) {
            if (certificate == seenCertificate && ca == seenCa) {
                return;
            }
            String what = certificate != seenCertificate ? (ca != seenCa ? "client certificate and CA" : "client certificate") : "CA";
            seenCertificate = certificate;
            seenCa = ca;
            log.info("the {} changed; closing {} connection(s) so new ones use it", what, connections.size());
        }
        forgetSessions.run();
        closeAll();
    }

    /** Closes every connection, idle or busy: streams on busy ones fail with an {@link IOException}. */
    void closeAll() {
        List<Connection> all;
        synchronized (connections) {
            all = new ArrayList<>(connections);
            connections.clear();
        }
        pool.evictAll();
        for (Connection connection : all) {
            Socket socket = connection.socket();
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("closing a rotated connection failed", e);
            }
        }
    }
}
