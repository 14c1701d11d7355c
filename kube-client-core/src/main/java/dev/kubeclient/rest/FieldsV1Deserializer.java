package dev.kubeclient.rest;

import io.fabric8.kubernetes.api.model.FieldsV1;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code managedFields[].fieldsV1} set (objects of objects keyed by field paths such as {@code f:data}) into
 * the same nested {@link LinkedHashMap}s Jackson's untyped reading makes, without its per-object bookkeeping: that
 * bookkeeping was about 7 MiB of garbage in a LIST of 10,000 ConfigMaps. Arrays and scalars, which a field set does
 * not hold, are read by Jackson as before. The maps start small (most field-set objects have one to three keys).
 */
final class FieldsV1Deserializer extends StdDeserializer<FieldsV1> {

    private static final int SMALL_MAP = 4;

    FieldsV1Deserializer() {
        super(FieldsV1.class);
    }

    @Override
    public FieldsV1 deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            token = p.nextToken();
        }
        FieldsV1 fields = new FieldsV1();
        for (; token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            fields.setAdditionalProperty(name, value(p, ctxt));
        }
        if (token != JsonToken.END_OBJECT) {
            return (FieldsV1) ctxt.handleUnexpectedToken(FieldsV1.class, p);
        }
        return fields;
    }

    private static Object value(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return ctxt.readValue(p, Object.class);
        }
        Map<String, Object> object = new LinkedHashMap<>(SMALL_MAP);
        for (JsonToken token = p.nextToken(); token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            object.put(name, value(p, ctxt));
        }
        return object;
    }
}
