package dev.kubeclient.clientset;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which fields of a fabric8 model class an object sets. The model's field paths come from walking the class graph
 * by reflection from the kind's class ({@code @JsonProperty} fields; {@code []} marks a list element, {@code {}} a
 * map value; a class met again below itself, as in {@code JSONSchemaProps}, ends the path); a path is covered when
 * some object holds a non-null value there (a non-empty one for lists and maps, which the model creates empty).
 */
final class ModelFieldCoverage {

    /**
     * The coverage of one kind: every model path and the ones some object set; and the same per model field
     * ({@code Probe.httpGet}), a field counting as set when it is set on any path that reaches it.
     */
    record Report(Class<?> type, SortedSet<String> paths, SortedSet<String> covered,
                  SortedSet<String> fields, SortedSet<String> coveredFields) {

        SortedSet<String> uncovered() {
            SortedSet<String> rest = new TreeSet<>(paths);
            rest.removeAll(covered);
            return rest;
        }

        SortedSet<String> uncoveredFields() {
            SortedSet<String> rest = new TreeSet<>(fields);
            rest.removeAll(coveredFields);
            return rest;
        }

        /** Covered paths as a percentage of the model's paths, rounded down. */
        int percent() {
            return paths.isEmpty() ? 100 : covered.size() * 100 / paths.size();
        }

        /** Covered model fields as a percentage of the model fields reachable from the kind, rounded down. */
        int fieldPercent() {
            return fields.isEmpty() ? 100 : coveredFields.size() * 100 / fields.size();
        }
    }

    private ModelFieldCoverage() {
    }

    /** The paths of {@code type} and the ones set in any of {@code objects}. */
    static Report of(Class<?> type, Collection<?> objects) {
        Map<String, String> paths = new TreeMap<>();
        modelPaths(type, "", new ArrayDeque<>(), paths);
        SortedSet<String> covered = new TreeSet<>();
        for (Object object : objects) {
            setPaths(object, "", covered);
        }
        covered.retainAll(paths.keySet());
        SortedSet<String> coveredFields = new TreeSet<>();
        covered.forEach(p -> coveredFields.add(paths.get(p)));
        return new Report(type, new TreeSet<>(paths.keySet()), covered, new TreeSet<>(paths.values()), coveredFields);
    }

    /** Fills {@code paths} with each path and the model field it ends in ({@code Class.field}). */
    private static void modelPaths(Class<?> type, String prefix, Deque<Class<?>> stack, Map<String, String> paths) {
        if (stack.contains(type)) {
            return;
        }
        stack.push(type);
        for (Field field : jsonFields(type)) {
            String path = prefix + name(field);
            paths.put(path, field.getDeclaringClass().getSimpleName() + "." + name(field));
            walkType(field.getGenericType(), path, stack, paths);
        }
        stack.pop();
    }

    private static void walkType(Type type, String path, Deque<Class<?>> stack, Map<String, String> paths) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if (List.class.isAssignableFrom(raw)) {
                String element = path + "[]";
                Type arg = p.getActualTypeArguments()[0];
                if (isModel(arg)) {
                    modelPaths((Class<?>) arg, element + ".", stack, paths);
                } else if (arg instanceof ParameterizedType) {
                    walkType(arg, element, stack, paths);
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                Type arg = p.getActualTypeArguments()[1];
                String value = path + "{}";
                if (isModel(arg)) {
                    modelPaths((Class<?>) arg, value + ".", stack, paths);
                } else if (arg instanceof ParameterizedType) {
                    walkType(arg, value, stack, paths);
                }
            }
        } else if (isModel(type)) {
            modelPaths((Class<?>) type, path + ".", stack, paths);
        }
    }

    private static void setPaths(Object value, String path, SortedSet<String> covered) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                return;
            }
            covered.add(path);
            for (Object element : list) {
                setPaths(element, path + "[]", covered);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return;
            }
            covered.add(path);
            for (Object element : map.values()) {
                setPaths(element, path + "{}", covered);
            }
            return;
        }
        covered.add(path);
        if (!isModel(value.getClass())) {
            return;
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        for (Field field : jsonFields(value.getClass())) {
            try {
                setPaths(field.get(value), prefix + name(field), covered);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + field, e);
            }
        }
    }

    private static boolean isModel(Type type) {
        return type instanceof Class<?> c && c.getName().startsWith("io.fabric8.kubernetes.api.model")
                && c != IntOrString.class && c != Quantity.class && !c.isEnum() && !jsonFields(c).isEmpty();
    }

    private static List<Field> jsonFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(JsonProperty.class)) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static String name(Field field) {
        String name = field.getAnnotation(JsonProperty.class).value();
        return name.isEmpty() ? field.getName() : name;
    }
}
