package dev.kubeclient.auth;

import dev.kubeclient.config.ExecPluginPolicy;
import dev.kubeclient.observation.ExecPluginRun;

import java.util.Objects;

/**
 * The configuration's {@link ExecPluginPolicy} forbids the exec plugin a kubeconfig asks for, so it was not started.
 * The message names the command, what it resolved to and the policy.
 */
public class ExecPluginDeniedException extends ExecPluginException {

    private static final long serialVersionUID = 1L;

    private final transient ExecPluginPolicy policy;

    /** An exception for {@code command}, refused by {@code policy}. */
    public ExecPluginDeniedException(String message, String command, ExecPluginPolicy policy) {
        super(message, ExecPluginRun.Outcome.DENIED, command, null, null);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The policy that refused the plugin. */
    public ExecPluginPolicy policy() {
        return policy;
    }
}
