/**
 * Spring Boot test support: {@link dev.kubeclient.testing.spring.AutoConfigureKubeApiServer} points the kube-client
 * starter at an in-JVM API server. Needs {@code kube-client-autoconfigure} on the test class path (it is an
 * optional dependency of the test kit).
 */
package dev.kubeclient.testing.spring;
