package dev.kubeclient.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the Java examples of markdown pages identical to code that compiles. Every fenced {@code ```java} block
 * of a page must follow a marker naming a region of a source file:
 *
 * <pre>{@code
 * <!-- snippet: GettingStartedSnippets#config -->
 * ```java
 * RestConfig config = RestConfigs.autodetect();
 * ```
 * }</pre>
 *
 * and the block must equal the lines between {@code // tag::config[]} and {@code // end::config[]} in
 * {@code GettingStartedSnippets.java} (a test source, so the build compiles it), with their common indentation
 * removed. Lines holding other regions' tags inside a region are left out, so regions may overlap. Modules check
 * their own pages from a test: {@code DocSnippets.assertInSync(docsFolder, snippetSourcesFolder)}.
 */
public final class DocSnippets {

    private static final Pattern MARKER = Pattern.compile("<!--\\s*snippet:\\s*([A-Za-z0-9_$.]+)#([A-Za-z0-9_-]+)\\s*-->");
    private static final Pattern TAG = Pattern.compile("//\\s*(tag|end)::([A-Za-z0-9_-]+)\\[]");

    private DocSnippets() {
    }

    /**
     * One fenced Java block of a page.
     *
     * @param page the markdown file
     * @param line the 1-based line of the opening fence
     * @param className the class the marker names ({@code null} when the block has no marker)
     * @param region the region the marker names ({@code null} when the block has no marker)
     * @param text the block's lines, joined with {@code \n}
     */
    public record Snippet(Path page, int line, String className, String region, String text) {
    }

    /** The fenced Java blocks of one markdown page, with the marker before each, if any. */
    public static List<Snippet> snippets(Path page) {
        List<String> lines = readLines(page);
        List<Snippet> found = new ArrayList<>();
        Matcher pending = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher marker = MARKER.matcher(line.strip());
            if (marker.matches()) {
                pending = marker;
                continue;
            }
            if (line.startsWith("```")) {
                boolean java = line.strip().equals("```java");
                int start = i;
                List<String> body = new ArrayList<>();
                for (i = i + 1; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    body.add(lines.get(i));
                }
                if (java) {
                    found.add(new Snippet(page, start + 1, pending == null ? null : pending.group(1),
                            pending == null ? null : pending.group(2), String.join("\n", body)));
                }
                pending = null;
                continue;
            }
            if (!line.isBlank()) {
                pending = null;
            }
        }
        return found;
    }

    /**
     * The lines of {@code region} in {@code source}, without their common indentation.
     *
     * @throws IllegalArgumentException when the file has no such region, or it is not closed
     */
    public static String region(Path source, String region) {
        List<String> lines = readLines(source);
        List<String> body = null;
        for (String line : lines) {
            Matcher tag = TAG.matcher(line);
            if (tag.find()) {
                if (tag.group(2).equals(region)) {
                    if (tag.group(1).equals("tag")) {
                        body = new ArrayList<>();
                    } else if (body != null) {
                        return dedent(body);
                    }
                }
                continue;
            }
            if (body != null) {
                body.add(line);
            }
        }
        throw new IllegalArgumentException(source + " has no region '" + region + "' (between // tag::" + region
                + "[] and // end::" + region + "[])");
    }

    /**
     * What is wrong with the Java blocks of the markdown pages directly in {@code docs}: blocks without a marker,
     * markers naming a missing file or region, and blocks that differ from their region. Empty when all is well.
     *
     * @param docs the folder of the pages ({@code *.md}, not searched recursively)
     * @param sources the folders holding the classes the markers name ({@code <ClassName>.java}), searched in
     *                order: one per module whose classes the guide quotes (each module compiles its own)
     */
    public static List<String> problems(Path docs, List<Path> sources) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> pages = Files.list(docs)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                for (Snippet snippet : snippets(page)) {
                    problems.addAll(check(snippet, sources));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + docs, e);
        }
        return problems;
    }

    /**
     * Fails with every problem {@link #problems} finds, each saying where and how to fix it.
     *
     * @throws AssertionError when a Java block of a page is unmarked or differs from its region
     */
    public static void assertInSync(Path docs, Path... sources) {
        List<String> problems = problems(docs, List.of(sources));
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " documentation snippet(s) out of sync with " + List.of(sources)
                    + ":\n\n" + String.join("\n\n", problems));
        }
    }

    private static List<String> check(Snippet snippet, List<Path> sources) {
        String where = snippet.page().getFileName() + ":" + snippet.line();
        if (snippet.className() == null) {
            return List.of(where + ": a ```java block without a <!-- snippet: ClassName#region --> marker before it; "
                    + "put the code in a region of a class under one of " + sources + " and mark the block");
        }
        String simpleName = snippet.className().substring(snippet.className().lastIndexOf('.') + 1);
        Path source = sources.stream().map(folder -> folder.resolve(simpleName + ".java")).filter(Files::isRegularFile)
                .findFirst().orElse(null);
        if (source == null) {
            return List.of(where + ": the marker names " + snippet.className() + ", but no " + simpleName
                    + ".java is in " + sources);
        }
        String expected;
        try {
            expected = region(source, snippet.region());
        } catch (IllegalArgumentException e) {
            return List.of(where + ": " + e.getMessage());
        }
        if (expected.equals(snippet.text())) {
            return List.of();
        }
        return List.of(where + ": differs from " + simpleName + "#" + snippet.region() + " "
                + firstDifference(expected, snippet.text()) + "; the block should read:\n```java\n" + expected + "\n```");
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<no line>";
            String al = i < a.length ? a[i] : "<no line>";
            if (!el.equals(al)) {
                return "at its line " + (i + 1) + " (source: '" + el + "', page: '" + al + "')";
            }
        }
        return "";
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(indent));
        }
        return String.join("\n", out);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
