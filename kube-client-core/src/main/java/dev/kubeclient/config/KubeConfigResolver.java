package dev.kubeclient.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns one context of a {@link KubeConfig} into a {@link RestConfig}, checking the selected cluster and user the
 * way client-go's {@code ConfirmUsable} does. Only the entries the context uses are checked, so a broken entry for
 * some other cluster does not get in the way.
 */
final class KubeConfigResolver {

    /** In-tree auth providers client-go removed, and the exec plugin that replaced each. */
    private static final Map<String, String> REMOVED_PROVIDERS = Map.of(
            "gcp", "client-go removed the in-tree 'gcp' auth provider (Kubernetes 1.26); install gke-gcloud-auth-plugin "
                    + "and run `gcloud container clusters get-credentials CLUSTER` to rewrite this user as an exec plugin",
            "azure", "client-go removed the in-tree 'azure' auth provider (Kubernetes 1.26); install kubelogin "
                    + "(https://github.com/Azure/kubelogin) and run `kubelogin convert-kubeconfig` to rewrite this user as "
                    + "an exec plugin");

    private static final Set<String> PROXY_SCHEMES = Set.of("http", "https", "socks5");

    private final KubeConfig config;

    KubeConfigResolver(KubeConfig config) {
        this.config = config;
    }

