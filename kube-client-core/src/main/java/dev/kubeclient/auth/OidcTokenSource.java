package dev.kubeclient.auth;

import dev.kubeclient.config.AuthProviderConfig;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The kubeconfig {@code oidc} auth-provider: sends the {@code id-token} while its JWT {@code exp} is in the
 * future, and refreshes it with the {@code refresh-token} when it is not.
 *
 * <p>A refresh looks up the token endpoint in {@code <idp-issuer-url>/.well-known/openid-configuration}, then
 * POSTs {@code grant_type=refresh_token} with {@code client-id} (and {@code client-secret} when set) as form
 * parameters. The new {@code id_token}, and the refresh token when the identity provider rotates it, are kept in
 * memory only: unlike kubectl, kube-client does not write them back to the kubeconfig, so a refresh token the
 * IdP invalidates on use is only good for this process. {@code idp-certificate-authority} (a file) or
 * {@code idp-certificate-authority-data} (base64 PEM) replaces the JVM's trust store for the IdP.
 *
 * <p>Each refresh uses a short-lived OkHttp client of its own, shut down afterwards; nothing is shared with the
 * API server's client or between sources. The transport hands it the configuration's proxy settings
 * ({@code proxy-url}, else {@code HTTPS_PROXY}/{@code NO_PROXY}), so an IdP behind the same proxy is reached.
 */
public final class OidcTokenSource implements TokenSource {

    private static final Logger log = LoggerFactory.getLogger(OidcTokenSource.class);

    /** A token expiring within this is treated as expired (the skew golang.org/x/oauth2 allows). */
    public static final Duration EXPIRY_SKEW = Duration.ofSeconds(10);
    private static final Duration IDP_TIMEOUT = Duration.ofSeconds(30);
    private static final int IDP_ERROR_IN_MESSAGE = 300;

    private final String where;
    private final Clock clock;
    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final byte[] idpCa;
    private final String idpCaSource;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ReentrantLock lock = new ReentrantLock();
    private final Consumer<OkHttpClient.Builder> network;

    private String idToken;
    private String refreshToken;
    private boolean rejected;

    /**
     * A source for {@code provider} (whose name must be {@code oidc}), described as {@code where} in messages.
     *
     * @throws CredentialException when neither an id-token nor the settings to get one are present, or the IdP
     *                             CA cannot be read
     */
    public OidcTokenSource(AuthProviderConfig provider, String where, Clock clock) {
        this(provider, where, clock, builder -> { });
    }

    /**
     * A source whose IdP calls go through an HTTP client set up by {@code network} (proxy selector and proxy
     * authenticator, typically those of the API server's transport).
     *
     * @throws CredentialException as {@link #OidcTokenSource(AuthProviderConfig, String, Clock)}
     */
    public OidcTokenSource(AuthProviderConfig provider, String where, Clock clock, Consumer<OkHttpClient.Builder> network) {
        Objects.requireNonNull(provider, "provider");
        this.network = Objects.requireNonNull(network, "network");
        this.where = "the oidc auth-provider of " + Objects.requireNonNull(where, "where");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<String, String> c = provider.config();
        this.idToken = blankToNull(c.get("id-token"));
        this.refreshToken = blankToNull(c.get("refresh-token"));
        this.issuer = blankToNull(c.get("idp-issuer-url"));
        this.clientId = blankToNull(c.get("client-id"));
        this.clientSecret = blankToNull(c.get("client-secret"));
        String caFile = blankToNull(c.get("idp-certificate-authority"));
        String caData = blankToNull(c.get("idp-certificate-authority-data"));
        if (caData != null) {
            try {
                this.idpCa = Base64.getDecoder().decode(caData.strip());
            } catch (IllegalArgumentException e) {
                throw new CredentialException("idp-certificate-authority-data of " + this.where + " is not valid base64");
            }
            this.idpCaSource = "idp-certificate-authority-data of " + this.where;
        } else if (caFile != null) {
            try {
                this.idpCa = Files.readAllBytes(Path.of(caFile));
            } catch (IOException e) {
                throw new CredentialException("cannot read idp-certificate-authority file " + caFile + " of "
                        + this.where + " (" + e.getClass().getSimpleName() + ")", e);
            }
            this.idpCaSource = "idp-certificate-authority file " + caFile + " of " + this.where;
        } else {
            this.idpCa = null;
            this.idpCaSource = null;
        }
        if (idpCa != null) {
            Pem.certificates(idpCa, idpCaSource);
        }
        if (idToken == null && !canRefresh()) {
            throw new CredentialException(this.where + " has no id-token and cannot get one: it needs refresh-token, "
                    + "idp-issuer-url and client-id; log in again (for example with kubelogin) to get a token");
        }
    }

