package dev.kubeclient.apply;

import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.meta.QueryParams;
import dev.kubeclient.rest.KubeRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one server-side apply path of the typed and dynamic clients: what may go in an apply body, and how the
 * {@code PATCH} is parametrised.
 *
 * <p>What the API server does with an apply body, as checked against a real kube-apiserver:
 * <ul>
 *   <li>{@code metadata.managedFields}, even an empty list, is refused with 400 "metadata.managedFields must be
 *       nil". It is there when the object was read from the server, so it is <b>removed</b> before sending (logged at
 *       DEBUG, and reported by {@link Prepared#removed()}). Note that applying a whole object read from the server
 *       claims every field it holds; use {@link ManagedFields#extract} to apply only your own.</li>
 *   <li>{@code metadata.resourceVersion} is <b>kept</b>: the server takes it as a precondition (409 Conflict when
 *       the object has changed since), which is how an apply is made conditional.</li>
 *   <li>{@code metadata.uid} is kept: a different uid is refused (422, immutable), the same one is accepted.</li>
 *   <li>{@code status} in an apply of the main resource is accepted and not written (it is the status
 *       subresource's); it is kept.</li>
 *   <li>{@code apiVersion}, {@code kind} and {@code metadata.name} are required; an apply body without them is
 *       <b>refused</b> here, before any request.</li>
 * </ul>
 */
public final class ApplyBody {

    private static final Logger log = LoggerFactory.getLogger(ApplyBody.class);

    /**
     * YAML is a superset of JSON, so this one reader takes a manifest in either. Trailing tokens are allowed so that
     * the documents of a multi-document text can be counted (and a second one refused with its own message).
     */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private ApplyBody() {
    }

    /**
     * A body ready to send, and what was removed from it.
     *
     * @param body    the body (the same tree that was passed in, changed in place)
     * @param removed the fields removed, each with the reason, for example
     *                {@code "metadata.managedFields (2 entries): the server requires it to be absent from an apply"}
     */
    public record Prepared(ObjectNode body, List<String> removed) {
        /** Copies the list. */
        public Prepared {
            Objects.requireNonNull(body, "body");
            removed = List.copyOf(removed);
        }
    }

    /**
     * Checks an apply body and removes what the server would refuse (see the class description).
     *
     * @param body the object as a JSON tree; changed in place
     * @param what the object for messages, for example {@code "configmaps prod/settings"}
     * @throws IllegalArgumentException when {@code apiVersion}, {@code kind} or {@code metadata.name} is missing,
     *                                  naming which and why
     */
    public static Prepared prepare(ObjectNode body, String what) {
        Objects.requireNonNull(body, "body");
        List<String> missing = new ArrayList<>();
        if (!hasText(body.get("apiVersion"))) {
            missing.add("apiVersion");
        }
        if (!hasText(body.get("kind"))) {
            missing.add("kind");
        }
        JsonNode metadata = body.get("metadata");
        if (metadata == null || !hasText(metadata.get("name"))) {
            missing.add("metadata.name");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("server-side apply of " + what + " needs " + String.join(", ", missing)
                    + " in the object: the server reads the type from apiVersion and kind and the target from the name"
                    + " (an apiVersion and kind are both required)");
        }
        List<String> removed = new ArrayList<>();
        if (metadata instanceof ObjectNode meta && meta.has("managedFields")) {
            JsonNode managed = meta.remove("managedFields");
            if (managed != null && !managed.isNull()) {
                removed.add("metadata.managedFields (" + managed.size() + (managed.size() == 1 ? " entry" : " entries")
                        + "): the server requires it to be absent from an apply body and records ownership itself");
            }
        }
        if (!removed.isEmpty() && log.isDebugEnabled()) {
            log.debug("server-side apply of {}: removed {}. The body looks like an object read from the server; "
                    + "applying it claims every field it holds. To apply only your own fields, start from "
                    + "ManagedFields.extract(object, fieldManager).", what, String.join("; ", removed));
        }
        return new Prepared(body, removed);
    }

    /**
     * Parses a manifest given as YAML or JSON text and checks it as {@link #prepare} does, so that a manifest written
     * from an object read from the server (with {@code metadata.managedFields}) applies like the object itself.
     *
     * @param manifest one YAML or JSON document holding one object
     * @param name     the name the apply is sent to; the manifest's {@code metadata.name} must be the same
     * @param what     the object for messages, for example {@code "configmaps/settings"}
     * @throws IllegalArgumentException when the text is not YAML or JSON, holds no or more than one document, is not
     *                                  an object, lacks {@code apiVersion}, {@code kind} or {@code metadata.name}, or
     *                                  names another object than {@code name}
     */
    public static Prepared prepareManifest(String manifest, String name, String what) {
        Objects.requireNonNull(manifest, "manifest");
        List<JsonNode> documents = new ArrayList<>();
        // Document by document: a reader's readValues would unwrap a top-level list into several values.
        try (JsonParser parser = YAML.createParser(manifest)) {
            while (parser.nextToken() != null) {
                JsonNode document = YAML.readTree(parser);
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the manifest for the server-side apply of " + what
                    + " is neither YAML nor JSON: " + e.getOriginalMessage(), e);
        }
        if (documents.size() != 1) {
            throw new IllegalArgumentException("the manifest for the server-side apply of " + what + " holds "
                    + documents.size() + " YAML documents; apply takes exactly one object per call"
                    + (documents.isEmpty() ? "" : " (split the text at '---' and apply each)"));
        }
        if (!(documents.get(0) instanceof ObjectNode body)) {
            throw new IllegalArgumentException("the manifest for the server-side apply of " + what
                    + " is not an object (a YAML mapping or JSON object) but " + documents.get(0).getNodeType());
        }
        Prepared prepared = prepare(body, what);
        String named = body.path("metadata").path("name").stringValue();
        if (!named.equals(name)) {
            throw new IllegalArgumentException("the manifest for the server-side apply of " + what + " names '"
                    + named + "' in metadata.name; apply it under that name or change the manifest");
        }
        return prepared;
    }

    /**
     * Puts the apply parameters on a {@code PATCH} request: the field manager (the options', else
     * {@code defaultFieldManager}), dry run, field validation and {@code force}.
     *
     * @throws KubeClientException before anything is sent when neither names a field manager
     */
    public static KubeRequest parameters(KubeRequest request, ApplyOptions options, String defaultFieldManager,
                                         String what) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        String manager = options.fieldManager() != null ? options.fieldManager() : defaultFieldManager;
        if (manager == null) {
            throw new KubeClientException("server-side apply of " + what + " needs a field manager: set "
                    + "ApplyOptions.fieldManager(\"my-controller\") or RestConfig.fieldManager");
        }
        QueryParams.write(request, options, manager);
        if (options.force()) {
            request.param("force", "true");
        }
        return request;
    }

    private static boolean hasText(JsonNode node) {
        return node != null && node.isString() && !node.stringValue().isBlank();
    }
}
