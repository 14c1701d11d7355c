package dev.kubeclient.auth;

import java.io.IOException;

/**
 * Supplies the bearer token for a request: a fixed string, a file re-read when it rotates, an exec plugin's
 * cached credential, or an OIDC id-token. Implementations are thread-safe and cheap when the token is cached.
 */
public interface TokenSource {

    /**
     * The token to send now, fetching or refreshing it first if needed; {@code null} when this source has no
     * token at the moment (an exec plugin that answered with a client certificate only): send no header then.
     *
     * @throws IOException when no token can be had (plugin failed, file unreadable); the message names the source
     * @throws java.io.InterruptedIOException when the calling thread is interrupted while waiting for it
     */
    String token() throws IOException;

    /**
     * The server answered 401 to a request that carried {@code rejectedToken}. A source that can fetch a fresh
     * credential forgets {@code rejectedToken} (if it is still the current one) and returns {@code true}, telling
     * the caller one retry is worthwhile; a fixed token returns {@code false}.
     */
    default boolean invalidate(String rejectedToken) {
        return false;
    }
}
