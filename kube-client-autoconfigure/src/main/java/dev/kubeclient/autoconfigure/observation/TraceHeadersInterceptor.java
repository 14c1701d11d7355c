package dev.kubeclient.autoconfigure.observation;

import dev.kubeclient.observation.RequestInfo;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * Sends the trace context of the request's Observation to the API server (W3C {@code traceparent}, or whatever
 * the tracer's propagator writes), which records it in its audit log and its own traces. The headers were written
 * into the {@link KubeRequestObservationContext}'s carrier by the tracing handler when the observation started;
 * this interceptor only copies them, and leaves a header the caller set itself alone.
 */
public final class TraceHeadersInterceptor implements Interceptor {

    private final ObservationRegistry registry;

    /** Reads the current observation from {@code registry}. */
    public TraceHeadersInterceptor(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Observation current = registry.getCurrentObservation();
        if (current == null || !(current.getContext() instanceof KubeRequestObservationContext context)
                || !context.request().equals(request.tag(RequestInfo.class))) {
            return chain.proceed(request);
        }
        Map<String, String> headers = context.headers();
        if (headers.isEmpty()) {
            return chain.proceed(request);
        }
        Request.Builder traced = request.newBuilder();
        headers.forEach((name, value) -> {
            if (request.header(name) == null) {
                traced.header(name, value);
            }
        });
        return chain.proceed(traced.build());
    }

    @Override
    public String toString() {
        return "TraceHeadersInterceptor";
    }
}
