package dev.kubeclient.docs;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.flowcontrol.Backoff;
import dev.kubeclient.flowcontrol.RateLimiter;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.retry.Retry;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceList;

import java.time.Duration;

/**
 * The Java examples of {@code docs/rate-limiting.md}. Compiled, never run; {@link DocsSnippetsTest} checks that the
 * page shows each region exactly as it is here.
 */
@SuppressWarnings("unused")
final class RateLimitingSnippets {

    RestConfig qps(RestConfig config) {
        // tag::qps[]
        RestConfig operator = config.toBuilder()
                .qps(50).burst(100)                  // 50 requests/s steady, 100 at once after a quiet spell
                .maxRetries(10)                      // 429 / 5xx-with-Retry-After re-sends (the default)
                .timeout(Duration.ofSeconds(30))     // bounds every request, limiter wait and retries included
                .build();
        RestConfig unthrottled = config.toBuilder().qps(-1).build();   // no client-side limit at all
        // end::qps[]
        return operator;
    }

    KubeRestClient ownLimiter(RestConfig config) {
        // tag::own-limiter[]
        KubeRestClient rest = KubeRestClient.builder(config)
                .rateLimiter(RateLimiter.tokenBucket(20, 40))   // shared by every client built on `rest`
                .build();
        // end::own-limiter[]
        return rest;
    }

    ConfigMap conflict(Clientset clientset) {
        var configMaps = clientset.coreV1().configMaps("prod");
        // tag::on-conflict[]
        ConfigMap updated = Retry.onConflict(Backoff.DEFAULT_RETRY, () -> {
            ConfigMap cm = configMaps.get("settings");             // read afresh on every attempt
            cm.getData().put("mode", "fast");
            return configMaps.update(cm);                          // 409 Conflict: read, change and try again
        });
        // end::on-conflict[]
        return updated;
    }

    NamespaceList onError(Clientset clientset) {
        // tag::on-error[]
        Backoff outage = new Backoff(Duration.ofSeconds(1), 2.0, 0.1, 6, Duration.ofSeconds(10));  // 1, 2, 4, 8, 10 s
        NamespaceList namespaces = Retry.onError(outage,
                e -> ApiErrors.isServiceUnavailable(e) || ApiErrors.isServerTimeout(e),
                () -> clientset.coreV1().namespaces().list());
        // end::on-error[]
        return namespaces;
    }
}
