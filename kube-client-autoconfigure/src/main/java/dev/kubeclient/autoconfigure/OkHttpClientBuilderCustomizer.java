package dev.kubeclient.autoconfigure;

import okhttp3.OkHttpClient;

/**
 * Adjusts the OkHttp client the starter's {@link dev.kubeclient.rest.KubeRestClient} sends through, without
 * replacing the core's transport: the builder already holds the TLS setup, credentials, proxy, connection pool and
 * the core's interceptors, so add interceptors, an event listener factory or timeouts here. Every customizer bean
 * is applied in {@link org.springframework.core.annotation.Order @Order}.
 *
 * <p>Replacing the event listener replaces the transport's own (which only evicts pooled connections after
 * close); add interceptors with {@code addInterceptor} rather than clearing the list, or authentication is lost.
 */
@FunctionalInterface
public interface OkHttpClientBuilderCustomizer {

    /** Changes {@code builder} in place. */
    void customize(OkHttpClient.Builder builder);
}
