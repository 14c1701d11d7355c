package dev.kubeclient.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** HTTP basic authentication (kubeconfig {@code username}/{@code password}), rarely enabled on real clusters. */
public final class BasicAuth {

    private BasicAuth() {
    }

    /**
     * The {@code Authorization} header value: {@code Basic base64(username:password)}, UTF-8 encoded as Go's
     * {@code SetBasicAuth} does. A missing password is sent as empty.
     */
    public static String authorization(String username, String password) {
        Objects.requireNonNull(username, "username");
        String pair = username + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
