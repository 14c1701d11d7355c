package dev.kubeclient.autoconfigure.health;

import dev.kubeclient.autoconfigure.support.TestKubeClientConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** When the {@code kube} health indicator exists, and which health groups it joins. */
class KubeClientHealthContributorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientHealthContributorAutoConfiguration.class))
            .withUserConfiguration(TestKubeClientConfiguration.class)
            .withPropertyValues("test.kube.server=https://kube.example:6443");

    @Test
    void theIndicatorIsNamedKubeAndUsesTheConfiguredTimeouts() {
        runner.withPropertyValues("management.health.kube.timeout=1s", "management.health.kube.cache-ttl=10s")
                .run(context -> {
                    assertThat(context).hasSingleBean(KubeHealthIndicator.class).hasBean("kubeHealthIndicator");
                    assertThat(context.getBean(KubeHealthIndicator.class).toString())
                            .contains("timeout=PT1S").contains("cacheTtl=PT10S");
                });
    }

    @Test
    void itCanBeSwitchedOffTheUsualWay() {
        runner.withPropertyValues("management.health.kube.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(KubeHealthIndicator.class));
    }

    @Test
    void itNeedsAKubeRestClient() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KubeClientHealthContributorAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(KubeHealthIndicator.class));
    }

    @Test
    void itBacksOffWithoutSpringBootsHealthSupport() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health.contributor"))
                .run(context -> assertThat(context).doesNotHaveBean(KubeHealthIndicator.class));
    }

    @Test
    void itJoinsNeitherProbeGroupByDefaultAndReadinessWhenIncluded() {
        ApplicationContextRunner withEndpoint = runner.withConfiguration(AutoConfigurations.of(
                        ApplicationAvailabilityAutoConfiguration.class, HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
                        HealthEndpointAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
                .withPropertyValues("management.endpoint.health.probes.enabled=true");
        withEndpoint.run(context -> {
            HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
            assertThat(groups.get("liveness").isMember("kube")).isFalse();
            assertThat(groups.get("readiness").isMember("kube")).isFalse();
            assertThat(groups.getPrimary().isMember("kube")).isTrue();
        });
        withEndpoint.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState,kube")
                .run(context -> {
                    HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
                    assertThat(groups.get("readiness").isMember("kube")).isTrue();
                    assertThat(groups.get("liveness").isMember("kube")).isFalse();
                });
    }
}