    RestConfig resolve(String requestedContext) {
        boolean explicit = requestedContext != null && !requestedContext.isBlank();
        String contextName = explicit ? requestedContext : config.currentContext();
        if (contextName == null) {
            if (config.contexts().isEmpty()) {
                throw new KubeConfigException("kubeconfig " + files() + " defines no contexts; add one (kubectl config "
                        + "set-context NAME --cluster=... --user=...) and select it (kubectl config use-context NAME)");
            }
            throw new KubeConfigException("no current-context is set in " + files() + " and no context was given; "
                    + "contexts there: " + names(config.contextNames()) + "; select one with `kubectl config use-context "
                    + "NAME` or pass a context name");
        }
        KubeConfigContext context = config.contexts().get(contextName);
        if (context == null) {
            String prefix = explicit
                    ? "context '" + contextName + "' not found in "
                    : "current-context '" + contextName + "' names a context that is not defined in ";
            String message = prefix + files() + "; contexts there: " + names(config.contextNames());
            if (explicit) {
                throw new ContextNotFoundException(message, contextName, config.contextNames(), config.files());
            }
            throw new KubeConfigException(message);
        }
        String contextWhere = "context '" + contextName + "' in " + context.source();

        if (context.cluster() == null) {
            throw new KubeConfigException(contextWhere + " names no cluster; set its cluster to one of: "
                    + names(config.clusters().keySet()));
        }
        KubeConfigCluster cluster = config.clusters().get(context.cluster());
        if (cluster == null) {
            throw new KubeConfigException(contextWhere + " names cluster '" + context.cluster() + "', which is not "
                    + "defined in " + files() + "; clusters there: " + names(config.clusters().keySet()));
        }
        KubeConfigUser user = null;
        if (context.user() != null) {
            user = config.users().get(context.user());
            if (user == null) {
                throw new KubeConfigException(contextWhere + " names user '" + context.user() + "', which is not "
                        + "defined in " + files() + "; users there: " + names(config.users().keySet()));
            }
        }

        String origin = "kubeconfig " + config.describeFiles() + ", context " + contextName;
        RestConfig.Builder builder = RestConfig.builder().origin(origin);
        applyCluster(cluster, builder);
        if (user != null) {
            applyUser(user, cluster, builder);
        }
        if (context.namespace() != null) {
            builder.namespace(context.namespace());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new KubeConfigException(contextWhere + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static void applyCluster(KubeConfigCluster cluster, RestConfig.Builder builder) {
        String where = "cluster '" + cluster.name() + "' in " + cluster.source();
        builder.server(server(cluster, where));
        if (cluster.certificateAuthority() != null && cluster.certificateAuthorityData() != null) {
            throw new KubeConfigException(where + " sets both certificate-authority and certificate-authority-data; "
                    + "keep one of them");
        }
        boolean hasCa = cluster.certificateAuthority() != null || cluster.certificateAuthorityData() != null;
        if (cluster.insecureSkipTlsVerify() && hasCa) {
            // client-go's transport refuses this pair too: a CA that is never checked is a trap.
            throw new KubeConfigException(where + " sets insecure-skip-tls-verify together with a certificate "
                    + "authority; remove insecure-skip-tls-verify (or the CA if you really want no verification)");
        }
        if (cluster.certificateAuthority() != null) {
            requireReadable(cluster.certificateAuthority(), "certificate-authority", where);
            builder.caFile(cluster.certificateAuthority());
        }
        if (cluster.certificateAuthorityData() != null) {
            builder.caData(decode(cluster.certificateAuthorityData()));
        }
        builder.insecureSkipTlsVerify(cluster.insecureSkipTlsVerify())
                .tlsServerName(cluster.tlsServerName())
                .disableCompression(cluster.disableCompression());
        if (cluster.proxyUrl() != null) {
            builder.proxy(proxy(cluster.proxyUrl(), where));
        }
    }

    private static URI server(KubeConfigCluster cluster, String where) {
        String server = cluster.server();
        if (server == null || server.isBlank()) {
            throw new KubeConfigException(where + " has no server; set server: https://HOST:PORT");
        }
        URI uri;
        try {
            uri = new URI(server.trim());
        } catch (URISyntaxException e) {
            throw new KubeConfigException("server '" + server + "' of " + where + " is not a valid URL: "
                    + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            // client-go would guess http:// here; a guessed plain-text URL is not worth the surprise.
            throw new KubeConfigException("server '" + server + "' of " + where + " must start with https:// "
                    + "(or http://), for example https://" + server.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", ""));
        }
        if (uri.getHost() == null) {
            throw new KubeConfigException("server '" + server + "' of " + where + " has no valid host name");
        }
        return uri;
    }

    private static URI proxy(String proxyUrl, String where) {
        // The proxy URL may carry a password, so it is never repeated in a message.
        URI uri;
        try {
            uri = new URI(proxyUrl.trim());
        } catch (URISyntaxException e) {
            throw new KubeConfigException("proxy-url of " + where + " is not a valid URL");
        }
        if (uri.getScheme() == null || !PROXY_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw new KubeConfigException("proxy-url of " + where + " must be an http://, https:// or socks5:// URL "
                    + "with a host");
        }
        return uri;
    }

    private static void applyUser(KubeConfigUser user, KubeConfigCluster cluster, RestConfig.Builder builder) {
        String where = "user '" + user.name() + "' in " + user.source();
        boolean token = user.token() != null || user.tokenFile() != null;
        boolean basic = user.username() != null || user.password() != null;
        if (token && basic) {
            throw new KubeConfigException(where + " sets both a token and username/password; only one of these "
                    + "authentication methods is allowed");
        }
        if (user.exec() != null && user.authProvider() != null) {
            throw new KubeConfigException(where + " sets both exec and auth-provider; keep one of them");
        }
        if (user.impersonate() == null && (user.impersonateUid() != null || !user.impersonateGroups().isEmpty()
                || !user.impersonateUserExtra().isEmpty())) {
            throw new KubeConfigException(where + " sets as-uid, as-groups or as-user-extra without as; "
                    + "impersonating needs a user name in as");
        }
        if (user.clientCertificate() != null && user.clientCertificateData() != null) {
            throw new KubeConfigException(where + " sets both client-certificate and client-certificate-data; "
                    + "keep one of them");
        }
        if (user.clientKey() != null && user.clientKeyData() != null) {
            throw new KubeConfigException(where + " sets both client-key and client-key-data; keep one of them");
        }
        boolean cert = user.clientCertificate() != null || user.clientCertificateData() != null;
        boolean key = user.clientKey() != null || user.clientKeyData() != null;
        if (cert && !key) {
            throw new KubeConfigException(where + " has a client certificate but no client-key or client-key-data; "
                    + "add the private key that belongs to it");
        }
        if (key && !cert) {
            throw new KubeConfigException(where + " has a client key but no client-certificate or "
                    + "client-certificate-data; add the certificate that belongs to it");
        }

        if (user.token() != null) {
            builder.bearerToken(user.token());
        }
        if (user.tokenFile() != null) {
            requireReadable(user.tokenFile(), "tokenFile", where);
            builder.bearerTokenFile(user.tokenFile());
        }
        builder.username(user.username()).password(user.password());
        if (user.clientCertificate() != null) {
            requireReadable(user.clientCertificate(), "client-certificate", where);
            builder.clientCertFile(user.clientCertificate());
        }
        if (user.clientCertificateData() != null) {
            builder.clientCertData(decode(user.clientCertificateData()));
        }
        if (user.clientKey() != null) {
            requireReadable(user.clientKey(), "client-key", where);
            builder.clientKeyFile(user.clientKey());
        }
        if (user.clientKeyData() != null) {
            builder.clientKeyData(decode(user.clientKeyData()));
        }
        if (user.impersonate() != null) {
            builder.impersonation(new Impersonation(user.impersonate(), user.impersonateUid(),
                    user.impersonateGroups(), user.impersonateUserExtra()));
        }
        if (user.exec() != null) {
            builder.exec(exec(user.exec(), cluster, where));
        }
        if (user.authProvider() != null) {
            String removed = REMOVED_PROVIDERS.get(user.authProvider().name().toLowerCase(Locale.ROOT));
            if (removed != null) {
                throw new KubeConfigException(where + " uses auth-provider '" + user.authProvider().name() + "': "
                        + removed);
            }
            builder.authProvider(user.authProvider());
        }
    }

    private static ExecConfig exec(KubeConfigExec exec, KubeConfigCluster cluster, String userWhere) {
        String where = "the exec plugin of " + userWhere;
        if (exec.command() == null) {
            throw new KubeConfigException(where + " has no command; set exec.command to the plugin's executable");
        }
        if (exec.apiVersion() == null) {
            throw new KubeConfigException(where + " has no apiVersion; set exec.apiVersion (usually "
                    + "client.authentication.k8s.io/v1)");
        }
        ExecConfig.InteractiveMode mode;
        if (exec.interactiveMode() == null) {
            // client-go defaults the mode only for the beta and alpha APIs; v1 made it mandatory.
            if (exec.apiVersion().endsWith("/v1beta1") || exec.apiVersion().endsWith("/v1alpha1")) {
                mode = ExecConfig.InteractiveMode.IF_AVAILABLE;
            } else {
                throw new KubeConfigException(where + " has no interactiveMode, which " + exec.apiVersion()
                        + " requires; add interactiveMode: IfAvailable (or Never, or Always)");
            }
        } else {
            mode = switch (exec.interactiveMode()) {
                case "Never" -> ExecConfig.InteractiveMode.NEVER;
                case "IfAvailable" -> ExecConfig.InteractiveMode.IF_AVAILABLE;
                case "Always" -> ExecConfig.InteractiveMode.ALWAYS;
                default -> throw new KubeConfigException(where + " has interactiveMode '" + exec.interactiveMode()
                        + "'; use one of Never, IfAvailable, Always");
            };
        }
        Object extension = exec.provideClusterInfo() ? cluster.extensions().get(KubeConfigCluster.EXEC_EXTENSION) : null;
        return new ExecConfig(exec.apiVersion(), exec.command(), exec.args(), exec.env(), exec.installHint(),
                exec.provideClusterInfo(), extension, mode, null);
    }

    private static void requireReadable(Path file, String field, String where) {
        ConfigFiles.problemReading(file).ifPresent(problem -> {
            throw new KubeConfigException(field + " of " + where + " names " + file + ", which " + problem
                    + "; fix the path (a relative path is resolved against the folder of the kubeconfig that defines "
                    + "it)");
        });
    }

    /** Already checked by the parser; decoded here as the bytes the transport needs. */
    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private String files() {
        List<Path> files = config.files();
        return files.size() == 1 ? files.get(0).toString()
                : files.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    private static String names(Collection<String> names) {
        return names.isEmpty() ? "(none)" : names.stream().sorted().collect(Collectors.joining(", "));
    }
}
