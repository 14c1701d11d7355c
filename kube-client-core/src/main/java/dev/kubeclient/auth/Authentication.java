package dev.kubeclient.auth;

import dev.kubeclient.config.RestConfig;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The credentials of one {@link RestConfig}, ready for the transport: a bearer {@link TokenSource}, a
 * {@link ClientCertificateSource} for mutual TLS, and a basic-auth header value. Any of them may be absent.
 *
 * <p>Which credential is used follows client-go: for the bearer token a token file wins over a static token,
 * which wins over an auth provider (only {@code oidc}), which wins over an exec plugin. Like client-go, the exec
 * plugin is not run at all when the configuration already has a token, basic auth or a client certificate;
 * otherwise it supplies the token and, when it returns one, the client certificate.
 *
 * <p>PEM data and files are read (and the key checked against its certificate) when this is built, so a bad
 * kubeconfig fails at start-up; exec plugins and OIDC refreshes run on first use.
 */
public final class Authentication {

    private final TokenSource tokenSource;
    private final ClientCertificateSource clientCertificates;
    private final String basicAuthorization;
    private final String summary;

    private Authentication(TokenSource tokenSource, ClientCertificateSource clientCertificates,
                           String basicAuthorization, String summary) {
        this.tokenSource = tokenSource;
        this.clientCertificates = clientCertificates;
        this.basicAuthorization = basicAuthorization;
        this.summary = summary;
    }

    /**
     * The credentials of {@code config} in the real environment ({@link AuthEnvironment#system()}).
     *
     * @throws CredentialException when PEM data or files are bad, a key does not match its certificate, or the
     *                             auth provider is not supported; the message names the field and the config's origin
     */
    public static Authentication forConfig(RestConfig config) {
        return forConfig(config, AuthEnvironment.system());
    }

    /**
     * The credentials of {@code config}, with the clock, environment and console of {@code environment}.
     *
     * @throws CredentialException as {@link #forConfig(RestConfig)}
     */
    public static Authentication forConfig(RestConfig config, AuthEnvironment environment) {
        return forConfig(config, environment, builder -> { });
    }

    /**
     * The credentials of {@code config}, whose own HTTP calls (OIDC refreshes) are set up by {@code network}: the
     * transport passes its proxy settings here, so the identity provider is reached the way the API server is.
     *
     * @throws CredentialException as {@link #forConfig(RestConfig)}
     */
    public static Authentication forConfig(RestConfig config, AuthEnvironment environment,
                                           Consumer<OkHttpClient.Builder> network) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(environment, "environment");
        String where = config.origin() == null ? "the RestConfig for " + config.server() : config.origin();
        List<String> summary = new ArrayList<>();

        String basic = null;
        if (config.username() != null || config.password() != null) {
            if (config.username() == null) {
                throw new CredentialException("a basic-auth password is set without a username in " + where);
            }
            basic = BasicAuth.authorization(config.username(), config.password());
            summary.add("basic=" + config.username());
        }

        ClientCertificateSource certificates = null;
        if (config.clientCertData() != null || config.clientKeyData() != null) {
            // RestConfig.build() guarantees both halves are present, though maybe one as data and one as a file.
            certificates = FixedClientCertificateSource.fromPem(
                    pemOf(config.clientCertData(), config.clientCertFile(), "client certificate", where),
                    sourceName("client certificate", config.clientCertData(), config.clientCertFile(), where),
                    pemOf(config.clientKeyData(), config.clientKeyFile(), "client key", where),
                    sourceName("client key", config.clientKeyData(), config.clientKeyFile(), where));
            summary.add("clientCertificate=data");
        } else if (config.clientCertFile() != null) {
            FileClientCertificateSource files = new FileClientCertificateSource(config.clientCertFile(),
                    config.clientKeyFile(), environment.clock(), environment.certificateFileRefreshPeriod());
            try {
                files.current();
            } catch (IOException e) {
                throw new CredentialException(e.getMessage() + " (client certificate of " + where + ")", e);
            }
            certificates = files;
            summary.add("clientCertificate=" + config.clientCertFile());
        }

        TokenSource token = null;
        if (config.bearerTokenFile() != null) {
            token = new FileTokenSource(config.bearerTokenFile(), environment.clock(), environment.tokenFileRefreshPeriod());
            summary.add("token=file " + config.bearerTokenFile());
        } else if (config.bearerToken() != null) {
            token = new StaticTokenSource(config.bearerToken());
            summary.add("token=static");
        } else if (config.authProvider() != null) {
            token = AuthProviders.tokenSource(config.authProvider(), where, environment, network);
            summary.add("token=auth-provider " + config.authProvider().name());
        } else if (config.exec() != null && basic == null && certificates == null) {
            ExecCredentialProvider plugin = new ExecCredentialProvider(config.exec(), config, environment);
            token = plugin;
            certificates = plugin;
            summary.add("exec=" + config.exec().command());
        }
        return new Authentication(token, certificates, basic, String.join(", ", summary));
    }

    /** The source of the bearer token, if the configuration has one. */
    public Optional<TokenSource> tokenSource() {
        return Optional.ofNullable(tokenSource);
    }

    /** The source of the client certificate for mutual TLS, if the configuration has one. */
    public Optional<ClientCertificateSource> clientCertificates() {
        return Optional.ofNullable(clientCertificates);
    }

    /** The {@code Authorization} header value for basic auth ({@code Basic ...}), if the configuration has one. */
    public Optional<String> basicAuthorization() {
        return Optional.ofNullable(basicAuthorization);
    }

    private static byte[] pemOf(byte[] data, java.nio.file.Path file, String what, String where) {
        if (data != null) {
            return data;
        }
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CredentialException(what + " file " + file + " of " + where + " does not exist", e);
        } catch (IOException e) {
            throw new CredentialException("cannot read " + what + " file " + file + " of " + where
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String sourceName(String what, byte[] data, java.nio.file.Path file, String where) {
        return data != null ? what + " data of " + where : what + " file " + file + " of " + where;
    }

    @Override
    public String toString() {
        return "Authentication[" + (summary.isEmpty() ? "anonymous" : summary) + "]";
    }
}
