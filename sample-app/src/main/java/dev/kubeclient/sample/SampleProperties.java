package dev.kubeclient.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample application. Where the cluster is and how to call it are the starter's
 * {@code kube.client.*} properties ({@code kube.client.kubeconfig}, {@code kube.client.field-manager}...).
 *
 * @param namespace the namespace the sample ConfigMap is applied in; the config's namespace when unset
 */
@ConfigurationProperties("sample")
public record SampleProperties(String namespace) {
}
