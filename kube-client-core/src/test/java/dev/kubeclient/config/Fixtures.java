package dev.kubeclient.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Access to the kubeconfig fixtures under {@code src/test/resources/kubeconfig} and to temporary kubeconfigs. */
final class Fixtures {

    private Fixtures() {
    }

    /** A fixture file or folder, for example {@code all-fields.yaml}. */
    static Path fixture(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/kubeconfig/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture kubeconfig/" + relative, e);
        }
    }

    /** Writes {@code content} to {@code dir/name} (creating folders) and returns the file. */
    static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An environment with no variables but these, and {@code home} as the home folder. */
    static ConfigEnvironment env(Path home, Map<String, String> variables) {
        return ConfigEnvironment.of(variables, home);
    }

    /** A loader with no environment variables and {@code home} as the home folder. */
    static KubeConfigLoader loader(Path home) {
        return new KubeConfigLoader(env(home, Map.of()));
    }

    /** A minimal valid kubeconfig with one context {@code ctx} and the given user stanza lines (indented 4). */
    static String withUser(String userLines) {
        return """
                apiVersion: v1
                kind: Config
                current-context: ctx
                clusters:
                - name: c
                  cluster:
                    server: https://c.example.com
                contexts:
                - name: ctx
                  context:
                    cluster: c
                    user: u
                users:
                - name: u
                  user:
                """ + userLines.indent(4);
    }

    /** A minimal valid kubeconfig with one context {@code ctx}, user {@code u} (a token) and the given cluster lines. */
    static String withCluster(String clusterLines) {
        return """
                apiVersion: v1
                kind: Config
                current-context: ctx
                clusters:
                - name: c
                  cluster:
                """ + clusterLines.indent(4) + """
                contexts:
                - name: ctx
                  context:
                    cluster: c
                    user: u
                users:
                - name: u
                  user:
                    token: t
                """;
    }
}
