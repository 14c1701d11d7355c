package dev.kubeclient.transport;

import dev.kubeclient.config.RestConfig;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Which proxy a request goes through: {@link RestConfig#proxy()} when set, otherwise the environment read the way
 * Go's {@code http.ProxyFromEnvironment} reads it ({@code HTTPS_PROXY} for https URLs, {@code HTTP_PROXY} for http
 * ones, upper case before lower case, {@code NO_PROXY} exceptions, and never for localhost or loopback addresses).
 * The environment is read once, when the transport is built. Credentials in a proxy URL are answered to a 407
 * with {@code Proxy-Authorization: Basic}.
 */
final class ProxySettings extends ProxySelector {

    private final Proxy fixed;
    private final Proxy httpsProxy;
    private final Proxy httpProxy;
    private final NoProxy noProxy;
    private final Map<Proxy, String> credentials = new HashMap<>();

    private ProxySettings(Proxy fixed, Proxy httpsProxy, Proxy httpProxy, NoProxy noProxy) {
        this.fixed = fixed;
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
    }

    /**
     * Reads the proxy of {@code config}, or of {@code environment} when the config has none.
     *
     * @throws IllegalArgumentException naming the setting or variable when a proxy URL cannot be used
     */
    static ProxySettings forConfig(RestConfig config, Function<String, String> environment) {
        if (config.proxy() != null) {
            ProxySettings settings = new ProxySettings(null, null, null, new NoProxy(null));
            Proxy proxy = settings.parse(config.proxy().toString(), "RestConfig.proxy (proxy-url)");
            return new ProxySettings(proxy, null, null, new NoProxy(null)).withCredentials(settings);
        }
        ProxySettings reader = new ProxySettings(null, null, null, new NoProxy(null));
        Proxy https = reader.parse(env(environment, "HTTPS_PROXY"), "environment variable HTTPS_PROXY");
        Proxy http = reader.parse(env(environment, "HTTP_PROXY"), "environment variable HTTP_PROXY");
        return new ProxySettings(null, https, http, new NoProxy(env(environment, "NO_PROXY"))).withCredentials(reader);
    }

    private ProxySettings withCredentials(ProxySettings from) {
        credentials.putAll(from.credentials);
        return this;
    }

    private static String env(Function<String, String> environment, String upper) {
        String value = environment.apply(upper);
        if (value == null || value.isBlank()) {
            value = environment.apply(upper.toLowerCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Proxy parse(String value, String where) {
        if (value == null) {
            return null;
        }
        // Go accepts a bare host:port and takes it as an http:// proxy.
        URI uri;
        try {
            uri = URI.create(value.contains("://") ? value : "http://" + value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not a valid proxy URL: " + redact(value));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(where + " has no host: " + redact(value));
        }
        Proxy.Type type = switch (scheme) {
            case "http" -> Proxy.Type.HTTP;
            case "socks5", "socks5h" -> Proxy.Type.SOCKS;
            case "https" -> throw new IllegalArgumentException(where + " is an https:// proxy (TLS to the proxy), "
                    + "which OkHttp cannot speak; use an http:// proxy URL (CONNECT still encrypts the traffic to "
                    + "the API server end to end)");
            default -> throw new IllegalArgumentException(where + " has scheme '" + scheme
                    + "'; use http://, or socks5:// for a SOCKS proxy");
        };
        int port = uri.getPort() != -1 ? uri.getPort() : (type == Proxy.Type.SOCKS ? 1080 : 80);
        Proxy proxy = new Proxy(type, InetSocketAddress.createUnresolved(uri.getHost(), port));
        if (uri.getRawUserInfo() != null) {
            if (type == Proxy.Type.SOCKS) {
                throw new IllegalArgumentException(where + " has a user name and password for a SOCKS proxy; the JDK "
                        + "only takes SOCKS credentials from its global Authenticator, which this client does not "
                        + "set. Use a SOCKS proxy without authentication or an http:// proxy");
            }
            String[] parts = uri.getRawUserInfo().split(":", 2);
            credentials.put(proxy, Credentials.basic(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "",
                    StandardCharsets.UTF_8));
        }
        return proxy;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String redact(String value) {
        return value.replaceAll("//[^/@]*@", "//<redacted>@");
    }

    void applyTo(OkHttpClient.Builder builder) {
        builder.proxySelector(this);
        if (!credentials.isEmpty()) {
            builder.proxyAuthenticator(authenticator());
        }
    }

    private Authenticator authenticator() {
        return (route, response) -> {
            if (route == null) {
                return null;
            }
            String credential = credentials.get(route.proxy());
            Request request = response.request();
            // A second 407 for the credential we sent means it is wrong; asking again would loop.
            if (credential == null || credential.equals(request.header("Proxy-Authorization"))) {
                return null;
            }
            return request.newBuilder().header("Proxy-Authorization", credential).build();
        };
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (fixed != null) {
            return List.of(fixed);
        }
        Proxy proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
        if (proxy == null) {
            return List.of(Proxy.NO_PROXY);
        }
        String host = uri.getHost();
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        if (host == null || isLocal(host) || noProxy.bypasses(stripBrackets(host), port)) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(proxy);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Go never proxies requests to localhost or a loopback address. */
    private static boolean isLocal(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        java.net.InetAddress ip = ServerNameVerifier.ipLiteral(host);
        return ip != null && ip.isLoopbackAddress();
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // OkHttp tries the next route itself; there is no state to update.
    }
}
