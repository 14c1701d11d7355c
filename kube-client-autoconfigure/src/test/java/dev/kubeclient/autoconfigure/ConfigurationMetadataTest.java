package dev.kubeclient.autoconfigure;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The generated {@code META-INF/spring-configuration-metadata.json} describes every property (IDEs show it), shows
 * the defaults, and the property reference in {@code docs/spring-boot-properties.md} is generated from it. Run with
 * {@code -Ddocs.update=true} to rewrite the page after changing a property.
 */
class ConfigurationMetadataTest {

    static final Path DOCS_PAGE = Path.of("..", "docs", "spring-boot-properties.md");

    /** name → (description, default, type), in name order. */
    static Map<String, JsonNode> properties() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json in the built classes").isNotNull();
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, JsonNode> byName = new TreeMap<>();
            for (JsonNode property : root.get("properties")) {
                byName.put(property.get("name").asString(), property);
            }
            return byName;
        }
    }

    @Test
    void everyPropertyHasADescriptionEndingInAFullStop() throws IOException {
        Map<String, JsonNode> properties = properties();
        assertThat(properties).hasSizeGreaterThanOrEqualTo(21);
        List<String> undescribed = new ArrayList<>();
        properties.forEach((name, property) -> {
            JsonNode description = property.get("description");
            if (description == null || description.asString().isBlank() || !description.asString().endsWith(".")) {
                undescribed.add(name);
            }
        });
        assertThat(undescribed).as("properties without a one-sentence description").isEmpty();
    }

    @Test
    void everyPropertyWithAFixedDefaultShowsIt() throws IOException {
        Map<String, JsonNode> properties = properties();
        Map<String, String> expected = Map.of("kube.client.mode", "auto", "kube.client.qps", "5", "kube.client.burst", "10",
                "kube.client.rate-limiter", "token-bucket", "kube.client.connect-timeout", "30s",
                "kube.client.request-timeout", "0", "kube.client.max-retries", "10", "kube.client.wire-trace-level", "0",
                "kube.client.insecure-skip-tls-verify", "false");
        expected.forEach((name, value) -> {
            JsonNode property = properties.get(name);
            assertThat(property).as(name).isNotNull();
            assertThat(property.get("defaultValue")).as("default of " + name).isNotNull();
            assertThat(property.get("defaultValue").asString()).as("default of " + name).isEqualTo(value);
        });
        // The others have no fixed default; their description says what happens when they are unset.
        for (String computed : List.of("kube.client.user-agent", "kube.client.field-manager", "kube.client.kubeconfig",
                "kube.client.max-rate-limiter-wait")) {
            assertThat(properties.get(computed).get("description").asString()).as(computed)
                    .containsAnyOf("default", "unset", "instead of");
        }
    }

    @Test
    void theDocsPropertyReferenceIsGeneratedFromTheMetadata() throws IOException {
        String generated = PropertiesReference.render(properties());
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOCS_PAGE, generated, StandardCharsets.UTF_8);
        }
        String current = Files.exists(DOCS_PAGE) ? Files.readString(DOCS_PAGE, StandardCharsets.UTF_8) : "";
        if (!current.equals(generated)) {
            fail(DOCS_PAGE.normalize() + " is out of date with the kube.client properties; regenerate it with\n"
                    + "  ./mvnw -pl kube-client-autoconfigure -am test -Dtest=ConfigurationMetadataTest "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true");
        }
    }
}
