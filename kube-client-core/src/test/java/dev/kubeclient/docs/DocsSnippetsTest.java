package dev.kubeclient.docs;

import dev.kubeclient.testing.DocSnippets;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java examples of the user guide ({@code docs/*.md}) are the regions of the compiled classes in this package,
 * character for character, so a change that breaks an example breaks the build (see {@code docs/README.md}).
 */
class DocsSnippetsTest {

    /** Surefire runs in the module folder; the guide is beside it. */
    private static final Path DOCS = Path.of("..", "docs");
    private static final Path SOURCES = Path.of("src", "test", "java", "dev", "kubeclient", "docs");
    /** Pages about the Spring Boot starter and the test kit quote classes compiled in those modules. */
    private static final Path STARTER_SOURCES = Path.of("..", "kube-client-autoconfigure", "src", "test", "java",
            "dev", "kubeclient", "autoconfigure", "docs");
    private static final Path TEST_KIT_SOURCES = Path.of("..", "kube-client-test", "src", "test", "java", "dev",
            "kubeclient", "testing", "docs");
    private static final Path SAMPLE_SOURCES = Path.of("..", "sample-app", "src", "test", "java", "dev",
            "kubeclient", "sample", "docs");

    @Test
    void everyJavaBlockOfTheGuideIsARegionOfACompiledClass() {
        assertThat(DOCS.resolve("getting-started.md")).as("the user guide beside this module").isRegularFile();

        DocSnippets.assertInSync(DOCS, SOURCES, STARTER_SOURCES, TEST_KIT_SOURCES, SAMPLE_SOURCES);
    }

    @Test
    void theGuideHasJavaExamplesToCheck() throws Exception {
        long blocks = 0;
        try (var pages = Files.list(DOCS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                blocks += DocSnippets.snippets(page).size();
            }
        }
        assertThat(blocks).isGreaterThanOrEqualTo(13);
    }
}
