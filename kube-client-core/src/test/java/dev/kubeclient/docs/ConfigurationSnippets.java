package dev.kubeclient.docs;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.ConfigSource;
import dev.kubeclient.config.KubeConfig;
import dev.kubeclient.config.KubeConfigLoader;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.config.RestConfigs;

import java.nio.file.Path;
import java.util.Map;

/**
 * The Java examples of {@code docs/configuration.md}. Compiled, never run; {@link DocsSnippetsTest} checks that the
 * page shows each region exactly as it is here.
 */
@SuppressWarnings("unused")
final class ConfigurationSnippets {

    void forTools() {
        // tag::tools[]
        KubeConfig kubeconfig = new KubeConfigLoader().load();
        System.out.println(kubeconfig.contextNames() + ", current: " + kubeconfig.currentContextName().orElse("none"));
        RestConfig staging = kubeconfig.restConfig("staging");
        // end::tools[]
    }

    void testing() {
        // tag::environment[]
        ConfigEnvironment env = new ConfigEnvironment(Map.of("KUBECONFIG", "/tmp/a:/tmp/b"), Path.of("/tmp/home"),
                Path.of("/tmp/serviceaccount"));
        RestConfig config = RestConfigs.autodetect(ConfigSource.AUTO, env);
        // end::environment[]
    }
}
