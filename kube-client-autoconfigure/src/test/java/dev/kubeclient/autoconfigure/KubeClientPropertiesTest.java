package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.ExecPluginPolicy;
import dev.kubeclient.config.Impersonation;
import dev.kubeclient.config.RestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kube.client property is bound and reaches the RestConfig; the defaults are client-go's. */
class KubeClientPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class))
            .withBean(KubeClientConnectionDetails.class,
                    () -> () -> RestConfig.builder().server("https://a.example").namespace("from-details").build());

    @Test
    void theDefaultsAreClientGosAndVisibleInTheProperties() {
        KubeClientProperties defaults = new KubeClientProperties();
        assertThat(defaults.getMode()).isEqualTo(KubeClientProperties.Mode.AUTO);
        assertThat(defaults.getQps()).isEqualTo(RestConfig.DEFAULT_QPS);
        assertThat(defaults.getBurst()).isEqualTo(RestConfig.DEFAULT_BURST);
        assertThat(defaults.getMaxRetries()).isEqualTo(RestConfig.DEFAULT_MAX_RETRIES);
        assertThat(defaults.getConnectTimeout()).isEqualTo(RestConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(defaults.getRequestTimeout()).isZero();
        assertThat(defaults.getRateLimiter()).isEqualTo(KubeClientProperties.RateLimiterMode.TOKEN_BUCKET);
        assertThat(defaults.getExecPluginPolicy().getMode()).isEqualTo(KubeClientProperties.ExecPluginPolicyMode.ALLOW_ALL);
        runner.run(context -> {
            RestConfig config = context.getBean(RestConfig.class);
            assertThat(config.qps()).isEqualTo(RestConfig.DEFAULT_QPS);
            assertThat(config.burst()).isEqualTo(RestConfig.DEFAULT_BURST);
            assertThat(config.namespace()).isEqualTo("from-details");
            assertThat(config.execPluginPolicy()).isEqualTo(ExecPluginPolicy.ALLOW_ALL);
        });
    }

    @Test
    void everyPropertyIsBoundAndApplied() {
        runner.withPropertyValues("kube.client.mode=in-cluster", "kube.client.kubeconfig=/k", "kube.client.context=dev",
                "kube.client.namespace=apps", "kube.client.server=https://b.example", "kube.client.qps=25.5",
                "kube.client.burst=50", "kube.client.rate-limiter=auto", "kube.client.max-rate-limiter-wait=3s",
                "kube.client.user-agent=my-agent", "kube.client.field-manager=my-manager",
                "kube.client.connect-timeout=5s", "kube.client.request-timeout=1m", "kube.client.max-retries=3", "kube.client.wire-format=json",
                "kube.client.wire-trace-level=6", "kube.client.insecure-skip-tls-verify=true",
                "kube.client.tls-server-name=api.internal", "kube.client.impersonate.user=alice",
                "kube.client.impersonate.uid=42", "kube.client.impersonate.groups=devs,ops",
                "kube.client.impersonate.extra.scopes=view,edit", "kube.client.exec-plugin-policy.mode=allowlist",
                "kube.client.exec-plugin-policy.allowed=kubelogin,/opt/bin/aws-iam-authenticator").run(context -> {
            KubeClientProperties p = context.getBean(KubeClientProperties.class);
            assertThat(p.getMode()).isEqualTo(KubeClientProperties.Mode.IN_CLUSTER);
            assertThat(p.getKubeconfig()).isEqualTo("/k");
            assertThat(p.getContext()).isEqualTo("dev");
            assertThat(p.getServer()).hasToString("https://b.example");
            assertThat(p.getRateLimiter()).isEqualTo(KubeClientProperties.RateLimiterMode.AUTO);
            assertThat(p.getMaxRateLimiterWait()).isEqualTo(Duration.ofSeconds(3));
            assertThat(p.isInsecureSkipTlsVerify()).isTrue();
            assertThat(p.getTlsServerName()).isEqualTo("api.internal");
            // The "where" properties belong to the properties-backed connection details, replaced here by a bean;
            // the tuning ones reach the RestConfig.
            RestConfig config = context.getBean(RestConfig.class);
            assertThat(config.namespace()).isEqualTo("apps");
            assertThat(config.qps()).isEqualTo(25.5f);
            assertThat(config.burst()).isEqualTo(50);
            assertThat(config.userAgent()).isEqualTo("my-agent");
            assertThat(config.fieldManager()).isEqualTo("my-manager");
            assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(config.timeout()).isEqualTo(Duration.ofMinutes(1));
            assertThat(config.maxRetries()).isEqualTo(3);
            assertThat(config.wireFormat()).isEqualTo(dev.kubeclient.config.WireFormat.JSON);
            assertThat(config.traceLevel()).isEqualTo(6);
            assertThat(config.impersonation()).isEqualTo(new Impersonation("alice", "42", List.of("devs", "ops"),
                    Map.of("scopes", List.of("view", "edit"))));
            assertThat(config.execPluginPolicy())
                    .isEqualTo(ExecPluginPolicy.allowlist("kubelogin", "/opt/bin/aws-iam-authenticator"));
        });
    }

    @Test
    void rateLimiterOffSwitchesClientSideLimitingOff() {
        runner.withPropertyValues("kube.client.rate-limiter=off")
                .run(context -> assertThat(context.getBean(RestConfig.class).rateLimited()).isFalse());
    }

    @Test
    void anAllowlistedExecPluginThatIsInstalledLetsTheContextStart(@TempDir Path dir) {
        Path plugin = Fixtures.write(dir.resolve("bin/kube-login"), "#!/bin/sh\nexit 1\n");
        assertThat(plugin.toFile().setExecutable(true)).isTrue();
        Path kubeconfig = Fixtures.execKubeconfig(dir, "https://a.example", "kube-login", "Install kube-login");
        ConfigEnvironment environment = Fixtures.environment(dir.resolve("home"), dir.resolve("no-serviceaccount"),
                Map.of("PATH", plugin.getParent().toString()));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KubeClientAutoConfiguration.class))
                .withBean(ConfigEnvironment.class, () -> environment)
                .withPropertyValues("kube.client.kubeconfig=" + kubeconfig, "kube.client.exec-plugin-policy.mode=allowlist",
                        "kube.client.exec-plugin-policy.allowed=" + plugin)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(RestConfig.class).execPluginPolicy())
                            .isEqualTo(ExecPluginPolicy.allowlist(plugin.toString()));
                });
    }
}
