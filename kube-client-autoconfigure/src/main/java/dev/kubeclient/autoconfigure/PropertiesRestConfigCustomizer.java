package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ExecPluginPolicy;
import dev.kubeclient.config.Impersonation;
import dev.kubeclient.config.RestConfig;
import org.springframework.core.Ordered;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The starter's defaults, applied as the order-0 {@link RestConfigCustomizer}: QPS and burst (or no client-side
 * limit), user agent, field manager, namespace, impersonation, timeouts, retries and the wire-trace level from
 * {@code kube.client.*}. Each value is checked here so that a bad one fails at start-up naming its property.
 */
final class PropertiesRestConfigCustomizer implements RestConfigCustomizer, Ordered {

    /** The field manager when neither {@code kube.client.field-manager} nor {@code spring.application.name} is set. */
    static final String DEFAULT_FIELD_MANAGER = "kube-client";

    private final KubeClientProperties properties;
    private final String applicationName;

    PropertiesRestConfigCustomizer(KubeClientProperties properties, String applicationName) {
        this.properties = properties;
        this.applicationName = applicationName == null || applicationName.isBlank() ? null : applicationName.trim();
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public void customize(RestConfig.Builder builder) {
        applyRateLimits(builder);
        builder.userAgent(userAgent());
        builder.fieldManager(fieldManager());
        if (properties.getNamespace() != null && !properties.getNamespace().isBlank()) {
            builder.namespace(properties.getNamespace().trim());
        }
        KubeClientProperties.Impersonate impersonate = properties.getImpersonate();
        if (impersonate.isEnabled()) {
            builder.impersonation(new Impersonation(impersonate.getUser(), impersonate.getUid(),
                    impersonate.getGroups(), impersonate.getExtra()));
        }
        builder.connectTimeout(nonNegative("kube.client.connect-timeout", properties.getConnectTimeout(), "30s"));
        builder.timeout(nonNegative("kube.client.request-timeout", properties.getRequestTimeout(), "0 (no limit) or 30s"));
        if (properties.getMaxRetries() < 0) {
            throw new InvalidKubeClientPropertyException("kube.client.max-retries", properties.getMaxRetries(),
                    "must not be negative", "Set kube.client.max-retries to 0 (no Retry-After retries) or more; "
                    + "client-go uses " + RestConfig.DEFAULT_MAX_RETRIES + ".");
        }
        builder.maxRetries(properties.getMaxRetries());
        builder.wireFormat(properties.getWireFormat());
        if (properties.getWireTraceLevel() < 0 || properties.getWireTraceLevel() > 9) {
            throw new InvalidKubeClientPropertyException("kube.client.wire-trace-level", properties.getWireTraceLevel(),
                    "is not a kubectl -v level", "Set kube.client.wire-trace-level between 0 (off) and 9 (bodies).");
        }
        builder.traceLevel(properties.getWireTraceLevel());
        builder.execPluginPolicy(execPluginPolicy());
    }

    private ExecPluginPolicy execPluginPolicy() {
        KubeClientProperties.ExecPolicy policy = properties.getExecPluginPolicy();
        List<String> allowed = policy.getAllowed() == null ? List.of() : policy.getAllowed();
        if (policy.getMode() != KubeClientProperties.ExecPluginPolicyMode.ALLOWLIST && !allowed.isEmpty()) {
            throw new InvalidKubeClientPropertyException("kube.client.exec-plugin-policy.allowed", allowed,
                    "is only used when kube.client.exec-plugin-policy.mode is allowlist, but the mode is "
                    + policy.getMode().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "Set kube.client.exec-plugin-policy.mode=allowlist, or remove kube.client.exec-plugin-policy.allowed.");
        }
        return switch (policy.getMode()) {
            case ALLOW_ALL -> ExecPluginPolicy.ALLOW_ALL;
            case DENY_ALL -> ExecPluginPolicy.DENY_ALL;
            case ALLOWLIST -> {
                try {
                    yield ExecPluginPolicy.allowlist(allowed.stream().map(String::trim).toList());
                } catch (IllegalArgumentException e) {
                    throw new InvalidKubeClientPropertyException("kube.client.exec-plugin-policy.allowed", allowed,
                            e.getMessage(), "List bare command names (kubelogin) or absolute paths "
                            + "(/usr/local/bin/kubelogin) in kube.client.exec-plugin-policy.allowed, or set the mode to "
                            + "deny-all to forbid every plugin.");
                }
            }
        };
    }

    private void applyRateLimits(RestConfig.Builder builder) {
        if (properties.getRateLimiter() == KubeClientProperties.RateLimiterMode.OFF) {
            builder.qps(-1);
            return;
        }
        float qps = properties.getQps();
        if (!(qps > 0) || Float.isInfinite(qps)) {
            throw new InvalidKubeClientPropertyException("kube.client.qps", qps,
                    "must be a positive number while the rate limiter is on",
                    "Set kube.client.qps above 0 (client-go uses " + RestConfig.DEFAULT_QPS + "; operators often use "
                    + "20 to 50), or set kube.client.rate-limiter=off (or auto on servers with API Priority and Fairness).");
        }
        if (properties.getBurst() < 1) {
            throw new InvalidKubeClientPropertyException("kube.client.burst", properties.getBurst(),
                    "must be at least 1 while the rate limiter is on (a bucket of " + properties.getBurst()
                    + " tokens never lets a request through)",
                    "Set kube.client.burst to 1 or more (client-go uses " + RestConfig.DEFAULT_BURST + "; about twice "
                    + "kube.client.qps is usual), or set kube.client.rate-limiter=off.");
        }
        builder.qps(qps).burst(properties.getBurst());
    }

    private String userAgent() {
        if (properties.getUserAgent() != null && !properties.getUserAgent().isBlank()) {
            return properties.getUserAgent().trim();
        }
        // Audit logs and API Priority and Fairness tell applications apart by this header.
        return applicationName == null ? null : applicationName + " kube-client/" + LibraryVersion.get();
    }

    private String fieldManager() {
        if (properties.getFieldManager() != null && !properties.getFieldManager().isBlank()) {
            return properties.getFieldManager().trim();
        }
        return applicationName != null ? applicationName : DEFAULT_FIELD_MANAGER;
    }

    private static Duration nonNegative(String property, Duration value, String example) {
        if (value == null || value.isNegative()) {
            throw new InvalidKubeClientPropertyException(property, value, "must be zero or positive",
                    "Set " + property + " to a duration such as " + example + ".");
        }
        return value;
    }
}
