package dev.kubeclient.autoconfigure.docs;

import dev.kubeclient.autoconfigure.OkHttpClientBuilderCustomizer;
import dev.kubeclient.autoconfigure.RestConfigCustomizer;
import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.clientset.ResourceClient;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.retry.RetryException;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.net.URI;

/**
 * The Java examples of {@code docs/spring-boot.md}, compiled here; {@code DocsSnippetsTest} in core checks that the
 * page quotes these regions exactly.
 */
@SuppressWarnings("unused")
final class SpringBootSnippets {

    private SpringBootSnippets() {
    }

    // tag::service[]
    @Service
    class Deployer {
        private final Clientset clientset;

        Deployer(Clientset clientset) {
            this.clientset = clientset;
        }

        ConfigMap settings(String namespace) {
            return clientset.coreV1().configMaps(namespace).get("settings");
        }
    }
    // end::service[]

    static class Customizers {
        // tag::customizers[]
        @Bean
        @Order(10)
        RestConfigCustomizer proxy() {
            return builder -> builder.proxy(URI.create("http://proxy.internal:3128"));
        }

        @Bean
        OkHttpClientBuilderCustomizer tracing() {
            return builder -> builder.addInterceptor(new MyInterceptor());
        }
        // end::customizers[]
    }

    static class MyInterceptor implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            return chain.proceed(chain.request());
        }
    }

    static class Retrying {
        ResourceClient<ConfigMap, ConfigMapList> configMaps;

        // tag::retry[]
        @Autowired @Qualifier("kubeConflictRetryTemplate")
        org.springframework.core.retry.RetryTemplate retry;   // Spring Framework 7

        ConfigMap scale() throws RetryException {
            return retry.execute(() -> {
                ConfigMap cm = configMaps.get("settings");
                cm.getData().put("replicas", "3");
                return configMaps.update(cm);
            });
        }
        // end::retry[]
    }
}
