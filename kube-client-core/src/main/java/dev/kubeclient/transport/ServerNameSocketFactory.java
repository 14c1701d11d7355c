package dev.kubeclient.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends {@code tls-server-name} as the TLS SNI name whatever host the URL names, as Go's {@code ServerName} does:
 * the server picks its certificate by that name, and {@link ServerNameVerifier} checks the certificate against it.
 */
final class ServerNameSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final String serverName;

    ServerNameSocketFactory(SSLSocketFactory delegate, String serverName) {
        this.delegate = delegate;
        this.serverName = serverName;
    }

    private Socket withServerName(Socket socket) {
        // SNI carries host names only (RFC 6066); an IP server name is still checked, just not sent.
        if (socket instanceof SSLSocket ssl && ServerNameVerifier.ipLiteral(serverName) == null) {
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(serverName)));
            ssl.setSSLParameters(parameters);
        }
        return socket;
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return withServerName(delegate.createSocket(socket, serverName, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
        return withServerName(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return withServerName(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return withServerName(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return withServerName(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return withServerName(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
