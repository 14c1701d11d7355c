package dev.kubeclient.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a Kubernetes request Observation and its key values; a bean of this type replaces
 * {@link DefaultKubeRequestObservationConvention}.
 */
public interface KubeRequestObservationConvention extends ObservationConvention<KubeRequestObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof KubeRequestObservationContext;
    }
}
