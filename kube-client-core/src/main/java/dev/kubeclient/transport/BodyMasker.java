package dev.kubeclient.transport;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Masks credentials in request and response bodies before the wire trace prints them, so a trace can be pasted
 * into a ticket: in JSON every value of a field named {@code token}, {@code password}, {@code clientKeyData} (and
 * the kubeconfig spellings of such fields) is replaced, and so are the values under {@code data} and
 * {@code stringData} and the {@code last-applied-configuration} annotation of Secrets (a body whose {@code kind}
 * is Secret or SecretList, or any body sent to or from a {@code secrets} URL). The JSON is read token by token, so
 * a body cut short by the trace limit is masked up to the cut. A text body that is not JSON is printed only when
 * it mentions nothing that looks like a credential.
 */
final class BodyMasker {

    static final String MASK = "<masked>";

    private static final Set<String> SECRET_FIELDS = Set.of("token", "password", "clientkeydata", "client-key-data",
            "id-token", "refresh-token", "client-secret", "access-token", "accesstoken", "idtoken", "refreshtoken",
            "clientsecret");
    private static final Set<String> SECRET_DATA_FIELDS = Set.of("data", "stringData");
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final String[] SUSPICIOUS_TEXT = {"token", "password", "secret", "key", "bearer", "credential"};

    private static final JsonFactory JSON = new JsonFactory();

    private BodyMasker() {
    }

    /**
     * The printable form of a body: masked JSON, harmless text, or a note saying what was left out.
     *
     * @param bytes the body, possibly only its first bytes
     * @param truncated whether {@code bytes} is a prefix of the body
     * @param totalSize the full body size when known, otherwise -1
     * @param contentType the media type, or {@code null}
     * @param secretUrl whether the request URL addresses Secrets
     */
    static String render(byte[] bytes, boolean truncated, long totalSize, String contentType, boolean secretUrl) {
        String size = totalSize >= 0 ? totalSize + " bytes" : "unknown size";
        if (bytes.length == 0) {
            return truncated ? "<body of " + size + " not shown>" : "<empty>";
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("protobuf") || (!type.isEmpty() && !isTextual(type)) || !looksLikeText(bytes)) {
            return "<" + size + " of binary content" + (type.isEmpty() ? "" : " (" + contentType + ")")
                    + " not shown>";
        }
        int first = firstNonBlank(bytes);
        if (first >= 0 && (bytes[first] == '{' || bytes[first] == '[')) {
            return maskJson(bytes, truncated, secretUrl);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String lower = text.toLowerCase(Locale.ROOT);
        if (secretUrl) {
            return "<" + size + " not shown: a non-JSON body for a Secret>";
        }
        for (String word : SUSPICIOUS_TEXT) {
            if (lower.contains(word)) {
                return "<" + size + " not shown: a non-JSON body that mentions '" + word + "'>";
            }
        }
        return truncated ? text + " ...[truncated, " + size + "]" : text;
    }

    private static boolean isTextual(String type) {
        return type.startsWith("text/") || type.contains("json") || type.contains("yaml") || type.contains("xml")
                || type.contains("x-www-form-urlencoded");
    }

    private static boolean looksLikeText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private static int firstNonBlank(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return i;
            }
        }
        return -1;
    }

    static String maskJson(byte[] bytes, boolean truncated, boolean secretUrl) {
        boolean secret = secretUrl || mentionsSecretKind(bytes);
        StringWriter out = new StringWriter();
        boolean complete = false;
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), bytes);
             JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            try {
                copy(parser, generator, secret);
                complete = true;
            } catch (JacksonException e) {
                // Cut short by the trace limit (or not JSON after all): keep what was masked so far.
                complete = false;
            } finally {
                generator.flush();
            }
        } catch (JacksonException e) {
            // Closing a generator with open arrays or objects may complain; the text is already out.
            complete = false;
        }
        String masked = out.toString();
        if (complete && !truncated) {
            return masked;
        }
        return masked + " ...[" + (truncated ? "truncated" : "not valid JSON beyond this point") + "]";
    }

    private static void copy(JsonParser parser, JsonGenerator generator, boolean secret) {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token != JsonToken.PROPERTY_NAME) {
                generator.copyCurrentEvent(parser);
                continue;
            }
            String name = parser.currentName();
            generator.writeName(name);
            JsonToken value = parser.nextToken();
            if (value == null) {
                return;
            }
            if (SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT)) || (secret && name.equals(LAST_APPLIED))) {
                maskValue(parser, generator);
            } else if (secret && SECRET_DATA_FIELDS.contains(name) && value != JsonToken.START_OBJECT) {
                maskValue(parser, generator);
            } else if (secret && SECRET_DATA_FIELDS.contains(name)) {
                generator.writeStartObject();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    generator.writeName(parser.currentName());
                    parser.nextToken();
                    maskValue(parser, generator);
                }
                generator.writeEndObject();
            } else {
                generator.copyCurrentEvent(parser);
            }
        }
    }

    private static void maskValue(JsonParser parser, JsonGenerator generator) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            generator.writeNull();
            return;
        }
        parser.skipChildren();
        generator.writeString(MASK);
    }

    /** Whether any {@code kind} field says Secret or SecretList (in any order, so a late {@code kind} counts). */
    private static boolean mentionsSecretKind(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME && "kind".equals(parser.currentName())
                        && parser.nextToken() == JsonToken.VALUE_STRING) {
                    String kind = parser.getString();
                    if ("Secret".equals(kind) || "SecretList".equals(kind)) {
                        return true;
                    }
                }
            }
        } catch (JacksonException e) {
            // A prefix of the body: what was read has been looked at.
            return false;
        }
        return false;
    }
}
