package dev.kubeclient.auth;


import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust managers from PEM CA bundles that trust exactly those CAs, or the JVM's default one. Shared by the
 * transport (API server CAs) and OIDC (identity provider CAs).
 */
public final class TrustManagers {

    private TrustManagers() {
    }

    /**
     * Every certificate in a PEM bundle, read with the auth package's PEM parser.
     *
     * @param what names the source in messages, for example {@code "caFile /etc/kube/ca.crt"}
     * @throws dev.kubeclient.auth.CredentialException when the data holds no certificate or a broken one
     */
    public static List<X509Certificate> parse(byte[] pem, String what) {
        return Pem.certificates(pem, what);
    }

    /** A trust manager that trusts the given CAs and nothing else. */
    public static X509ExtendedTrustManager trusting(List<X509Certificate> cas) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return extended(factory.getTrustManagers());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a trust manager for " + cas.size() + " CA certificate(s)", e);
        }
    }

    /** The JVM's default trust manager (its cacerts, or what {@code javax.net.ssl.trustStore} names). */
    public static X509ExtendedTrustManager jvmDefault() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return extended(factory.getTrustManagers());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JVM's default trust store", e);
        }
    }

    private static X509ExtendedTrustManager extended(TrustManager[] managers) {
        for (TrustManager m : managers) {
            if (m instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("the JVM offers no X509ExtendedTrustManager");
    }
}
