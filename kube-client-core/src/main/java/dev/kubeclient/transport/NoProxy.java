package dev.kubeclient.transport;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code NO_PROXY} list with Go's {@code httpproxy} rules: {@code *} matches everything; an IP matches that
 * address; a CIDR ({@code 10.0.0.0/8}) matches addresses in it; {@code example.com} matches that host and its
 * subdomains; {@code .example.com} and {@code *.example.com} match subdomains only; an entry may end in
 * {@code :port} to match that port only. Entries are comma-separated; blanks around them are ignored.
 */
final class NoProxy {

    private record Domain(String suffix, boolean matchesItself, String port) {
    }

    private record Ip(InetAddress address, String port) {
    }

    private record Cidr(byte[] network, int prefix) {
    }

    private final boolean all;
    private final List<Domain> domains = new ArrayList<>();
    private final List<Ip> ips = new ArrayList<>();
    private final List<Cidr> cidrs = new ArrayList<>();

    NoProxy(String value) {
        boolean star = false;
        for (String raw : value == null ? new String[0] : value.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                star = true;
                continue;
            }
            if (entry.contains("/") && addCidr(entry)) {
                continue;
            }
            String host = entry;
            String port = "";
            int colon = entry.lastIndexOf(':');
            boolean bareIpv6 = entry.indexOf(':') != colon;
            if (colon > 0 && !bareIpv6) {
                host = entry.substring(0, colon);
                port = entry.substring(colon + 1);
            } else if (entry.startsWith("[") && entry.contains("]:")) {
                host = entry.substring(0, entry.indexOf("]:") + 1);
                port = entry.substring(entry.indexOf("]:") + 2);
            }
            InetAddress ip = ServerNameVerifier.ipLiteral(host);
            if (ip != null) {
                ips.add(new Ip(ip, port));
                continue;
            }
            if (host.startsWith("*.")) {
                host = host.substring(1);
            }
            boolean matchesItself = !host.startsWith(".");
            domains.add(new Domain(matchesItself ? "." + host : host, matchesItself, port));
        }
        this.all = star;
    }

    private boolean addCidr(String entry) {
        int slash = entry.indexOf('/');
        InetAddress network = ServerNameVerifier.ipLiteral(entry.substring(0, slash));
        if (network == null) {
            return false;
        }
        try {
            int prefix = Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > network.getAddress().length * 8) {
                return false;
            }
            cidrs.add(new Cidr(network.getAddress(), prefix));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether a request to {@code host} on {@code port} must not use the proxy. */
    boolean bypasses(String host, int port) {
        if (all) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        String p = Integer.toString(port);
        InetAddress ip = ServerNameVerifier.ipLiteral(h);
        if (ip != null) {
            for (Ip i : ips) {
                if (i.address.equals(ip) && (i.port.isEmpty() || i.port.equals(p))) {
                    return true;
                }
            }
            for (Cidr c : cidrs) {
                if (inNetwork(ip.getAddress(), c)) {
                    return true;
                }
            }
            return false;
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (Domain d : domains) {
            boolean match = h.endsWith(d.suffix) || (d.matchesItself && h.equals(d.suffix.substring(1)));
            if (match && (d.port.isEmpty() || d.port.equals(p))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inNetwork(byte[] address, Cidr cidr) {
        if (address.length != cidr.network.length) {
            return false;
        }
        int bits = cidr.prefix;
        for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((address[i] & mask) != (cidr.network[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
