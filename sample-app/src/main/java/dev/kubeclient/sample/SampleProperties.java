package dev.kubeclient.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sample application (prefix {@code sample}); the client itself is configured with
 * {@code kube.client.*}.
 *
 * @param configMap the name of the ConfigMap the sample server-side applies at start-up
 * @param embeddedCluster whether to run against the test kit's in-JVM API server: {@code auto} does so only when no
 *                        kubeconfig and no in-cluster configuration can be found
 * @param watch whether to keep a resilient watch on the ConfigMaps of the namespace and log each change
 */
@ConfigurationProperties("sample")
public record SampleProperties(@DefaultValue("kube-client-sample") String configMap,
                               @DefaultValue("auto") EmbeddedCluster embeddedCluster,
                               @DefaultValue("true") boolean watch) {

    /** When the sample starts the in-JVM API server instead of using a real cluster. */
    public enum EmbeddedCluster {
        /** Only when neither a kubeconfig nor an in-cluster configuration is found. */
        AUTO,
        /** Always, even when a cluster is configured. */
        ALWAYS,
        /** Never: without a cluster, start-up fails with the starter's failure analysis. */
        NEVER
    }
}
