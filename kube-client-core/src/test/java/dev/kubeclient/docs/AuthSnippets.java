package dev.kubeclient.docs;

import dev.kubeclient.auth.Authentication;
import dev.kubeclient.config.RestConfig;

/**
 * The Java examples of {@code docs/auth.md}. Compiled, never run; {@link DocsSnippetsTest} checks that the page
 * shows each region exactly as it is here.
 */
@SuppressWarnings("unused")
final class AuthSnippets {

    void authentication(RestConfig restConfig) {
        // tag::authentication[]
        Authentication auth = Authentication.forConfig(restConfig);           // real clock, environment, console
        auth.tokenSource();          // Optional<TokenSource>: the bearer token, per request
        auth.clientCertificates();   // Optional<ClientCertificateSource>: the mutual-TLS certificate, per connection
        auth.basicAuthorization();   // Optional<String>: a ready "Basic ..." header value
        // end::authentication[]
    }
}
