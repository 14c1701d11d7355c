package dev.kubeclient.config;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads one kubeconfig file into a {@link KubeConfig}: the v1 {@code Config} schema with its named lists turned into
 * maps, relative paths resolved against the file's folder, and base64 fields checked. Unknown fields are ignored,
 * as client-go ignores them. Values are never quoted in messages: a kubeconfig is full of secrets.
 */
final class KubeConfigParser {

    /** Thread-safe and immutable once built. */
    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

    private KubeConfigParser() {
    }

    /** Reads and parses {@code file}, which must exist. */
    static KubeConfig read(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String content;
        try {
            content = Files.readString(absolute);
        } catch (NoSuchFileException e) {
            throw new KubeConfigException("kubeconfig " + absolute + " does not exist");
        } catch (AccessDeniedException e) {
            throw new KubeConfigException("cannot read kubeconfig " + absolute + ": permission denied; check the "
                    + "file's owner and mode");
        } catch (CharacterCodingException e) {
            throw new KubeConfigException("kubeconfig " + absolute + " is not UTF-8 text; is it the right file?");
        } catch (IOException e) {
            throw new KubeConfigException("cannot read kubeconfig " + absolute + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        return parse(content, absolute);
    }

    /** Parses {@code content} as if read from {@code file} (an absolute path, used for messages and relative paths). */
    static KubeConfig parse(String content, Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JacksonException e) {
            // The cause is not chained: the YAML library's message quotes the offending line, which may hold a token.
            throw new KubeConfigException(describeYamlError(file, e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            // client-go treats an empty file as an empty configuration.
            return new KubeConfig(List.of(file), Map.of(), Map.of(), Map.of(), null, null, Map.of());
        }
        if (!root.isObject()) {
            throw new KubeConfigException("kubeconfig " + file + " is not a kubeconfig: its top level must be a mapping "
                    + "with clusters, users and contexts");
        }
        Fields top = new Fields(root, "kubeconfig " + file, file);
        String kind = top.string("kind");
        if (kind != null && !kind.equals("Config")) {
            throw new KubeConfigException("kubeconfig " + file + " has kind '" + kind + "', expected 'Config'; is it "
                    + "the right file?");
        }
        Map<String, KubeConfigCluster> clusters = namedList(top, "clusters", "cluster", "cluster", KubeConfigParser::cluster);
        Map<String, KubeConfigUser> users = namedList(top, "users", "user", "user", KubeConfigParser::user);
        Map<String, KubeConfigContext> contexts = namedList(top, "contexts", "context", "context", KubeConfigParser::context);
        Fields prefs = top.object("preferences", "preferences in " + file);
        KubeConfigPreferences preferences = new KubeConfigPreferences(prefs.bool("colors"), prefs.extensions());
        return new KubeConfig(List.of(file), clusters, users, contexts, top.string("current-context"), preferences,
                top.extensions());
    }

    private static KubeConfigCluster cluster(String name, Fields f) {
        return new KubeConfigCluster(name, f.file, f.string("server"), f.path("certificate-authority"),
                f.base64("certificate-authority-data"), f.bool("insecure-skip-tls-verify"), f.string("tls-server-name"),
                f.string("proxy-url"), f.bool("disable-compression"), f.extensions());
    }

    private static KubeConfigContext context(String name, Fields f) {
        return new KubeConfigContext(name, f.file, f.string("cluster"), f.string("user"), f.string("namespace"),
                f.extensions());
    }

    private static KubeConfigUser user(String name, Fields f) {
        KubeConfigExec exec = null;
        if (f.value("exec") != null) {
            exec = exec(f.object("exec", "the exec plugin of " + f.where), f);
        }
        AuthProviderConfig authProvider = null;
        if (f.value("auth-provider") != null) {
            Fields p = f.object("auth-provider", "the auth-provider of " + f.where);
            String providerName = p.string("name");
            if (providerName == null) {
                throw new KubeConfigException(p.where + " has no name; set auth-provider.name (only oidc is supported) "
                        + "or use an exec plugin instead");
            }
            authProvider = new AuthProviderConfig(providerName, p.stringMap("config"));
        }
        return new KubeConfigUser(name, f.file, f.string("token"), f.path("tokenFile"), f.string("username"),
                f.string("password"), f.path("client-certificate"), f.base64("client-certificate-data"),
                f.path("client-key"), f.base64("client-key-data"), f.string("as"), f.string("as-uid"),
                f.strings("as-groups"), f.stringListMap("as-user-extra"), exec, authProvider, f.extensions());
    }

    private static KubeConfigExec exec(Fields e, Fields user) {
        String command = e.string("command");
        // client-go resolves the command against the kubeconfig's folder only when it contains a path separator;
        // a bare name is looked up on PATH when the plugin runs.
        if (command != null && (command.indexOf('/') >= 0 || command.indexOf(File.separatorChar) >= 0)
                && !Path.of(command).isAbsolute()) {
            command = user.folder().resolve(command).normalize().toString();
        }
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode list = e.value("env");
        if (list != null) {
            if (!list.isArray()) {
                throw e.error("env", "must be a list of name/value pairs");
            }
            int i = 0;
            for (JsonNode item : list.values()) {
                String where = "env[" + i++ + "] of " + e.where;
                if (!item.isObject()) {
                    throw new KubeConfigException(where + " must be a mapping with name and value");
                }
                Fields pair = new Fields(item, where, e.file);
                String varName = pair.string("name");
                if (varName == null) {
                    throw new KubeConfigException(where + " has no name; every env entry needs name and value");
                }
                String value = pair.string("value");
                env.put(varName, value == null ? "" : value);
            }
        }
        return new KubeConfigExec(e.string("apiVersion"), command, e.strings("args"), env, e.string("installHint"),
                e.bool("provideClusterInfo"), e.string("interactiveMode"));
    }

    private static <T> Map<String, T> namedList(Fields top, String listField, String bodyField, String label,
                                                BiFunction<String, Fields, T> build) {
        Map<String, T> result = new LinkedHashMap<>();
        JsonNode list = top.value(listField);
        if (list == null) {
            return result;
        }
        if (!list.isArray()) {
            throw top.error(listField, "must be a list of entries with name and " + bodyField);
        }
        int i = 0;
        for (JsonNode item : list.values()) {
            String position = listField + "[" + i++ + "] in " + top.file;
            if (!item.isObject()) {
                throw new KubeConfigException(position + " must be a mapping with name and " + bodyField);
            }
            String name = new Fields(item, position, top.file).string("name");
            if (name == null) {
                throw new KubeConfigException(position + " has no name; every entry in " + listField + " needs one");
            }
            if (result.containsKey(name)) {
                throw new KubeConfigException(label + " '" + name + "' is defined twice in " + top.file
                        + "; remove one of the entries");
            }
            String where = label + " '" + name + "' in " + top.file;
            result.put(name, build.apply(name, new Fields(item, position, top.file).object(bodyField, where)));
        }
        return result;
    }

    private static String describeYamlError(Path file, JacksonException e) {
        StringBuilder s = new StringBuilder("kubeconfig ").append(file).append(" is not valid YAML");
        MarkedYamlEngineException marked = e.getCause() instanceof MarkedYamlEngineException m ? m : null;
        Optional<Mark> problem = marked == null ? Optional.empty() : marked.getProblemMark();
        TokenStreamLocation location = e.getLocation();
        if (problem.isPresent()) {
            // Where the parser found the problem (kubectl's position): for a tab in the indentation that is the
            // tab's own line, while the token location is the end of the line before.
            s.append(" at line ").append(problem.get().getLine() + 1).append(", column ")
                    .append(problem.get().getColumn() + 1);
        } else if (location != null && location.getLineNr() > 0) {
            s.append(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        if (marked != null) {
            s.append(": ");
            if (marked.getContext() != null && !marked.getContext().isBlank()) {
                s.append(marked.getContext()).append(", ");
            }
            s.append(marked.getProblem());
        }
        return s.append("; fix the file or point $KUBECONFIG elsewhere").toString();
    }

    /** Typed access to the fields of one mapping, with messages that name the field and the entry. */
    private static final class Fields {
        private final JsonNode node;
        private final String where;
        private final Path file;

        Fields(JsonNode node, String where, Path file) {
            this.node = node;
            this.where = where;
            this.file = file;
        }

        Path folder() {
            Path parent = file.getParent();
            return parent == null ? file.toAbsolutePath().getParent() : parent;
        }

        /** The field's node, or {@code null} when absent or explicitly null. */
        JsonNode value(String field) {
            JsonNode v = node == null ? null : node.get(field);
            return v == null || v.isNull() || v.isMissingNode() ? null : v;
        }

        KubeConfigException error(String field, String problem) {
            return new KubeConfigException("field '" + field + "' of " + where + " " + problem);
        }

        /** A string; {@code null} when absent or empty (in kubeconfig, as in Go, empty means unset). */
        String string(String field) {
            JsonNode v = value(field);
            if (v == null) {
                return null;
            }
            if (!v.isString()) {
                throw error(field, "must be a string" + (v.isValueNode() ? "; put the value in quotes" : ""));
            }
            String text = v.stringValue();
            return text.isEmpty() ? null : text;
        }

        boolean bool(String field) {
            JsonNode v = value(field);
            if (v == null) {
                return false;
            }
            if (!v.isBoolean()) {
                throw error(field, "must be true or false");
            }
            return v.booleanValue();
        }

        List<String> strings(String field) {
            JsonNode v = value(field);
            if (v == null) {
                return List.of();
            }
            if (!v.isArray()) {
                throw error(field, "must be a list of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : v.values()) {
                if (!item.isString()) {
                    throw error(field, "must be a list of strings; put each item in quotes");
                }
                out.add(item.stringValue());
            }
            return out;
        }

        Map<String, String> stringMap(String field) {
            JsonNode v = value(field);
            if (v == null) {
                return Map.of();
            }
            if (!v.isObject()) {
                throw error(field, "must be a mapping of names to strings");
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (e.getValue().isNull()) {
                    continue;
                }
                if (!e.getValue().isString()) {
                    throw error(field, "must map names to strings, but '" + e.getKey() + "' is not a string; put "
                            + "its value in quotes");
                }
                out.put(e.getKey(), e.getValue().stringValue());
            }
            return out;
        }

        Map<String, List<String>> stringListMap(String field) {
            JsonNode v = value(field);
            if (v == null) {
                return Map.of();
            }
            if (!v.isObject()) {
                throw error(field, "must be a mapping of names to lists of strings");
            }
            Map<String, List<String>> out = new LinkedHashMap<>();
            Fields inner = new Fields(v, field + " of " + where, file);
            for (String key : v.propertyNames()) {
                out.put(key, inner.strings(key));
            }
            return out;
        }

        /** A file path, resolved against the folder of the kubeconfig when relative. */
        Path path(String field) {
            String text = string(field);
            if (text == null) {
                return null;
            }
            Path p = Path.of(text);
            return p.isAbsolute() ? p.normalize() : folder().resolve(p).normalize();
        }

        /** A base64 field, checked now so that a broken value is reported with its location. */
        String base64(String field) {
            String text = string(field);
            if (text == null) {
                return null;
            }
            // Go's decoder skips line breaks, so wrapped base64 (as `base64` prints it) is accepted too.
            String compact = text.replaceAll("[\\r\\n\\s]", "");
            try {
                Base64.getDecoder().decode(compact);
            } catch (IllegalArgumentException e) {
                throw error(field, "is not valid base64; it must hold the PEM text encoded with base64 (for "
                        + "example the output of `base64 -w0 file.pem`)");
            }
            return compact;
        }

        /** A nested mapping; an empty one when absent. */
        Fields object(String field, String nestedWhere) {
            JsonNode v = value(field);
            if (v != null && !v.isObject()) {
                throw error(field, "must be a mapping");
            }
            return new Fields(v, nestedWhere, file);
        }

        /** The {@code extensions} list ({@code name} + {@code extension}) as a map by name. */
        Map<String, Object> extensions() {
            JsonNode list = value("extensions");
            if (list == null) {
                return Map.of();
            }
            if (!list.isArray()) {
                throw error("extensions", "must be a list of entries with name and extension");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            int i = 0;
            for (JsonNode item : list.values()) {
                String position = "extensions[" + i++ + "] of " + where;
                if (!item.isObject()) {
                    throw new KubeConfigException(position + " must be a mapping with name and extension");
                }
                String name = new Fields(item, position, file).string("name");
                if (name == null) {
                    throw new KubeConfigException(position + " has no name");
                }
                out.putIfAbsent(name, Yaml.plain(item.get("extension")));
            }
            return out;
        }
    }
}
