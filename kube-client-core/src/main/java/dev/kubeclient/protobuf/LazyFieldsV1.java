package dev.kubeclient.protobuf;

import io.fabric8.kubernetes.api.model.FieldsV1;

import java.util.Map;

/**
 * A {@code FieldsV1} read from protobuf that keeps the field set's JSON bytes and builds the model's map from them on
 * first use, the way client-go keeps {@code FieldsV1} as raw bytes: most readers never look at managed fields, which
 * are about half of a typical object. Equal to, and serialized as, the eagerly read {@code FieldsV1} of the same
 * JSON (the model's {@code equals}, {@code hashCode}, {@code toString}, builders and Jackson all go through
 * {@link #getAdditionalProperties()}). Safe to read from several threads.
 */
final class LazyFieldsV1 extends FieldsV1 {

    private static final long serialVersionUID = 1L;

    /** The field set's JSON until the map is built, then {@code null}. */
    private volatile byte[] json;

    LazyFieldsV1(byte[] json) {
        this.json = json;
    }

    @Override
    public Map<String, Object> getAdditionalProperties() {
        if (json != null) {
            build();
        }
        return super.getAdditionalProperties();
    }

    @Override
    public void setAdditionalProperty(String name, Object value) {
        if (json != null) {
            build();
        }
        super.setAdditionalProperty(name, value);
    }

    @Override
    public synchronized void setAdditionalProperties(Map<String, Object> additionalProperties) {
        json = null;
        super.setAdditionalProperties(additionalProperties);
    }

    private synchronized void build() {
        byte[] bytes = json;
        if (bytes != null) {
            super.setAdditionalProperties(ProtoTypes.fieldSet(bytes));
            json = null;
        }
    }
}
