package dev.kubeclient.auth;

import dev.kubeclient.config.AuthProviderConfig;
import okhttp3.OkHttpClient;

import java.util.function.Consumer;

/** Turns a kubeconfig {@code auth-provider} into a token source, or explains why it cannot. */
final class AuthProviders {

    private AuthProviders() {
    }

    static TokenSource tokenSource(AuthProviderConfig provider, String where, AuthEnvironment environment,
                                   Consumer<OkHttpClient.Builder> network) {
        switch (provider.name()) {
            case "gcp" -> throw new CredentialException("the 'gcp' auth-provider in " + where + " was removed from "
                    + "client-go (Kubernetes 1.26) and is not supported; install gke-gcloud-auth-plugin and use its "
                    + "exec plugin (run 'gcloud container clusters get-credentials' to rewrite the kubeconfig)");
            case "azure" -> throw new CredentialException("the 'azure' auth-provider in " + where + " was removed from "
                    + "client-go (Kubernetes 1.26) and is not supported; install kubelogin and convert the kubeconfig "
                    + "with 'kubelogin convert-kubeconfig' to use its exec plugin");
            case "oidc" -> {
                return new OidcTokenSource(provider, where, environment.clock(), network);
            }
            default -> throw new CredentialException("unknown auth-provider '" + provider.name() + "' in " + where
                    + "; only 'oidc' is supported (use an exec credential plugin for other identity providers)");
        }
    }
}
