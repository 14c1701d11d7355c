package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.observation.KubeClientListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the server is and how to call it: connection details (properties-backed unless the user has some) →
 * the properties as the order-0 customizer → the user's {@link RestConfigCustomizer}s in order → the
 * {@link KubeClientListener} beans composed onto the configuration's listener.
 */
@Configuration(proxyBeanMethods = false)
class KubeClientConnectionConfiguration {

    @Bean
    @ConditionalOnMissingBean(KubeClientConnectionDetails.class)
    PropertiesKubeClientConnectionDetails kubeClientConnectionDetails(KubeClientProperties properties,
                                                                     ObjectProvider<ConfigEnvironment> environment) {
        return new PropertiesKubeClientConnectionDetails(properties, environment.getIfAvailable(ConfigEnvironment::system));
    }

    @Bean
    PropertiesRestConfigCustomizer kubeClientPropertiesRestConfigCustomizer(KubeClientProperties properties,
                                                                           Environment environment) {
        return new PropertiesRestConfigCustomizer(properties, environment.getProperty("spring.application.name"));
    }

    @Bean
    @ConditionalOnMissingBean
    RestConfig kubeRestConfig(KubeClientConnectionDetails connectionDetails,
                              ObjectProvider<RestConfigCustomizer> customizers,
                              ObjectProvider<KubeClientListener> listeners,
                              ObjectProvider<ConfigEnvironment> environment) {
        RestConfig base = connectionDetails.getRestConfig();
        RestConfig.Builder builder = base.toBuilder();
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        RestConfig config = builder.build();
        List<KubeClientListener> all = new ArrayList<>();
        if (config.listener() != KubeClientListener.NONE) {
            all.add(config.listener());
        }
        listeners.orderedStream().forEach(all::add);
        if (!all.isEmpty()) {
            config = config.toBuilder().listener(all.size() == 1 ? all.get(0) : KubeClientListener.composite(all)).build();
        }
        ExecPluginCheck.requireInstalled(config, environment.getIfAvailable(ConfigEnvironment::system));
        return config;
    }
}
