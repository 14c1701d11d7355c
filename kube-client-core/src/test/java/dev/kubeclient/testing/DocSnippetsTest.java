package dev.kubeclient.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link DocSnippets} finds every way a page's Java example can drift from its compiled source. */
class DocSnippetsTest {

    private static final String SOURCE = """
            class Examples {
                void a() {
                    // tag::hello[]
                    String s = "hello";
                    // tag::inner[]
                    s.length();
                    // end::inner[]
                    // end::hello[]
                }
            }
            """;

    @TempDir
    Path dir;

    private Path docs;
    private Path sources;

    private void write(String page) throws IOException {
        docs = Files.createDirectories(dir.resolve("docs"));
        sources = Files.createDirectories(dir.resolve("src"));
        Files.writeString(sources.resolve("Examples.java"), SOURCE);
        Files.writeString(docs.resolve("page.md"), page);
    }

    @Test
    void aMarkedBlockEqualToItsRegionPasses() throws IOException {
        write("""
                # Page

                <!-- snippet: Examples#hello -->
                ```java
                String s = "hello";
                s.length();
                ```

                ```sh
                echo not java
                ```
                """);

        assertThat(DocSnippets.problems(docs, List.of(sources))).isEmpty();
        assertThat(DocSnippets.snippets(docs.resolve("page.md"))).singleElement()
                .satisfies(s -> assertThat(s.line()).isEqualTo(4));
    }

    @Test
    void aBlockThatDriftedIsReportedWithTheLineAndTheTextToPaste() throws IOException {
        write("""
                <!-- snippet: Examples#hello -->
                ```java
                String s = "hullo";
                s.length();
                ```
                """);

        assertThatThrownBy(() -> DocSnippets.assertInSync(docs, sources))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("page.md:2: differs from Examples#hello at its line 1")
                .hasMessageContaining("source: 'String s = \"hello\";', page: 'String s = \"hullo\";'")
                .hasMessageContaining("```java\nString s = \"hello\";\ns.length();\n```");
    }

    @Test
    void anUnmarkedJavaBlockIsReported() throws IOException {
        write("""
                ```java
                int x = 1;
                ```
                """);

        assertThat(DocSnippets.problems(docs, List.of(sources))).singleElement().asString()
                .startsWith("page.md:1: a ```java block without a <!-- snippet: ClassName#region --> marker");
    }

    @Test
    void aMarkerNamingAMissingClassOrRegionIsReported() throws IOException {
        write("""
                <!-- snippet: Nowhere#hello -->
                ```java
                ```

                <!-- snippet: Examples#missing -->
                ```java
                ```
                """);

        assertThat(DocSnippets.problems(docs, List.of(sources))).satisfiesExactly(
                p -> assertThat(p).contains("page.md:2").contains("no Nowhere.java is in"),
                p -> assertThat(p).contains("page.md:6").contains("has no region 'missing'"));
    }

    @Test
    void aMarkerAppliesOnlyToTheBlockRightAfterIt() throws IOException {
        write("""
                <!-- snippet: Examples#inner -->
                Some prose in between.

                ```java
                s.length();
                ```
                """);

        assertThat(DocSnippets.problems(docs, List.of(sources))).singleElement().asString().contains("without a");
    }

    @Test
    void regionsMayNestAndLoseTheirCommonIndentation() throws IOException {
        write("");
        assertThat(DocSnippets.region(sources.resolve("Examples.java"), "inner")).isEqualTo("s.length();");
        assertThat(DocSnippets.region(sources.resolve("Examples.java"), "hello"))
                .isEqualTo("String s = \"hello\";\ns.length();");
    }
}
