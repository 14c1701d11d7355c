package dev.kubeclient.transport;

import dev.kubeclient.auth.ClientCertificate;
import dev.kubeclient.auth.ClientCertificateSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents the client certificate that the {@link ClientCertificateSource} holds at the moment of each handshake,
 * so a rotated certificate (file rewritten, exec plugin renewed) is used by the next connection. The server's list
 * of acceptable issuers is ignored, as Go's {@code GetClientCertificate} does in client-go.
 */
final class RotatingKeyManager extends X509ExtendedKeyManager {

    private static final Logger log = LoggerFactory.getLogger(RotatingKeyManager.class);
    private static final String ALIAS_PREFIX = "kube-client-";

    private final ClientCertificateSource source;
    private final AtomicLong aliases = new AtomicLong();
    // JSSE asks for the alias first and for its chain and key later; an alias names one certificate so a rotation
    // between the calls cannot pair a new chain with an old key.
    private final Map<String, ClientCertificate> byAlias = new ConcurrentHashMap<>();
    private volatile String lastAlias;
    private volatile String lastFailure;

    RotatingKeyManager(ClientCertificateSource source) {
        this.source = source;
    }

    /** Why the last handshake went without a client certificate, or {@code null}. For error messages. */
    String lastFailure() {
        return lastFailure;
    }

    private String choose(String[] keyTypes) {
        ClientCertificate certificate;
        try {
            certificate = source.current();
        } catch (IOException | RuntimeException e) {
            lastFailure = "the client certificate could not be loaded: " + e.getMessage();
            log.warn("TLS handshake goes on without a client certificate: {}", lastFailure);
            return null;
        }
        if (certificate == null) {
            return null;
        }
        String algorithm = certificate.privateKey().getAlgorithm();
        if (keyTypes != null && keyTypes.length > 0 && !accepts(keyTypes, algorithm)) {
            lastFailure = "the server accepts client keys of type " + String.join(", ", keyTypes)
                    + " but the client key is " + algorithm;
            log.warn("TLS handshake goes on without a client certificate: {}", lastFailure);
            return null;
        }
        lastFailure = null;
        return aliasFor(certificate);
    }

    private static boolean accepts(String[] keyTypes, String algorithm) {
        for (String type : keyTypes) {
            // JSSE names some types "EC_RSA" (key type, then signature algorithm); the key type comes first.
            String keyType = type.contains("_") ? type.substring(0, type.indexOf('_')) : type;
            if (keyType.equalsIgnoreCase(algorithm)
                    || (keyType.equalsIgnoreCase("EC") && algorithm.equalsIgnoreCase("ECDSA"))) {
                return true;
            }
        }
        return false;
    }

    private synchronized String aliasFor(ClientCertificate certificate) {
        String previous = lastAlias;
        if (previous != null && certificate.equals(byAlias.get(previous))) {
            return previous;
        }
        String alias = ALIAS_PREFIX + aliases.incrementAndGet();
        byAlias.put(alias, certificate);
        // Keep the previous entry for a handshake still between the alias and the key lookups.
        byAlias.keySet().removeIf(a -> !a.equals(alias) && !a.equals(previous));
        lastAlias = alias;
        return alias;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        String alias = choose(new String[] {keyType});
        return alias == null ? null : new String[] {alias};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        ClientCertificate certificate = alias == null ? null : byAlias.get(alias);
        return certificate == null ? null : certificate.chain().toArray(new X509Certificate[0]);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        ClientCertificate certificate = alias == null ? null : byAlias.get(alias);
        return certificate == null ? null : certificate.privateKey();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
