package dev.kubeclient.transport;

import dev.kubeclient.config.RestConfig;
import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns JSSE's terse handshake failures ("PKIX path building failed") into a {@link TlsHandshakeException} that
 * names the server and the setting to fix.
 */
final class TlsErrorInterceptor implements Interceptor {

    private final RestConfig config;
    private final TlsSetup tls;

    TlsErrorInterceptor(RestConfig config, TlsSetup tls) {
        this.config = config;
        this.tls = tls;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        try {
            return chain.proceed(chain.request());
        } catch (TlsHandshakeException e) {
            throw e;
        } catch (SSLPeerUnverifiedException e) {
            throw new TlsHandshakeException(describe(chain, e), e);
        } catch (SSLHandshakeException e) {
            throw new TlsHandshakeException(describe(chain, e), e);
        }
    }

    private String describe(Chain chain, SSLException e) {
        String server = chain.request().url().host() + ":" + chain.request().url().port();
        StringBuilder m = new StringBuilder("TLS handshake with ").append(server);
        if (config.origin() != null) {
            m.append(" (").append(config.origin()).append(')');
        }
        m.append(" failed: ");
        if (e instanceof SSLPeerUnverifiedException) {
            String name = config.tlsServerName() != null ? "tls-server-name '" + config.tlsServerName() + "'"
                    : "host '" + chain.request().url().host() + "'";
            m.append("the server's certificate is not valid for ").append(name)
                    .append(". Use a server URL whose host the certificate names, or set tls-server-name "
                            + "(RestConfig.tlsServerName) to a name it holds. ");
        } else if (hasCause(e, CertificateExpiredException.class)) {
            m.append("the server's certificate has expired. ");
        } else if (hasCause(e, CertPathBuilderException.class) || hasCause(e, CertPathValidatorException.class)) {
            m.append("the server's certificate is not signed by a CA this client trusts; it trusts ")
                    .append(tls.trustDescription())
                    .append(". Set certificate-authority or certificate-authority-data in the kubeconfig "
                            + "(RestConfig.caFile / caData) to the cluster's CA. ");
        } else {
            m.append("the server refused the handshake. ");
            if (tls.presentsClientCertificates()) {
                String failure = tls.clientCertificateFailure();
                m.append(failure != null ? "No client certificate was sent because " + failure + ". "
                        : "Check that the server accepts this client certificate (client-certificate / client-key). ");
            } else {
                m.append("If the server requires a client certificate, set client-certificate and client-key. ");
            }
        }
        return m.append("Cause: ").append(e.getMessage()).toString();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
