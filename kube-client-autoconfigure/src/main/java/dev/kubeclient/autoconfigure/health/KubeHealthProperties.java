package dev.kubeclient.autoconfigure.health;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Settings of the Kubernetes API server health indicator, under {@code management.health.kube}. */
@ConfigurationProperties("management.health.kube")
public class KubeHealthProperties {

    /** How long one probe of the API server (/readyz, or /healthz where it is missing, then /version) may take. */
    private Duration timeout = Duration.ofSeconds(2); // KubeHealthIndicator.DEFAULT_TIMEOUT, written out for the metadata

    /** How long an answer is reused before the API server is asked again; zero asks on every health request. */
    private Duration cacheTtl = Duration.ofSeconds(5); // KubeHealthIndicator.DEFAULT_CACHE_TTL

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getCacheTtl() {
        return cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
        this.cacheTtl = cacheTtl;
    }
}
