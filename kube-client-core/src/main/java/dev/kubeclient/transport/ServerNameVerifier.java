package dev.kubeclient.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Checks the server certificate against a fixed name ({@code tls-server-name}) instead of the URL's host, with the
 * RFC 6125 rules Go uses: subject alternative names only, a wildcard only as the whole leftmost label.
 */
final class ServerNameVerifier implements HostnameVerifier {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private final String serverName;

    ServerNameVerifier(String serverName) {
        this.serverName = serverName;
    }

    @Override
    public boolean verify(String urlHost, SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf && matches(serverName, leaf);
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    static boolean matches(String name, X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (names == null) {
            return false;
        }
        InetAddress ip = ipLiteral(name);
        for (List<?> entry : names) {
            int type = (Integer) entry.get(0);
            String value = String.valueOf(entry.get(1));
            if (ip != null && type == SAN_IP && ip.equals(ipLiteral(value))) {
                return true;
            }
            if (ip == null && type == SAN_DNS && dnsMatches(name, value)) {
                return true;
            }
        }
        return false;
    }

    /** The address a literal IPv4 or IPv6 string stands for, without any DNS lookup; {@code null} for a name. */
    static InetAddress ipLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(h).matches() && !h.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(h);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean dnsMatches(String name, String pattern) {
        String n = trimDot(name.toLowerCase(Locale.ROOT));
        String p = trimDot(pattern.toLowerCase(Locale.ROOT));
        if (!p.startsWith("*.")) {
            return n.equals(p);
        }
        String suffix = p.substring(1);
        if (!n.endsWith(suffix)) {
            return false;
        }
        String label = n.substring(0, n.length() - suffix.length());
        return !label.isEmpty() && !label.contains(".");
    }

    private static String trimDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
