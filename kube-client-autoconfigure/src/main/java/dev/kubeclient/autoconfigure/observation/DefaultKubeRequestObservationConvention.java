package dev.kubeclient.autoconfigure.observation;

import dev.kubeclient.autoconfigure.metrics.KubeRequestTags;
import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.observation.RequestResult;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Tag;

/**
 * The default names: the observation {@code kube.client.requests} (so its timer is the one the metrics listener
 * would record), low-cardinality key values equal to that timer's tags ({@link KubeRequestTags}), the URL template
 * as a high-cardinality key value (spans only), and a contextual name such as {@code kube get pods} or
 * {@code kube get pods/log}, {@code kube get /readyz} outside the resource API.
 */
public class DefaultKubeRequestObservationConvention implements KubeRequestObservationConvention {

    /** The observation's name, equal to the listener timer's. */
    public static final String NAME = "kube.client.requests";
    /** The high-cardinality key carrying the URL template ({@code /api/v1/namespaces/{namespace}/pods/{name}}). */
    public static final String URL_TEMPLATE = "url.template";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(KubeRequestObservationContext context) {
        RequestInfo request = context.request();
        if (request.resource().isEmpty()) {
            return "kube " + request.verb() + " " + KubeRequestTags.nonResourcePath(request);
        }
        String subresource = KubeRequestTags.subresource(request);
        return "kube " + request.verb() + " " + request.resource() + (subresource.equals("none") ? "" : "/" + subresource);
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(KubeRequestObservationContext context) {
        RequestResult result = context.getResponse();
        KeyValues values = KeyValues.empty();
        for (Tag tag : KubeRequestTags.request(context.request())) {
            values = values.and(KeyValue.of(tag.getKey(), tag.getValue()));
        }
        return values.and(KeyValue.of(KubeRequestTags.STATUS, KubeRequestTags.status(result)),
                KeyValue.of(KubeRequestTags.OUTCOME, KubeRequestTags.outcome(result)),
                KeyValue.of(KubeRequestTags.ERROR, KubeRequestTags.error(result)));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(KubeRequestObservationContext context) {
        return KeyValues.of(URL_TEMPLATE, context.request().urlTemplate());
    }
}
