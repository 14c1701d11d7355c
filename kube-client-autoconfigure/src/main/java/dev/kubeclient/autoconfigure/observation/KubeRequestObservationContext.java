package dev.kubeclient.autoconfigure.observation;

import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.observation.RequestResult;
import io.micrometer.observation.transport.RequestReplySenderContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Observation context of one Kubernetes request. Its carrier collects the headers a tracer's propagator
 * writes when the observation starts ({@code traceparent}, {@code tracestate}...); {@link TraceHeadersInterceptor}
 * copies them onto every attempt of the request.
 */
public final class KubeRequestObservationContext extends RequestReplySenderContext<Map<String, String>, RequestResult> {

    private final RequestInfo request;

    /** A context for {@code request}, with an empty header carrier. */
    public KubeRequestObservationContext(RequestInfo request) {
        super((carrier, key, value) -> {
            if (carrier != null) {
                carrier.put(key, value);
            }
        });
        this.request = Objects.requireNonNull(request, "request");
        setCarrier(new LinkedHashMap<>());
        setRemoteServiceName("kubernetes");
        if (!request.host().isEmpty()) {
            setRemoteServiceAddress(request.host());
        }
    }

    /** What the request is about (bounded values only). */
    public RequestInfo request() {
        return request;
    }

    /** The headers to send with the request; written by the tracer when the observation starts. */
    public Map<String, String> headers() {
        Map<String, String> carrier = getCarrier();
        return carrier == null ? Map.of() : Map.copyOf(carrier);
    }
}
