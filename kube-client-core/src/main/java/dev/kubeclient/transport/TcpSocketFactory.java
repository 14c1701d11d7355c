package dev.kubeclient.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketOption;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets with the options Go's dialer gives client-go's connections: {@code TCP_NODELAY} (Nagle's
 * algorithm off, so a small request is not held back waiting for the ACK of the previous one: with delayed ACKs
 * that cost about 40 ms per watch opened after another closed) and TCP keepalive probing an idle connection after
 * {@link #KEEPALIVE} and then every {@link #KEEPALIVE}, so the kernel notices a dead peer on an HTTP/1.1 connection
 * that has no HTTP/2 pings. The idle time, interval and probe count are set through
 * {@code jdk.net.ExtendedSocketOptions} where the JDK and OS support them; elsewhere the OS defaults apply.
 *
 * <p>TLS is layered on these sockets by OkHttp; SOCKS sockets, which OkHttp opens itself, get the same options
 * through {@link #configure(Socket)} when their connection is first used.
 */
final class TcpSocketFactory extends SocketFactory {

    /** Go's {@code net.Dialer} default: first keepalive probe after 30 s of silence, then every 30 s. */
    static final Duration KEEPALIVE = Duration.ofSeconds(30);
    /** Unanswered probes before the connection is dropped, as Go sets on Linux. */
    static final int KEEPALIVE_PROBES = 9;

    private static final Logger log = LoggerFactory.getLogger(TcpSocketFactory.class);

    private final SocketFactory delegate = SocketFactory.getDefault();

    /** Sets {@code TCP_NODELAY} and keepalive on {@code socket}; options the platform lacks are skipped. */
    static Socket configure(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
        } catch (SocketException e) {
            log.debug("cannot set TCP_NODELAY or SO_KEEPALIVE: {}", e.getMessage());
            return socket;
        }
        int seconds = (int) KEEPALIVE.toSeconds();
        setIfSupported(socket, ExtendedOptions.KEEPIDLE, seconds);
        setIfSupported(socket, ExtendedOptions.KEEPINTERVAL, seconds);
        setIfSupported(socket, ExtendedOptions.KEEPCOUNT, KEEPALIVE_PROBES);
        return socket;
    }

    private static void setIfSupported(Socket socket, SocketOption<Integer> option, int value) {
        if (option == null || !socket.supportedOptions().contains(option)) {
            return;
        }
        try {
            socket.setOption(option, value);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("cannot set {}: {}", option.name(), e.getMessage());
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        return configure(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configure(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return configure(delegate.createSocket(address, port, localAddress, localPort));
    }

    /**
     * The keepalive options of {@code jdk.net.ExtendedSocketOptions}, looked up by name so the code needs no
     * {@code jdk.net} module at compile time and runs where a JDK lacks them ({@code null} then).
     */
    private static final class ExtendedOptions {
        static final SocketOption<Integer> KEEPIDLE = find("TCP_KEEPIDLE");
        static final SocketOption<Integer> KEEPINTERVAL = find("TCP_KEEPINTERVAL");
        static final SocketOption<Integer> KEEPCOUNT = find("TCP_KEEPCOUNT");

        @SuppressWarnings("unchecked")
        private static SocketOption<Integer> find(String name) {
            try {
                return (SocketOption<Integer>) Class.forName("jdk.net.ExtendedSocketOptions").getField(name).get(null);
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                return null;
            }
        }
    }
}
