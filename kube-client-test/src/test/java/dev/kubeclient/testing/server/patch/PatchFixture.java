package dev.kubeclient.testing.server.patch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One recorded story of writes to one object (see {@code src/test/resources/patch-fixtures/README.md}): the kind,
 * then steps (create, update, patch of a content type, apply), each with the real server's answer once recorded.
 * The engine replay of a step starts from the server's previous answer, so one difference does not cascade.
 */
record PatchFixture(String name, ObjectNode document) {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final String FOLDER = "patch-fixtures";

    String apiVersion() {
        return document.path("apiVersion").asString();
    }

    String kind() {
        return document.path("kind").asString();
    }

    String plural() {
        return document.path("plural").asString();
    }

    String objectName() {
        return document.path("objectName").asString();
    }

    ArrayNode steps() {
        return (ArrayNode) document.get("steps");
    }

    /**
     * A step's request: action create|update|patch|apply, contentType, fieldManager, force, body; for a create,
     * serverSetFields lists JSON pointers of fields the server fills in after recording the creator's fields.
     */
    record Step(String action, String contentType, String fieldManager, boolean force, JsonNode body,
                JsonNode serverSetFields) {
        static Step of(JsonNode step) {
            return new Step(step.path("action").asString(), step.path("contentType").asString(""),
                    step.path("fieldManager").asString(""), step.path("force").asBoolean(false), step.get("body"),
                    step.path("serverSetFields"));
        }
    }

    /** An answer: HTTP code and body (the object, or a Status). */
    record Answer(int code, JsonNode body) {
        boolean ok() {
            return code / 100 == 2;
        }
    }

    static List<PatchFixture> loadAll() {
        URL folder = PatchFixture.class.getClassLoader().getResource(FOLDER);
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<PatchFixture> fixtures = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(f -> {
                try (InputStream in = Files.newInputStream(f)) {
                    String file = f.getFileName().toString();
                    String name = file.substring(0, file.length() - ".json".length());
                    fixtures.add(new PatchFixture(name, (ObjectNode) JSON.readTree(in)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    void save(Path folder) {
        try {
            Files.writeString(folder.resolve(name + ".json"), JSON.writeValueAsString(document) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the engine answers for a step, given the live object before it (null: none yet). */
    Answer engine(Step step, ObjectNode live, Answer server, Instant now) {
        try {
            return switch (step.action()) {
                case "create" -> {
                    // the engine does not default: take the server's stored object and check its bookkeeping
                    ObjectNode created = server.ok() ? ((ObjectNode) server.body()).deepCopy()
                            : (ObjectNode) step.body().deepCopy();
                    ((ObjectNode) created.get("metadata")).remove("managedFields");
                    // fields the server sets after its field manager ran (an allocated clusterIP) are not the
                    // creator's: take them out for the bookkeeping and put them back
                    java.util.Map<String, JsonNode> serverSet = new java.util.LinkedHashMap<>();
                    for (JsonNode pointer : step.serverSetFields()) {
                        String path = pointer.asString();
                        int slash = path.lastIndexOf('/');
                        ObjectNode parent = (ObjectNode) created.at(path.substring(0, slash));
                        serverSet.put(path, parent.remove(path.substring(slash + 1)));
                    }
                    ObjectNode recorded = ServerSideApply.recordUpdate(null, created, step.fieldManager(),
                            apiVersion(), now);
                    serverSet.forEach((path, value) -> ((ObjectNode) recorded.at(path.substring(0,
                            path.lastIndexOf('/')))).set(path.substring(path.lastIndexOf('/') + 1), value));
                    yield new Answer(201, recorded);
                }
                case "update" -> {
                    ObjectNode updated = (ObjectNode) step.body().deepCopy();
                    ObjectNode metadata = (ObjectNode) updated.get("metadata");
                    for (String field : List.of("uid", "resourceVersion", "creationTimestamp", "namespace",
                            "managedFields", "generation")) {
                        if (live.path("metadata").has(field)) {
                            metadata.set(field, live.path("metadata").get(field));
                        }
                    }
                    yield new Answer(200, ServerSideApply.recordUpdate(live, updated, step.fieldManager(),
                            apiVersion(), now));
                }
                case "patch" -> {
                    ObjectNode patched = Patches.apply(step.contentType(), live, step.body(), apiVersion(), kind());
                    yield new Answer(200, ServerSideApply.recordUpdate(live, patched, step.fieldManager(),
                            apiVersion(), now));
                }
                case "apply" -> {
                    ObjectNode config = (ObjectNode) step.body().deepCopy();
                    if (live == null && server.ok()) {
                        // the server puts the object in the request's namespace
                        ((ObjectNode) config.get("metadata")).set("namespace", server.body().path("metadata")
                                .get("namespace"));
                    }
                    yield new Answer(live == null ? 201 : 200, ServerSideApply.apply(live, config,
                            step.fieldManager(), step.force(), apiVersion(), kind(), now));
                }
                default -> throw new IllegalArgumentException("unknown action " + step.action() + " in " + name);
            };
        } catch (PatchException e) {
            return new Answer(e.httpStatus(), status(e.httpStatus(), e.reason(), e.statusMessage()));
        } catch (ApplyConflictException e) {
            ObjectNode status = status(409, "Conflict", "Apply failed with " + e.getMessage().substring(
                    "Apply failed with ".length()));
            ArrayNode causes = status.putObject("details").putArray("causes");
            for (ApplyConflictException.Conflict conflict : e.conflicts()) {
                causes.addObject().put("reason", "FieldManagerConflict").put("message", conflict.causeMessage())
                        .put("field", conflict.field());
            }
            return new Answer(409, status);
        }
    }

    private static ObjectNode status(int code, String reason, String message) {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("kind", "Status").put("code", code).put("message", message);
        if (!reason.isEmpty()) {
            status.put("reason", reason);
        }
        return status;
    }

    /**
     * The comparable part of an answer: for objects, everything but server bookkeeping (uid, resourceVersion,
     * timestamps, generation, status, managedFields times); for a Status, code and reason, plus the message and
     * causes for 409 and 415, whose wording this engine reproduces.
     */
    static JsonNode comparable(Answer answer) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("code", answer.code());
        JsonNode body = answer.body();
        if (!answer.ok()) {
            out.put("reason", body.path("reason").asString(""));
            if (answer.code() == 409 || answer.code() == 415) {
                out.put("message", body.path("message").asString(""));
                // the real server orders causes by field; among equal fields the order varies
                List<JsonNode> causes = new ArrayList<>();
                body.path("details").path("causes").forEach(causes::add);
                causes.sort(java.util.Comparator.comparing((JsonNode c) -> c.path("field").asString())
                        .thenComparing(c -> c.path("message").asString()));
                out.putArray("causes").addAll(causes);
            }
            return out;
        }
        ObjectNode object = ((ObjectNode) body).deepCopy();
        object.remove("status");
        ObjectNode metadata = (ObjectNode) object.get("metadata");
        for (String field : List.of("uid", "resourceVersion", "creationTimestamp", "generation", "selfLink")) {
            metadata.remove(field);
        }
        if (metadata.get("managedFields") instanceof ArrayNode entries) {
            entries.forEach(entry -> ((ObjectNode) entry).remove("time"));
        }
        out.set("object", object);
        return out;
    }
}
