package dev.kubeclient.autoconfigure.observation;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;

import java.util.List;

/**
 * Writes a W3C {@code traceparent} for the test tracer, as a tracing bridge's propagator would in an application;
 * the bridge itself is not on the test classpath.
 */
final class W3cTestPropagator implements Propagator {

    @Override
    public List<String> fields() {
        return List.of("traceparent");
    }

    @Override
    public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
        setter.set(carrier, "traceparent", "00-" + context.traceId() + "-" + context.spanId() + "-01");
    }

    @Override
    public <C> Span.Builder extract(C carrier, Getter<C> getter) {
        throw new UnsupportedOperationException("the client side only injects");
    }
}
