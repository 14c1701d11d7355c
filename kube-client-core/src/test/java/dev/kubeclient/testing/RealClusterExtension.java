package dev.kubeclient.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Skips integration tests when no cluster is configured and injects {@link RealCluster} parameters. */
public final class RealClusterExtension implements ExecutionCondition, ParameterResolver {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (RealCluster.isConfigured()) {
            return ConditionEvaluationResult.enabled("integration tests run against " + RealCluster.kubeconfigPath());
        }
        String message = RealCluster.KUBECONFIG_ENV + " is not set: skipping integration tests against a real "
                + "API server (see README: start ../shared/envtest and export it)";
        if (context.getTestMethod().isEmpty()) {
            System.out.println("[kube-client] " + context.getDisplayName() + ": " + message);
        }
        return ConditionEvaluationResult.disabled(message);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RealCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return RealCluster.fromEnvironment();
    }
}
