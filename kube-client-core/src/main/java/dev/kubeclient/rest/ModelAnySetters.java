package dev.kubeclient.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedField;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Makes Jackson put the unknown properties of fabric8 model objects straight into their {@code additionalProperties}
 * map instead of calling their {@code @JsonAnySetter} method {@code setAdditionalProperty(String, Object)}.
 *
 * <p>Why: Jackson 3 calls an any-setter method through {@code MethodHandle.bindTo(..).invokeWithArguments(..)},
 * which on JDK 17 builds a new spreading method handle on every call (about 1.5 KB of garbage per property). Every
 * {@code managedFields[].fieldsV1} of every object is read through it (its whole content is "unknown properties"):
 * about 15 MiB of garbage for a list of 10,000 ConfigMaps, a quarter of all the LIST allocates. The model's method
 * only does {@code additionalProperties.put(name, value)} (so in all 1,392 classes of the 8.0.0 model jars that
 * declare it), which is what Jackson does for a map field, so the decoded objects are equal.
 *
 * <p>Only classes of the fabric8 model ({@code io.fabric8.kubernetes}) that declare both the annotated method and a
 * {@code Map} field named {@code additionalProperties} are changed; anything else keeps Jackson's own answer.
 */
final class ModelAnySetters extends NopAnnotationIntrospector {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.";
    private static final String METHOD = "setAdditionalProperty";
    private static final String FIELD = "additionalProperties";

    @Override
    public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
        if (annotated instanceof AnnotatedMethod method && method.getName().equals(METHOD)
                && method.getParameterCount() == 2 && method.hasAnnotation(JsonAnySetter.class)
                && hasMapField(method.getDeclaringClass())) {
            return Boolean.FALSE;
        }
        if (annotated instanceof AnnotatedField field && field.getName().equals(FIELD)
                && Map.class.isAssignableFrom(field.getRawType()) && hasAnnotatedSetter(field.getDeclaringClass())) {
            return Boolean.TRUE;
        }
        return null;
    }

    private static boolean hasMapField(Class<?> type) {
        if (!type.getName().startsWith(MODEL_PACKAGE)) {
            return false;
        }
        try {
            Field field = type.getDeclaredField(FIELD);
            return Map.class.isAssignableFrom(field.getType());
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static boolean hasAnnotatedSetter(Class<?> type) {
        if (!type.getName().startsWith(MODEL_PACKAGE)) {
            return false;
        }
        try {
            Method method = type.getDeclaredMethod(METHOD, String.class, Object.class);
            return method.isAnnotationPresent(JsonAnySetter.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
