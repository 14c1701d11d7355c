package dev.kubeclient.docs;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.errors.AlreadyExistsException;
import dev.kubeclient.errors.ApiErrorCause;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.errors.InvalidException;
import dev.kubeclient.errors.KubeApiException;
import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.errors.NotFoundException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * The Java examples of {@code docs/errors.md}. Compiled, never run; {@link DocsSnippetsTest} checks that the page
 * shows each region exactly as it is here.
 */
@SuppressWarnings("unused")
final class ErrorsSnippets {

    private static final Logger log = LoggerFactory.getLogger(ErrorsSnippets.class);

    ConfigMap byType(Clientset clientset, ConfigMap desired) {
        var configMaps = clientset.coreV1().configMaps("prod");
        // tag::by-type[]
        try {
            return configMaps.create(desired);
        } catch (AlreadyExistsException e) {               // 409 with reason AlreadyExists
            return configMaps.get(desired.getMetadata().getName());
        } catch (KubeApiException e) {                     // any other answer outside 2xx
            log.warn("{} {} answered {} {}: {}", e.method(), e.path(), e.code(), e.reason(), e.statusMessage());
            throw e;
        }
        // end::by-type[]
    }

    Optional<ConfigMap> helpers(Clientset clientset) {
        var configMaps = clientset.coreV1().configMaps("prod");
        // tag::helpers[]
        try {
            return Optional.of(configMaps.get("settings"));
        } catch (RuntimeException e) {
            if (ApiErrors.isNotFound(e)) {                 // looks through the cause chain too
                return Optional.empty();
            }
            throw e;
        }
        // end::helpers[]
    }

    void delay(RuntimeException e) throws InterruptedException {
        // tag::delay[]
        Optional<Duration> wait = ApiErrors.suggestsClientDelay(e);   // Retry-After, or Status.details.retryAfterSeconds
        if (wait.isPresent()) {
            Thread.sleep(wait.get().toMillis());
        }
        // end::delay[]
    }

    void invalid(Clientset clientset, ConfigMap cm) {
        // tag::invalid[]
        try {
            clientset.coreV1().configMaps("prod").create(cm);
        } catch (InvalidException e) {                     // 422
            for (ApiErrorCause cause : e.fieldCauses()) {
                log.warn("{}: {} ({})", cause.field(), cause.message(), cause.reason());
            }
        }
        // end::invalid[]
    }

    void transport(Clientset clientset) {
        // tag::transport[]
        try {
            clientset.coreV1().namespaces().list();
        } catch (KubeApiException e) {
            // the server answered, with a Status
        } catch (KubeClientException e) {
            // no answer: connection refused, TLS handshake, timeout, interrupt, credentials, rate-limiter wait;
            // e.getCause() is the IOException or the typed credential failure
        }
        // end::transport[]
    }
}
