package dev.kubeclient.auth;

import java.util.Objects;

/** A bearer token that never changes (kubeconfig {@code token}, {@code RestConfig.bearerToken}). */
public final class StaticTokenSource implements TokenSource {

    private final String token;

    /** A source that always returns {@code token}. */
    public StaticTokenSource(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("a static bearer token must not be blank");
        }
        this.token = token;
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return "StaticTokenSource[token=<redacted>]";
    }
}
