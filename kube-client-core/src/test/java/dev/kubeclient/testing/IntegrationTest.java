package dev.kubeclient.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that talks to a real API server. It runs when {@value RealCluster#KUBECONFIG_ENV} names a
 * kubeconfig (CI points it at the envtest kube-apiserver) and is skipped, with a message saying so, when it is
 * unset. Name such classes {@code *IT} so Failsafe runs them in {@code verify}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@ExtendWith(RealClusterExtension.class)
public @interface IntegrationTest {
}
