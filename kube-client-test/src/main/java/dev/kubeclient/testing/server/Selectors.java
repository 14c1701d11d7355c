package dev.kubeclient.testing.server;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Label selectors ({@code =}, {@code ==}, {@code !=}, {@code in}, {@code notin}, {@code key}, {@code !key}) and
 * field selectors ({@code metadata.name}, {@code metadata.namespace} and a few common per-kind fields) as the API
 * server parses them for list and watch.
 */
final class Selectors {

    private Selectors() {
    }

    /** A selector over one object. */
    interface Selector extends Predicate<JsonNode> {
    }

    static final Selector EVERYTHING = o -> true;

    /**
     * Parses a label selector.
     *
     * @throws ApiError 400 BadRequest naming the bad requirement
     */
    static Selector labels(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Predicate<JsonNode>> requirements = new ArrayList<>();
        for (String raw : splitTopLevel(selector)) {
            String req = raw.trim();
            if (req.isEmpty()) {
                throw ApiError.badRequest("unable to parse requirement: found '', expected: identifier in label selector '" + selector + "'");
            }
            requirements.add(labelRequirement(req, selector));
        }
        return o -> {
            JsonNode labels = o.path("metadata").path("labels");
            for (Predicate<JsonNode> r : requirements) {
                if (!r.test(labels)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<JsonNode> labelRequirement(String req, String selector) {
        String lower = req.toLowerCase(java.util.Locale.ROOT);
        int setOp = indexOfWord(lower, " notin ");
        boolean notIn = setOp >= 0;
        if (setOp < 0) {
            setOp = indexOfWord(lower, " in ");
        }
        if (setOp >= 0) {
            String key = req.substring(0, setOp).trim();
            String rest = req.substring(setOp + (notIn ? 7 : 4)).trim();
            if (!rest.startsWith("(") || !rest.endsWith(")")) {
                throw ApiError.badRequest("unable to parse requirement: found '" + rest + "', expected: '(' in label selector '" + selector + "'");
            }
            Set<String> values = new java.util.HashSet<>();
            for (String v : rest.substring(1, rest.length() - 1).split(",")) {
                values.add(v.trim());
            }
            checkKey(key, selector);
            return notIn
                    ? labels -> !labels.has(key) || !values.contains(labels.path(key).asString(""))
                    : labels -> labels.has(key) && values.contains(labels.path(key).asString(""));
        }
        int ne = req.indexOf("!=");
        if (ne > 0) {
            String key = req.substring(0, ne).trim();
            String value = req.substring(ne + 2).trim();
            checkKey(key, selector);
            return labels -> !labels.has(key) || !labels.path(key).asString("").equals(value);
        }
        int eq = req.indexOf('=');
        if (eq > 0) {
            String key = req.substring(0, eq).trim();
            String value = req.substring(req.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
            checkKey(key, selector);
            return labels -> labels.has(key) && labels.path(key).asString("").equals(value);
        }
        if (req.startsWith("!")) {
            String key = req.substring(1).trim();
            checkKey(key, selector);
            return labels -> !labels.has(key);
        }
        checkKey(req, selector);
        return labels -> labels.has(req);
    }

    private static void checkKey(String key, String selector) {
        if (key.isEmpty() || !key.matches("([A-Za-z0-9.-]+/)?[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?")) {
            throw ApiError.badRequest("unable to parse requirement: invalid label key \"" + key
                    + "\" in label selector '" + selector + "'");
        }
    }

    private static int indexOfWord(String s, String word) {
        return s.indexOf(word);
    }

    /** Splits on commas that are not inside parentheses. */
    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /**
     * Parses a field selector: {@code field=value}, {@code field==value}, {@code field!=value}, comma-separated.
     * Supported fields: {@code metadata.name}, {@code metadata.namespace}, and for some kinds {@code spec.nodeName},
     * {@code status.phase}, {@code spec.restartPolicy}, {@code spec.schedulerName}, {@code spec.serviceAccountName},
     * {@code type} (Secrets), {@code involvedObject.*} / {@code reason} (Events).
     *
     * @throws ApiError 400 BadRequest for an unsupported field, with the real server's message
     */
    static Selector fields(String selector, ResourceDef def) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Predicate<JsonNode>> requirements = new ArrayList<>();
        for (String raw : selector.split(",")) {
            String req = raw.trim();
            boolean negate = req.contains("!=");
            int op = negate ? req.indexOf("!=") : req.indexOf('=');
            if (op <= 0) {
                throw ApiError.badRequest("invalid selector: '" + selector + "'; can't understand '" + req + "'");
            }
            String field = req.substring(0, op).trim();
            String value = req.substring(negate ? op + 2 : (req.startsWith("==", op) ? op + 2 : op + 1)).trim();
            if (!supportedField(field, def)) {
                throw ApiError.badRequest("\"" + field + "\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
            }
            String[] path = field.split("\\.");
            requirements.add(o -> {
                JsonNode n = o;
                for (String p : path) {
                    n = n.path(p);
                }
                boolean equal = n.asString("").equals(value);
                return negate != equal;
            });
        }
        return o -> requirements.stream().allMatch(r -> r.test(o));
    }

    private static boolean supportedField(String field, ResourceDef def) {
        if (field.equals("metadata.name") || field.equals("metadata.namespace")) {
            return true;
        }
        if (def.custom()) {
            return false;
        }
        return switch (def.plural()) {
            case "pods" -> Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                    "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName").contains(field);
            case "secrets" -> field.equals("type");
            case "events" -> field.startsWith("involvedObject.") || Set.of("reason", "source", "type",
                    "reportingComponent").contains(field);
            case "namespaces" -> field.equals("status.phase");
            case "nodes" -> field.equals("spec.unschedulable");
            case "replicasets", "replicationcontrollers" -> field.equals("status.replicas");
            case "jobs" -> field.equals("status.successful");
            default -> false;
        };
    }
}
