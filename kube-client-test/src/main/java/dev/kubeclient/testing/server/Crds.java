package dev.kubeclient.testing.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The resources an {@code apiextensions.k8s.io/v1} CustomResourceDefinition defines: one per served version. */
final class Crds {

    private Crds() {
    }

    static List<ResourceDef> definitions(ObjectNode crd) {
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        String group = spec.path("group").asString("");
        String kind = names.path("kind").asString("");
        String plural = names.path("plural").asString(kind.toLowerCase(Locale.ROOT) + "s");
        String singular = names.path("singular").asString(kind.toLowerCase(Locale.ROOT));
        boolean namespaced = !"Cluster".equals(spec.path("scope").asString("Namespaced"));
        List<String> shortNames = strings(names.path("shortNames"));
        List<String> categories = strings(names.path("categories"));
        List<ResourceDef> defs = new ArrayList<>();
        for (JsonNode v : spec.path("versions")) {
            if (!v.path("served").asBoolean(true)) {
                continue;
            }
            JsonNode sub = v.path("subresources");
            if (sub.isMissingNode()) {
                sub = spec.path("subresources");
            }
            ResourceDef.ScaleDef scale = null;
            if (sub.has("scale")) {
                JsonNode s = sub.get("scale");
                scale = new ResourceDef.ScaleDef(s.path("specReplicasPath").asString(".spec.replicas"),
                        s.path("statusReplicasPath").asString(".status.replicas"),
                        s.path("labelSelectorPath").asString(""));
            }
            defs.add(new ResourceDef(group, v.path("name").asString(""), kind, plural, singular, namespaced,
                    ResourceDef.ALL_VERBS, shortNames, categories, sub.has("status"), scale, true, true, null));
        }
        return defs;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString("")));
        return list;
    }
}
