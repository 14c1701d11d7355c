package dev.kubeclient;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packages depend downward only (see {@code docs/architecture.md}). Each package of the core has a layer; a class may
 * use classes of its own package and of packages in lower layers, never of its own layer's other packages or of a
 * higher one. The check reads the Java sources (main and generated): their imports and any fully qualified name in
 * code; Javadoc references are not dependencies and are not counted.
 */
class PackageLayersTest {

    /** The layers, lowest first. A new package must be placed here before it can be used. */
    static final List<Set<String>> LAYERS = List.of(
            Set.of("protobuf"),
            Set.of("errors", "observation", "scheme"),
            Set.of("config", "flowcontrol", "pager"),
            Set.of("auth", "retry", "watch"),
            Set.of("transport"),
            Set.of("rest"),
            Set.of("meta", "discovery"),
            Set.of("apply"),
            Set.of("clientset", "dynamic"));

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.kubeclient\\.([a-z][a-z0-9_]*)\\b");

    @Test
    void everyPackageOfTheCoreHasALayer() {
        Set<String> placed = new TreeSet<>();
        LAYERS.forEach(placed::addAll);

        assertThat(dependencies().keySet()).as("packages of the core; place a new one in LAYERS and docs/architecture.md")
                .isSubsetOf(placed);
    }

    @Test
    void packagesDependOnLowerLayersOnly() {
        List<String> upward = new ArrayList<>();
        dependencies().forEach((from, targets) -> targets.forEach((to, where) -> {
            if (!to.equals(from) && layerOf(to) >= layerOf(from)) {
                upward.add(from + " (layer " + layerOf(from) + ") -> " + to + " (layer " + layerOf(to) + ") in " + where);
            }
        }));

        assertThat(upward).as("dependencies that do not point to a lower layer").isEmpty();
    }

    @Test
    void theCheckSeesImportsAndQualifiedNamesButNotComments() {
        String source = """
                package dev.kubeclient.rest;
                import dev.kubeclient.transport.KubeTransport;
                import static dev.kubeclient.errors.ApiErrors.isNotFound;
                /** See {@link dev.kubeclient.clientset.Clientset}. */
                class X {
                    // dev.kubeclient.dynamic.DynamicClient is not used
                    String s = "dev.kubeclient.apply.ApplyBody";
                    dev.kubeclient.watch.Watch<?> w;
                }
                """;

        assertThat(referencedPackages(source)).containsExactlyInAnyOrder("rest", "transport", "errors", "watch");
    }

    private static int layerOf(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        throw new AssertionError("package dev.kubeclient." + pkg + " has no layer in PackageLayersTest.LAYERS");
    }

    /** Package -> package it uses -> the first file that uses it. */
    private static Map<String, Map<String, Path>> dependencies() {
        Map<String, Map<String, Path>> graph = new TreeMap<>();
        Path main = Path.of("src", "main", "java", "dev", "kubeclient");
        assertThat(main).as("the core's sources, read from the module folder").isDirectory();
        Path generated = Path.of("target", "generated-sources", "kubeclient", "dev", "kubeclient");
        for (Path root : Files.isDirectory(generated) ? List.of(main, generated) : List.of(main)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                    String pkg = root.relativize(file).getName(0).toString();
                    if (file.getParent().equals(root)) {
                        pkg = "";
                    }
                    Map<String, Path> targets = graph.computeIfAbsent(pkg, p -> new TreeMap<>());
                    for (String used : referencedPackages(read(file))) {
                        targets.putIfAbsent(used, file);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    /** The top-level {@code dev.kubeclient} packages named in code (comments and string literals left out). */
    static Set<String> referencedPackages(String source) {
        Set<String> packages = new TreeSet<>();
        Matcher m = REFERENCE.matcher(withoutCommentsAndStrings(source));
        while (m.find()) {
            packages.add(m.group(1));
        }
        return packages;
    }

    private static String withoutCommentsAndStrings(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? source.length() : end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i++);
                while (i < source.length() && source.charAt(i) != quote) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else {
                code.append(source.charAt(i++));
            }
        }
        return code.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
