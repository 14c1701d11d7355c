package dev.kubeclient.autoconfigure.docs;

import dev.kubeclient.clientset.Clientset;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Service;

/**
 * The Spring Boot examples of {@code docs/rate-limiting.md}, compiled here; {@code DocsSnippetsTest} in core checks
 * that the page quotes these regions exactly.
 */
@SuppressWarnings("unused")
final class RateLimitingSpringSnippets {

    private RateLimitingSpringSnippets() {
    }

    // tag::retry-template[]
    @Service
    static class Settings {

        private final Clientset clientset;
        private final RetryTemplate conflictRetry;

        Settings(Clientset clientset, @Qualifier("kubeConflictRetryTemplate") RetryTemplate conflictRetry) {
            this.clientset = clientset;
            this.conflictRetry = conflictRetry;
        }

        ConfigMap setMode(String namespace, String mode) {
            var configMaps = clientset.coreV1().configMaps(namespace);
            return conflictRetry.invoke(() -> {              // unchecked; the last ConflictException if all fail
                ConfigMap cm = configMaps.get("settings");
                cm.getData().put("mode", mode);
                return configMaps.update(cm);
            });
        }
    }
    // end::retry-template[]
}