    /**
     * The id-token, refreshed first when it has expired (or was rejected).
     *
     * @throws CredentialException when it has expired and cannot be refreshed, or the IdP refuses the refresh
     * @throws IOException when the IdP cannot be reached; the message names its URL
     */
    @Override
    public String token() throws IOException {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an OIDC token refresh");
        }
        try {
            if (idToken != null && !rejected) {
                Instant expiry = expiry(idToken, "id-token");
                if (clock.instant().plus(EXPIRY_SKEW).isBefore(expiry)) {
                    return idToken;
                }
                if (!canRefresh()) {
                    throw new CredentialException("the id-token of " + where + " expired at " + expiry + " and cannot "
                            + "be refreshed (refresh-token, idp-issuer-url or client-id is missing); log in again");
                }
            }
            refresh();
            return idToken;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks {@code rejectedToken} as unusable when it is the current id-token; {@code true} when a refresh is
     * possible.
     */
    @Override
    public boolean invalidate(String rejectedToken) {
        lock.lock();
        try {
            if (rejectedToken != null && rejectedToken.equals(idToken)) {
                rejected = true;
            }
            return canRefresh();
        } finally {
            lock.unlock();
        }
    }

    private boolean canRefresh() {
        return refreshToken != null && issuer != null && clientId != null;
    }

    private void refresh() throws IOException {
        if (!canRefresh()) {
            throw new CredentialException(where + " needs a new id-token but cannot refresh it (refresh-token, "
                    + "idp-issuer-url or client-id is missing); log in again");
        }
        OkHttpClient client = client();
        try {
            HttpUrl discovery = HttpUrl.parse(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
            if (discovery == null) {
                throw new CredentialException("idp-issuer-url of " + where + " is not an http(s) URL");
            }
            JsonNode config = call(client, new Request.Builder().url(discovery).build(), "OIDC discovery");
            String endpoint = string(config, "token_endpoint");
            HttpUrl tokenUrl = endpoint == null ? null : HttpUrl.parse(endpoint);
            if (tokenUrl == null) {
                throw new CredentialException("the OIDC discovery document at " + discovery + " has no usable "
                        + "token_endpoint (" + where + ")");
            }
            FormBody.Builder form = new FormBody.Builder()
                    .add("grant_type", "refresh_token")
                    .add("refresh_token", refreshToken)
                    .add("client_id", clientId);
            if (clientSecret != null) {
                form.add("client_secret", clientSecret);
            }
            JsonNode answer = call(client, new Request.Builder().url(tokenUrl).post(form.build())
                    .header("Accept", "application/json").build(), "OIDC token refresh");
            String newIdToken = string(answer, "id_token");
            if (newIdToken == null || newIdToken.isEmpty()) {
                throw new CredentialException("the token endpoint " + tokenUrl + " answered the refresh without an "
                        + "id_token (" + where + "); the IdP must return OpenID Connect ID tokens on refresh");
            }
            Instant expiry = expiry(newIdToken, "refreshed id_token");
            if (!clock.instant().isBefore(expiry)) {
                throw new CredentialException("the token endpoint " + tokenUrl + " returned an id_token that had already "
                        + "expired at " + expiry + " (" + where + "); check the machine's clock");
            }
            idToken = newIdToken;
            rejected = false;
            String rotated = string(answer, "refresh_token");
            if (rotated != null && !rotated.isEmpty()) {
                refreshToken = rotated;
            }
            log.debug("Refreshed the OIDC id-token of {}; it expires at {} (not written back to the kubeconfig)", where, expiry);
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private JsonNode call(OkHttpClient client, Request request, String what) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body.string();
            JsonNode node = null;
            try {
                node = json.readTree(text);
            } catch (JacksonException e) {
                // Not JSON: reported below without quoting the body.
            }
            if (!response.isSuccessful()) {
                throw new CredentialException(what + " at " + request.url() + " answered HTTP " + response.code()
                        + idpError(node) + " (" + where + ")" + (response.code() == 400 || response.code() == 401
                        ? "; the refresh token may have expired or been revoked: log in again" : ""));
            }
            if (node == null || !node.isObject()) {
                throw new CredentialException(what + " at " + request.url() + " did not answer with a JSON object ("
                        + where + ")");
            }
            return node;
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(what + " at " + request.url() + " failed (" + where + "): " + e, e);
        }
    }

    /** The OAuth 2 {@code error} and {@code error_description}: codes and prose, never tokens. */
    private static String idpError(JsonNode node) {
        if (node == null || !node.isObject()) {
            return "";
        }
        String error = string(node, "error");
        String description = string(node, "error_description");
        String s = (error == null ? "" : error) + (description == null ? "" : (error == null ? "" : ": ") + description);
        if (s.isEmpty()) {
            return "";
        }
        return " (" + (s.length() > IDP_ERROR_IN_MESSAGE ? s.substring(0, IDP_ERROR_IN_MESSAGE) + "..." : s) + ")";
    }

    private OkHttpClient client() {
        OkHttpClient.Builder builder = new OkHttpClient.Builder().callTimeout(IDP_TIMEOUT);
        network.accept(builder);
        if (idpCa != null) {
            X509TrustManager trust = TrustManagers.trusting(Pem.certificates(idpCa, idpCaSource));
            try {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, new TrustManager[] {trust}, null);
                builder.sslSocketFactory(tls.getSocketFactory(), trust);
            } catch (GeneralSecurityException e) {
                throw new CredentialException("cannot set up TLS with " + idpCaSource, e);
            }
        }
        return builder.build();
    }


    /** The {@code exp} claim of a JWT; the token is only decoded, its signature is the API server's business. */
    private Instant expiry(String jwt, String what) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new CredentialException("the " + what + " of " + where + " is not a JWT (expected three dot-separated parts)");
        }
        try {
            JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode exp = claims == null ? null : claims.get("exp");
            if (exp == null || !exp.isNumber()) {
                throw new CredentialException("the " + what + " of " + where + " has no numeric exp claim");
            }
            return Instant.ofEpochSecond(exp.asLong());
        } catch (IllegalArgumentException | JacksonException e) {
            throw new CredentialException("the " + what + " of " + where + " is not a JWT (its payload is not base64url JSON)");
        }
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "OidcTokenSource[issuer=" + issuer + ", clientId=" + clientId + ", idToken=<redacted>, refreshToken="
                + (refreshToken == null ? "none" : "<redacted>") + "]";
    }
}
