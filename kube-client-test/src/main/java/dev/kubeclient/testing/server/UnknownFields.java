package dev.kubeclient.testing.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Server-side field validation for built-in kinds: the fields of an object that its fabric8 model class does not
 * know (they land in the model's {@code additionalProperties}), named as the real server names them
 * ({@code spec.containers[0].imagePullPolicyy}). Custom resources are not checked (no schema validation).
 */
final class UnknownFields {

    private UnknownFields() {
    }

    /** The unknown field paths of {@code object} read as {@code modelClass}, in document order. */
    static List<String> of(ObjectNode object, Class<?> modelClass, JsonMapper json) {
        List<String> unknown = new ArrayList<>();
        Object typed;
        try {
            typed = json.treeToValue(object, modelClass);
        } catch (RuntimeException e) {
            return unknown;
        }
        walk(typed, "", unknown, 0);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown, int depth) {
        if (value == null || depth > 40) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", unknown, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getValue(), join(path, String.valueOf(e.getKey())), unknown, depth + 1);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        try {
            Method additional = type.getMethod("getAdditionalProperties");
            if (additional.invoke(value) instanceof Map<?, ?> extra) {
                for (Object key : extra.keySet()) {
                    unknown.add(join(path, String.valueOf(key)));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a model class without additionalProperties has no unknown fields to report
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                JsonProperty property = field.getAnnotation(JsonProperty.class);
                if (property == null || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    walk(field.get(value), join(path, property.value()), unknown, depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // unreadable field: skip it rather than fail the request
                }
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
