package dev.kubeclient.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings of the sample application.
 *
 * @param kubeconfig a kubeconfig file to use instead of autodetection ($KUBECONFIG, ~/.kube/config, in-cluster)
 * @param namespace the namespace the sample ConfigMap is applied in; the config's namespace when unset
 * @param fieldManager the field manager the sample applies with
 */
@ConfigurationProperties("sample")
public record SampleProperties(Path kubeconfig, String namespace, String fieldManager) {

    public SampleProperties {
        fieldManager = fieldManager == null ? "kube-client-sample" : fieldManager;
    }
}
