package dev.kubeclient.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Building an exec plugin policy, and carrying it on a RestConfig. */
class ExecPluginPolicyTest {

    @Test
    void anEmptyAllowlistIsRejectedPointingAtDenyAll() {
        assertThatThrownBy(() -> ExecPluginPolicy.allowlist(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ExecPluginPolicy ALLOWLIST needs at least one entry; use DENY_ALL to forbid every plugin");
    }

    @Test
    void aRelativePathEntryIsRejected() {
        assertThatThrownBy(() -> ExecPluginPolicy.allowlist("bin/kubelogin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ExecPluginPolicy allowlist entry 'bin/kubelogin' is a relative path; give a bare command "
                        + "name or an absolute path");
    }

    @Test
    void aBlankEntryIsRejected() {
        assertThatThrownBy(() -> ExecPluginPolicy.allowlist("kubelogin", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ExecPluginPolicy allowlist entries must not be blank");
    }

    @Test
    void anAllowlistWithAnotherTypeIsRejected() {
        assertThatThrownBy(() -> new ExecPluginPolicy(ExecPluginPolicy.Type.DENY_ALL, List.of("kubelogin")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ExecPluginPolicy DENY_ALL takes no allowlist; use ALLOWLIST");
    }

    @Test
    void namesUnixAndWindowsAbsolutePathsAreAccepted() {
        ExecPluginPolicy policy = ExecPluginPolicy.allowlist("kubelogin", "/usr/local/bin/aws",
                "C:\\tools\\kubelogin.exe", "\\\\corp\\tools\\login.cmd");

        assertThat(policy.describe()).isEqualTo("Allowlist[kubelogin, /usr/local/bin/aws, C:\\tools\\kubelogin.exe, "
                + "\\\\corp\\tools\\login.cmd]");
    }

    @Test
    void restConfigAllowsAllByDefaultAndKeepsAPolicyThroughToBuilder() {
        RestConfig config = RestConfig.builder().server("https://k8s.example").build();
        assertThat(config.execPluginPolicy()).isEqualTo(ExecPluginPolicy.ALLOW_ALL);

        RestConfig denied = config.toBuilder().execPluginPolicy(ExecPluginPolicy.DENY_ALL).build();

        assertThat(denied.toBuilder().build().execPluginPolicy()).isEqualTo(ExecPluginPolicy.DENY_ALL);
        assertThat(denied).isNotEqualTo(config);
        assertThat(denied.toString()).contains("execPluginPolicy=DenyAll");
        assertThat(config.toBuilder().execPluginPolicy(null).build().execPluginPolicy())
                .isEqualTo(ExecPluginPolicy.ALLOW_ALL);
    }
}
