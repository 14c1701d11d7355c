package dev.kubeclient.testing.server;

import java.util.List;
import java.util.Objects;

/**
 * A user the server knows, authenticated by a bearer token or by a client certificate the server's CA issues
 * (common name = user name), with the rules that say what it may do. Requests with no rule allowing them get 403
 * with the real server's message; a wrong token gets 401.
 */
public final class ApiUser {

    private final String name;
    private final String token;
    private final boolean clientCertificate;
    private final List<AccessRule> rules;

    private ApiUser(String name, String token, boolean clientCertificate, List<AccessRule> rules) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("user name must not be blank");
        }
        this.name = name;
        this.token = token;
        this.clientCertificate = clientCertificate;
        this.rules = List.copyOf(rules);
    }

    /**
     * A user that sends {@code Authorization: Bearer <token>}.
     *
     * @throws IllegalArgumentException if the name or token is blank
     */
    public static ApiUser withToken(String name, String token, AccessRule... rules) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token of user '" + name + "' must not be blank");
        }
        return new ApiUser(name, token, false, List.of(rules));
    }

    /** A user that presents a client certificate issued by the server's CA ({@link KubeApiServer#restConfig(String)}). */
    public static ApiUser withClientCertificate(String name, AccessRule... rules) {
        return new ApiUser(name, null, true, List.of(rules));
    }

    /** The user name. */
    public String name() {
        return name;
    }

    /** The rules of this user. */
    public List<AccessRule> rules() {
        return rules;
    }

    String token() {
        return token;
    }

    boolean usesClientCertificate() {
        return clientCertificate;
    }

    boolean allows(String verb, String resource, String namespace) {
        return rules.stream().anyMatch(r -> r.allows(verb, resource, namespace));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiUser u && u.name.equals(name) && Objects.equals(u.token, token)
                && u.clientCertificate == clientCertificate && u.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, token, clientCertificate, rules);
    }

    @Override
    public String toString() {
        return "ApiUser[" + name + (clientCertificate ? ", client certificate" : ", token=<redacted>") + ", rules=" + rules + "]";
    }
}
