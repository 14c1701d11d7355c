package dev.kubeclient.discovery;

import dev.kubeclient.scheme.GroupVersion;

import dev.kubeclient.errors.KubeClientException;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Some group-versions could not be discovered (client-go's {@code ErrGroupDiscoveryFailed}). The message names each
 * one with its reason; {@link #partialResult()} holds what was discovered anyway.
 */
public class GroupDiscoveryFailedException extends KubeClientException {

    private static final long serialVersionUID = 1L;

    private final transient ServerResources partialResult;

    /** An exception for the failures of this partial result. */
    public GroupDiscoveryFailedException(ServerResources partialResult) {
        super(describe(partialResult.failures()), partialResult.failures().values().stream().findFirst().orElse(null));
        this.partialResult = partialResult;
    }

    /** What was discovered, failures included. */
    public ServerResources partialResult() {
        return partialResult;
    }

    /** The failed group-versions and why each failed. */
    public Map<GroupVersion, KubeClientException> failures() {
        return partialResult.failures();
    }

    private static String describe(Map<GroupVersion, KubeClientException> failures) {
        return "unable to retrieve the complete list of server APIs: " + failures.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().getMessage())
                .collect(Collectors.joining("; "));
    }
}
