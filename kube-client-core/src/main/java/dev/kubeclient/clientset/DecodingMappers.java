package dev.kubeclient.clientset;

import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses the mapper that reads a resource class. fabric8's {@code KubernetesResource} interface routes every
 * implementing class without its own {@code @JsonDeserialize} through fabric8's polymorphic deserializer, which knows
 * only fabric8's kinds and turns a user's custom resource into a {@code GenericKubernetesResource}. fabric8's own
 * classes (and its {@code CustomResource} base) opt out with {@code @JsonDeserialize(using = None)}; for a user's
 * class that does not, we add the same opt-out as a mix-in on a derived mapper, so plain annotated POJOs work.
 */
final class DecodingMappers {

    @JsonDeserialize(using = ValueDeserializer.None.class)
    private abstract static class PlainBean {
    }

    private final JsonMapper base;
    private final Set<Class<?>> mixedIn = new HashSet<>();
    private JsonMapper derived;

    DecodingMappers(JsonMapper base) {
        this.base = Objects.requireNonNull(base, "base");
        this.derived = base;
    }

    /** The mapper to read {@code type} with. */
    synchronized JsonMapper forType(Class<?> type) {
        if (!needsOptOut(type)) {
            return base;
        }
        if (mixedIn.add(type)) {
            // Mappers are immutable: rebuild once per new class; every class seen so far keeps its mix-in.
            var builder = base.rebuild();
            for (Class<?> c : mixedIn) {
                builder.addMixIn(c, PlainBean.class);
            }
            derived = builder.build();
        }
        return derived;
    }

    private static boolean needsOptOut(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getDeclaredAnnotation(JsonDeserialize.class) != null) {
                return false;
            }
        }
        return true;
    }
}
