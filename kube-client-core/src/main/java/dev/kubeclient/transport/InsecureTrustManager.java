package dev.kubeclient.transport;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/** Accepts every server certificate: {@code insecure-skip-tls-verify}. Never used unless the config asks for it. */
final class InsecureTrustManager extends X509ExtendedTrustManager {

    static final InsecureTrustManager INSTANCE = new InsecureTrustManager();

    private InsecureTrustManager() {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("a Kubernetes client does not verify client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("a Kubernetes client does not verify client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("a Kubernetes client does not verify client certificates");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // insecure-skip-tls-verify: every server certificate is accepted on purpose.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // insecure-skip-tls-verify: every server certificate is accepted on purpose.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // insecure-skip-tls-verify: every server certificate is accepted on purpose.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
