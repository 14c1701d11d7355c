package dev.kubeclient.autoconfigure;

import tools.jackson.databind.JsonNode;

import java.util.Map;

/** Renders the property reference page from the configuration metadata (see {@link ConfigurationMetadataTest}). */
final class PropertiesReference {

    private PropertiesReference() {
    }

    static String render(Map<String, JsonNode> properties) {
        StringBuilder page = new StringBuilder("""
                # Spring Boot starter: property reference

                <!-- Generated from kube-client-autoconfigure's spring-configuration-metadata.json by
                     ConfigurationMetadataTest; do not edit by hand. Regenerate with:
                     ./mvnw -pl kube-client-autoconfigure -am test -Dtest=ConfigurationMetadataTest -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true -->

                Every property of the starter, under the prefix `kube.client`. See [the starter guide](spring-boot.md)
                for what they are for.

                | Property | Default | Description |
                |---|---|---|
                """);
        properties.forEach((name, property) -> page.append("| `").append(name).append("` | ")
                .append(defaultOf(property)).append(" | ")
                .append(cell(property.get("description").asString())).append(" |\n"));
        return page.toString();
    }

    private static String defaultOf(JsonNode property) {
        JsonNode value = property.get("defaultValue");
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            return value.isEmpty() ? "" : "`" + value + "`";
        }
        return "`" + value.asString() + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
