package dev.kubeclient.docs;

import dev.kubeclient.apply.ManagedFields;
import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.clientset.ResourceClient;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.Unstructured;
import dev.kubeclient.scheme.GroupVersionResource;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import dev.kubeclient.errors.ApiErrorCause;
import dev.kubeclient.errors.ConflictException;
import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.rest.KubeJson;
import dev.kubeclient.rest.PatchType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The Java examples of {@code docs/patching.md}. Compiled, never run; {@link DocsSnippetsTest} checks that the page
 * shows each region exactly as it is here.
 */
@SuppressWarnings("unused")
final class PatchingSnippets {

    private static final Logger log = LoggerFactory.getLogger(PatchingSnippets.class);

    void strategicMerge(Clientset clientset) {
        // tag::strategic[]
        Deployment d = clientset.appsV1().deployments("prod").patch("web", PatchType.STRATEGIC_MERGE,
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.26\"}]}}}}");
        // end::strategic[]
    }

    void mergePatch(Clientset clientset) {
        var deployments = clientset.appsV1().deployments("prod");
        JsonMapper mapper = KubeJson.defaults().mapper();
        // tag::merge[]
        deployments.patch("web", PatchType.MERGE, Map.of("metadata", Map.of("labels", Map.of("tier", "front"))));
        deployments.patch("web", PatchType.MERGE, mapper.readTree("{\"metadata\":{\"labels\":{\"old\":null}}}"));
        // end::merge[]
    }

    void jsonPatch(Clientset clientset) {
        var deployments = clientset.appsV1().deployments("prod");
        // tag::json-patch[]
        byte[] ops = """
            [{"op":"test","path":"/spec/template/spec/containers/1/name","value":"sidecar"},
             {"op":"replace","path":"/spec/replicas","value":3}]""".getBytes(UTF_8);
        deployments.patch("web", PatchType.JSON_PATCH, ops);
        // end::json-patch[]
    }

    void apply(Clientset clientset) {
        // tag::apply[]
        Deployment intent = new DeploymentBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(3).endSpec()
                .build();
        Deployment result = clientset.appsV1().deployments("prod")
                .apply(intent, ApplyOptions.fieldManager("autoscaler"));
        result.getMetadata().getManagedFields();   // who owns what
        // end::apply[]
    }

    void conflicts(Clientset clientset, ConfigMap intent) {
        var configMaps = clientset.coreV1().configMaps("prod");
        // tag::conflict[]
        try {
            configMaps.apply(intent, ApplyOptions.fieldManager("carol"));
        } catch (ConflictException e) {
            for (ApiErrorCause cause : e.causes()) {
                log.warn("{} is owned elsewhere: {}", cause.field(), cause.message());
            }
            configMaps.apply(intent, ApplyOptions.fieldManager("carol").forced());   // only if carol should win
        }
        // end::conflict[]
    }

    private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");

    void extract(ResourceClient<Deployment, DeploymentList> deployments, DynamicClient dynamic) {
        // tag::extract[]
        Deployment mine = ManagedFields.extract(deployments.get("web"), "my-controller");   // typed
        mine.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.27");
        deployments.apply(mine, ApplyOptions.fieldManager("my-controller"));

        Unstructured cm = dynamic.resource(CONFIGMAPS).namespace("prod").get("settings").extract("my-controller");
        // end::extract[]
    }
}
