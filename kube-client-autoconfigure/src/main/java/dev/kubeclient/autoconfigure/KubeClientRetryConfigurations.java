package dev.kubeclient.autoconfigure;

import dev.kubeclient.errors.ApiErrors;
import dev.kubeclient.errors.ConflictException;
import dev.kubeclient.flowcontrol.Backoff;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Retry on conflict, the Spring way: read-modify-update loops that lose an optimistic-concurrency race (HTTP 409)
 * are run again with client-go's {@code retry.DefaultRetry} schedule (10 ms, factor 1, jitter 0.1, 5 attempts).
 * Nothing else is retried.
 */
final class KubeClientRetryConfigurations {

    /** The name of Spring Framework's {@code RetryTemplate} bean. */
    static final String CONFLICT_RETRY_TEMPLATE = "kubeConflictRetryTemplate";
    /** The name of spring-retry's {@code RetryTemplate} bean. */
    static final String SPRING_RETRY_CONFLICT_TEMPLATE = "kubeConflictSpringRetryTemplate";

    private KubeClientRetryConfigurations() {
    }

    /** Spring Framework 7's {@code org.springframework.core.retry.RetryTemplate}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.core.retry.RetryTemplate")
    static class CoreRetryConfiguration {

        @Bean(CONFLICT_RETRY_TEMPLATE)
        @ConditionalOnMissingBean(name = CONFLICT_RETRY_TEMPLATE)
        org.springframework.core.retry.RetryTemplate kubeConflictRetryTemplate() {
            Backoff backoff = Backoff.DEFAULT_RETRY;
            return new org.springframework.core.retry.RetryTemplate(org.springframework.core.retry.RetryPolicy.builder()
                    .predicate(ApiErrors::isConflict)
                    // The backoff stops after steps - 1 waits, so this also bounds the attempts to steps.
                    .backOff(new KubeBackOff(backoff))
                    .build());
        }
    }

    /**
     * spring-retry's {@code org.springframework.retry.support.RetryTemplate}, when spring-retry is on the class
     * path. Its exponential backoff needs a multiplier above 1, so the 10 ms ± 10 % wait is a uniform random
     * 9-11 ms one.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.retry.support.RetryTemplate")
    static class SpringRetryConfiguration {

        @Bean(SPRING_RETRY_CONFLICT_TEMPLATE)
        @ConditionalOnMissingBean(name = SPRING_RETRY_CONFLICT_TEMPLATE)
        org.springframework.retry.support.RetryTemplate kubeConflictSpringRetryTemplate() {
            Backoff backoff = Backoff.DEFAULT_RETRY;
            long base = backoff.duration().toMillis();
            long spread = Math.round(base * backoff.jitter());
            // Causes are traversed, as ApiErrors.isConflict does for the Spring Framework template.
            org.springframework.retry.policy.SimpleRetryPolicy policy = new org.springframework.retry.policy.SimpleRetryPolicy(
                    backoff.steps(), Map.of(ConflictException.class, true), true);
            return org.springframework.retry.support.RetryTemplate.builder()
                    .customPolicy(policy)
                    .uniformRandomBackoff(base - spread, base + spread)
                    .build();
        }
    }
}
