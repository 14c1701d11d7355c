package dev.kubeclient.testing.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The list verb: selectors, {@code limit}/{@code continue} over a consistent snapshot (continue tokens in the
 * real server's format), 410 Expired once the snapshot is compacted, and the {@code resourceVersion} /
 * {@code resourceVersionMatch} semantics.
 */
final class Lists {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How long a list waits for a resourceVersion newer than the newest (the real server waits 3 s). */
    static final java.time.Duration TOO_LARGE_WAIT = java.time.Duration.ofSeconds(3);

    private final Store store;
    private final Resources resources;

    Lists(Store store, Resources resources) {
        this.store = store;
        this.resources = resources;
    }

    ObjectNode list(ResourceDef def, String namespace, Call call) {
        Selectors.Selector labels = Selectors.labels(call.param("labelSelector"));
        Selectors.Selector fields = Selectors.fields(call.param("fieldSelector"), def);
        String rvParam = call.param("resourceVersion");
        String match = call.param("resourceVersionMatch");
        String continueToken = call.param("continue");
        long limit = parseLimit(call.param("limit"));
        validateListOptions(rvParam, match, continueToken, false);

        long snapshotRv;
        String start = null;
        boolean inconsistent = false;
        synchronized (store) {
            long current = store.currentRv();
            if (continueToken != null && !continueToken.isEmpty()) {
                ContinueToken token = ContinueToken.decode(continueToken);
                start = token.start();
                if (token.rv() == -1) {
                    inconsistent = true;
                    snapshotRv = current;
                } else {
                    snapshotRv = token.rv();
                    if (snapshotRv < store.compactedRv()) {
                        ObjectNode status = ApiError.statusBody(410, "Expired", "The provided continue parameter is too "
                                + "old to display a consistent list result. You can start a new list without the "
                                + "continue parameter, or use the continue token in this response to retrieve the "
                                + "remainder of the results. Continuing with the provided token results in an "
                                + "inconsistent list - objects that were created, modified, or deleted between the "
                                + "time the first chunk was returned and now may show up in the list.", null);
                        ((ObjectNode) status.get("metadata")).put("continue", new ContinueToken(-1, start).encode());
                        throw new ExpiredContinue(410, status);
                    }
                }
            } else if (rvParam == null || rvParam.isEmpty() || rvParam.equals("0")) {
                snapshotRv = current;
            } else {
                long requested = parseRv(rvParam);
                boolean exact = "Exact".equals(match) || (match == null && limit > 0);
                if (requested > current && !store.awaitRv(requested, TOO_LARGE_WAIT)) {
                    throw tooLarge(requested, store.currentRv());
                }
                current = store.currentRv();
                snapshotRv = exact ? requested : current;
            }
            List<ObjectNode> all = store.snapshot(def.groupResource(), snapshotRv,
                    "too old resource version: " + snapshotRv + " (" + store.compactedRv() + ")");
            return listBody(def, namespace, all, labels, fields, limit, start, inconsistent ? current : snapshotRv,
                    call.param("labelSelector") == null && call.param("fieldSelector") == null);
        }
    }

    private ObjectNode listBody(ResourceDef def, String namespace, List<ObjectNode> all, Selectors.Selector labels,
                                Selectors.Selector fields, long limit, String start, long rv, boolean countRemaining) {
        ObjectNode list = NODES.objectNode();
        list.put("kind", def.kind() + "List");
        list.put("apiVersion", def.groupVersion());
        ObjectNode meta = list.putObject("metadata");
        meta.put("resourceVersion", Long.toString(rv));
        ArrayNode items = list.putArray("items");
        int taken = 0;
        String lastKey = null;
        int remaining = 0;
        boolean more = false;
        for (ObjectNode obj : all) {
            String objKey = Resources.key(def, Resources.ns(obj), Resources.name(obj));
            if (start != null && objKey.compareTo(start) < 0) {
                continue;
            }
            if (namespace != null && !namespace.equals(Resources.ns(obj))) {
                continue;
            }
            if (!labels.test(obj) || !fields.test(obj)) {
                continue;
            }
            if (limit > 0 && taken >= limit) {
                more = true;
                remaining++;
                continue;
            }
            items.add(resources.present(def, obj, def.custom()));
            taken++;
            lastKey = objKey;
        }
        if (more) {
            meta.put("continue", new ContinueToken(rv, lastKey + "\u0000").encode());
            if (countRemaining) {
                meta.put("remainingItemCount", remaining);
            }
        }
        return list;
    }

    static void validateListOptions(String rv, String match, String continueToken, boolean sendInitialEvents) {
        List<ApiError.Cause> causes = new ArrayList<>();
        if (match != null && !match.isEmpty()) {
            if (!match.equals("Exact") && !match.equals("NotOlderThan")) {
                causes.add(new ApiError.Cause("FieldValueNotSupported", "Unsupported value: \"" + match
                        + "\": supported values: \"Exact\", \"NotOlderThan\", \"\"", "resourceVersionMatch"));
            } else if ((rv == null || rv.isEmpty()) && !sendInitialEvents) {
                causes.add(new ApiError.Cause("FieldValueForbidden",
                        "Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided", "resourceVersionMatch"));
            } else if (match.equals("Exact") && rv.equals("0")) {
                causes.add(new ApiError.Cause("FieldValueForbidden",
                        "Forbidden: resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"", "resourceVersionMatch"));
            }
            if (continueToken != null && !continueToken.isEmpty()) {
                causes.add(new ApiError.Cause("FieldValueForbidden",
                        "Forbidden: resourceVersionMatch is forbidden when continue is provided", "resourceVersionMatch"));
            }
        }
        if (!causes.isEmpty()) {
            throw ApiError.invalid("meta.k8s.io", "ListOptions", "", causes);
        }
        if (continueToken != null && !continueToken.isEmpty() && rv != null && !rv.isEmpty() && !rv.equals("0")) {
            throw ApiError.badRequest("specifying resource version is not allowed when using continue");
        }
    }

    /** The 504 a real server answers when a requested resourceVersion does not arrive in time. */
    static ApiError tooLarge(long requested, long current) {
        return ApiError.of(504, "Timeout", "Too large resource version: " + requested + ", current: " + current,
                causeDetails("ResourceVersionTooLarge", "Too large resource version"));
    }

    private static ObjectNode causeDetails(String reason, String message) {
        return ApiError.details(null, null, null, List.of(new ApiError.Cause(reason, message, null)));
    }

    static long parseRv(String rv) {
        try {
            long value = Long.parseLong(rv);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid resource version: " + rv);
        }
    }

    private static long parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(limit));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid limit: " + limit);
        }
    }

    /** A list continuation: the snapshot's resourceVersion ({@code -1}: inconsistent) and the next key. */
    record ContinueToken(long rv, String start) {

        String encode() {
            ObjectNode n = NODES.objectNode();
            n.put("v", "meta.k8s.io/v1");
            n.put("rv", rv);
            n.put("start", start);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(n.toString().getBytes(StandardCharsets.UTF_8));
        }

        static ContinueToken decode(String token) {
            try {
                String padded = token.replace('+', '-').replace('/', '_').replace("=", "");
                JsonNode n = JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(padded));
                if (!"meta.k8s.io/v1".equals(n.path("v").asString("")) || !n.has("rv")) {
                    throw new IllegalArgumentException("unknown version");
                }
                return new ContinueToken(n.path("rv").asLong(), n.path("start").asString(""));
            } catch (RuntimeException e) {
                throw ApiError.badRequest("continue key is not valid: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
    }

    /** An error whose Status body is already built (410 with a continue token in its metadata). */
    static final class ExpiredContinue extends RuntimeException {
        final int code;
        final transient ObjectNode body;

        ExpiredContinue(int code, ObjectNode body) {
            super(body.path("message").asString(""), null, false, false);
            this.code = code;
            this.body = body;
        }
    }
}
