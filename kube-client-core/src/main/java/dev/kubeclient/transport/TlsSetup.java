package dev.kubeclient.transport;

import dev.kubeclient.auth.TrustManagers;
import dev.kubeclient.auth.ClientCertificateSource;
import dev.kubeclient.config.RestConfig;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.GeneralSecurityException;
import java.util.Enumeration;
import java.util.function.LongSupplier;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS side of a transport, as client-go's {@code TLSConfigFor}: whom to trust (the configured CAs only, the
 * JVM's store when none is set, or anyone with {@code insecureSkipTlsVerify}), which name to check, and which
 * client certificate to present.
 */
final class TlsSetup {

    private static final Logger log = LoggerFactory.getLogger(TlsSetup.class);

    private final X509ExtendedTrustManager trustManager;
    private final RotatingKeyManager keyManager;
    private final SSLSocketFactory socketFactory;
    private final HostnameVerifier hostnameVerifier;
    private final String trustDescription;
    private final SSLContext context;

    private TlsSetup(SSLContext context, X509ExtendedTrustManager trustManager, RotatingKeyManager keyManager,
                     SSLSocketFactory socketFactory, HostnameVerifier hostnameVerifier, String trustDescription) {
        this.context = context;
        this.trustManager = trustManager;
        this.keyManager = keyManager;
        this.socketFactory = socketFactory;
        this.hostnameVerifier = hostnameVerifier;
        this.trustDescription = trustDescription;
    }

    /**
     * Builds the TLS material for {@code config}.
     *
     * @param clientCertificates the client certificate source, or {@code null} for none
     * @throws IllegalArgumentException when the CA data or file is unusable; the message names it
     */
    static TlsSetup forConfig(RestConfig config, ClientCertificateSource clientCertificates) {
        X509ExtendedTrustManager trust;
        String description;
        if (config.insecureSkipTlsVerify()) {
            log.warn("insecureSkipTlsVerify is set for {}{}: the server's certificate is NOT verified, so anyone on "
                            + "the network path can read and change this client's traffic; use it for tests only",
                    config.server(), config.origin() == null ? "" : " (" + config.origin() + ")");
            trust = InsecureTrustManager.INSTANCE;
            description = "nothing (insecureSkipTlsVerify)";
        } else if (config.caFile() != null) {
            trust = new ReloadingTrustManager(config.caFile());
            description = "only the CAs in caFile " + config.caFile();
        } else if (config.caData() != null) {
            trust = TrustManagers.trusting(TrustManagers.parse(config.caData(), "caData" + origin(config)));
            description = "only the CAs in caData";
        } else {
            trust = TrustManagers.jvmDefault();
            description = "the JVM's default trust store (no caData or caFile is set)";
        }
        RotatingKeyManager keys = clientCertificates == null ? null : new RotatingKeyManager(clientCertificates);
        SSLSocketFactory factory;
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : new KeyManager[] {keys}, new TrustManager[] {trust}, null);
            factory = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for " + config.server(), e);
        }
        HostnameVerifier verifier = null;
        if (config.insecureSkipTlsVerify()) {
            verifier = (host, session) -> true;
        } else if (config.tlsServerName() != null && !config.tlsServerName().isBlank()) {
            verifier = new ServerNameVerifier(config.tlsServerName());
        }
        if (config.tlsServerName() != null && !config.tlsServerName().isBlank()) {
            factory = new ServerNameSocketFactory(factory, config.tlsServerName());
        }
        return new TlsSetup(context, trust, keys, factory, verifier, description);
    }

    private static String origin(RestConfig config) {
        return config.origin() == null ? "" : " (" + config.origin() + ")";
    }

    void applyTo(OkHttpClient.Builder builder) {
        builder.sslSocketFactory(socketFactory, trustManager);
        if (hostnameVerifier != null) {
            builder.hostnameVerifier(hostnameVerifier);
        }
    }

    /** Increases whenever the trusted CAs change (a re-read caFile); constant otherwise. */
    LongSupplier caGeneration() {
        if (trustManager instanceof ReloadingTrustManager reloading) {
            return reloading::generation;
        }
        return () -> 0;
    }

    /**
     * Forgets cached TLS sessions. A resumed session skips both the server certificate check and the client
     * certificate, so after a rotation the next connection must do a full handshake. (Go's client keeps no session
     * cache by default, so client-go never resumes.)
     */
    void forgetSessions() {
        SSLSessionContext sessions = context.getClientSessionContext();
        for (Enumeration<byte[]> ids = sessions.getIds(); ids.hasMoreElements(); ) {
            SSLSession session = sessions.getSession(ids.nextElement());
            if (session != null) {
                session.invalidate();
            }
        }
    }

    /** Whom the transport trusts, for error messages. */
    String trustDescription() {
        return trustDescription;
    }

    /** Why the last handshake presented no client certificate, or {@code null}. */
    String clientCertificateFailure() {
        return keyManager == null ? null : keyManager.lastFailure();
    }

    boolean presentsClientCertificates() {
        return keyManager != null;
    }
}
