/**
 * JUnit 5 support for the in-JVM API server: {@link dev.kubeclient.testing.junit.EnableKubeApiServer} starts one
 * per test class or per test and injects it, a {@code Clientset}, the {@code RestConfig} and a kubeconfig path.
 */
package dev.kubeclient.testing.junit;
