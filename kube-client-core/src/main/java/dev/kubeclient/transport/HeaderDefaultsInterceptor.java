package dev.kubeclient.transport;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Sets a header on requests that do not carry it yet: the {@code User-Agent}, as client-go's user-agent round
 * tripper, and {@code Accept-Encoding: identity} when compression is disabled (OkHttp would otherwise ask for
 * gzip and unpack it transparently).
 */
final class HeaderDefaultsInterceptor implements Interceptor {

    private final String name;
    private final String value;

    HeaderDefaultsInterceptor(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header(name) != null) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header(name, value).build());
    }

    @Override
    public String toString() {
        return "HeaderDefaultsInterceptor[" + name + "]";
    }
}
