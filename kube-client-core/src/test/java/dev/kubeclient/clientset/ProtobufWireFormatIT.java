package dev.kubeclient.clientset;

import dev.kubeclient.config.WireFormat;
import dev.kubeclient.errors.KubeApiException;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.protobuf.KubeProtobuf;
import dev.kubeclient.scheme.ResourceType;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchEvent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import okhttp3.Interceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Protobuf and JSON answers of a real API server decode to equal model objects: objects created with many fields
 * set, read back by a JSON clientset and a protobuf one (get, list, watch).
 */
@IntegrationTest
class ProtobufWireFormatIT {

    private static Clientset json;
    private static Clientset protobuf;
    private static final List<String> protobufContentTypes = Collections.synchronizedList(new ArrayList<>());
    private static String ns;

    @BeforeAll
    static void connect(RealCluster cluster) {
        json = Clientset.create(EnvtestClientsets.adminConfig(cluster).wireFormat(WireFormat.JSON).build());
        Interceptor recordContentType = chain -> {
            var response = chain.proceed(chain.request());
            protobufContentTypes.add(String.valueOf(response.header("Content-Type")));
            return response;
        };
        protobuf = Clientset.create(EnvtestClientsets.adminConfig(cluster).wireFormat(WireFormat.PROTOBUF)
                .addInterceptor(recordContentType).build());
        ns = EnvtestClientsets.newNamespace(json, "protobuf");
        createObjects();
    }

    @AfterAll
    static void close() {
        if (json != null) {
            json.coreV1().namespaces().delete(ns);
            json.close();
        }
        if (protobuf != null) {
            protobuf.close();
        }
    }

    private static void createObjects() {
        // Admission looks up the pod's ServiceAccount; a dedicated one needs no ServiceAccount controller.
        json.coreV1().serviceAccounts(ns).create(new ServiceAccountBuilder().withNewMetadata().withName("proto")
                .endMetadata().build());
        var configMaps = json.coreV1().configMaps(ns);
        configMaps.create(new ConfigMapBuilder().withNewMetadata().withName("full")
                .addToLabels("app", "proto").addToLabels("tier", "")
                .addToAnnotations("note", "grüße ✓").addToFinalizers("example.com/keep")
                .endMetadata()
                .addToData("mode", "fast").addToData("empty", "")
                .addToBinaryData("blob", "AAECAwT/").addToBinaryData("none", "")
                .withImmutable(false).build());
        for (int i = 0; i < 5; i++) {
            configMaps.create(new ConfigMapBuilder().withNewMetadata().withName("cm-" + i).addToLabels("app", "proto")
                    .endMetadata().addToData("i", Integer.toString(i)).build());
        }
        json.coreV1().secrets(ns).create(new SecretBuilder().withNewMetadata().withName("creds").endMetadata()
                .withType("Opaque").addToData("password", "c2VjcmV0").addToStringData("user", "admin").build());
        json.coreV1().services(ns).create(new ServiceBuilder().withNewMetadata().withName("web")
                .addToLabels("app", "proto").endMetadata()
                .withNewSpec().addToSelector("app", "web").withType("ClusterIP").withSessionAffinity("ClientIP")
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString(8080)).withProtocol("TCP").endPort()
                .addNewPort().withName("metrics").withPort(9090).withTargetPort(new IntOrString("metrics")).endPort()
                .endSpec().build());
        json.coreV1().pods(ns).create(new PodBuilder().withNewMetadata().withName("worker")
                .addToLabels("app", "proto").addToAnnotations("a", "b").endMetadata()
                .withSpec(podSpec()).build());
        json.appsV1().deployments(ns).create(new DeploymentBuilder().withNewMetadata().withName("api")
                .addToLabels("app", "proto").endMetadata()
                .withNewSpec().withReplicas(0).withRevisionHistoryLimit(3).withMinReadySeconds(5)
                .withNewSelector().addToMatchLabels("app", "api").endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxSurge(new IntOrString("25%")).withMaxUnavailable(new IntOrString(1)).endRollingUpdate().endStrategy()
                .withNewTemplate().withNewMetadata().addToLabels("app", "api").endMetadata().withSpec(podSpec()).endTemplate()
                .endSpec().build());
    }

    private static PodSpec podSpec() {
        return new PodSpecBuilder()
                .withServiceAccountName("proto").withTerminationGracePeriodSeconds(0L).withAutomountServiceAccountToken(false)
                .addToNodeSelector("disk", "ssd")
                .addNewToleration().withKey("dedicated").withOperator("Equal").withValue("batch")
                .withEffect("NoExecute").withTolerationSeconds(30L).endToleration()
                .addNewVolume().withName("config").withNewConfigMap().withName("full").withDefaultMode(0644)
                .withOptional(true).endConfigMap().endVolume()
                .addNewVolume().withName("scratch").withNewEmptyDir().withSizeLimit(new Quantity("64Mi")).endEmptyDir().endVolume()
                .addNewContainer().withName("main").withImage("busybox:1.36").withCommand("sh", "-c")
                .withArgs("sleep 3600").withWorkingDir("/work").withImagePullPolicy("IfNotPresent")
                .addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
                .addNewEnv().withName("PLAIN").withValue("v").endEnv()
                .addNewEnv().withName("EMPTY").withValue("").endEnv()
                .addNewEnv().withName("FROM_CM").withNewValueFrom().withNewConfigMapKeyRef().withName("full")
                .withKey("mode").withOptional(false).endConfigMapKeyRef().endValueFrom().endEnv()
                .withNewResources().addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("64Mi"))
                .addToLimits("cpu", new Quantity("1.5")).addToLimits("memory", new Quantity("1Gi")).endResources()
                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString("http")).endHttpGet()
                .withInitialDelaySeconds(0).withPeriodSeconds(5).endReadinessProbe()
                .withNewLivenessProbe().withNewTcpSocket().withPort(new IntOrString(8080)).endTcpSocket().endLivenessProbe()
                .withNewSecurityContext().withRunAsUser(0L).withRunAsNonRoot(false).withReadOnlyRootFilesystem(true)
                .withAllowPrivilegeEscalation(false).withNewCapabilities().addToDrop("ALL").endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount().withName("config").withMountPath("/etc/config").withReadOnly(true).endVolumeMount()
                .endContainer()
                .build();
    }

    @Test
    void getsDecodeToEqualObjects() {
        protobufContentTypes.clear();
        assertEqual(protobuf.coreV1().configMaps(ns).get("full"), json.coreV1().configMaps(ns).get("full"));
        assertEqual(protobuf.coreV1().secrets(ns).get("creds"), json.coreV1().secrets(ns).get("creds"));
        assertEqual(protobuf.coreV1().services(ns).get("web"), json.coreV1().services(ns).get("web"));
        assertEqual(protobuf.coreV1().pods(ns).get("worker"), json.coreV1().pods(ns).get("worker"));
        assertEqual(protobuf.appsV1().deployments(ns).get("api"), json.appsV1().deployments(ns).get("api"));
        assertEqual(protobuf.coreV1().namespaces().get(ns), json.coreV1().namespaces().get(ns));
        assertThat(protobufContentTypes).as("every answer to the protobuf clientset was protobuf")
                .hasSize(6).allMatch(t -> t.startsWith("application/vnd.kubernetes.protobuf"));
    }

    @Test
    void listsDecodeToEqualObjects() {
        var byProtobuf = protobuf.coreV1().configMaps(ns).list();
        var byJson = json.coreV1().configMaps(ns).list();
        assertThat(byProtobuf.getItems()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(byProtobuf.getMetadata().getResourceVersion()).isNotEmpty();
        // The list's resourceVersion moves on with any write in the cluster; the items must be identical.
        assertThat(byProtobuf.getItems()).usingRecursiveFieldByFieldElementComparator().isEqualTo(byJson.getItems());
        assertThat(byProtobuf.getItems()).isEqualTo(byJson.getItems());
        assertThat(byProtobuf.getApiVersion()).isEqualTo(byJson.getApiVersion());
        assertThat(byProtobuf.getKind()).isEqualTo(byJson.getKind());

        var pagedProtobuf = protobuf.coreV1().configMaps(ns).list(ListOptions.builder().limit(2L).build());
        assertThat(pagedProtobuf.getItems()).hasSize(2);
        assertThat(pagedProtobuf.getMetadata().getContinue()).isNotEmpty();
        assertThat(pagedProtobuf.getMetadata().getRemainingItemCount()).isPositive();

        assertThat(protobuf.appsV1().deployments(ns).list().getItems())
                .isEqualTo(json.appsV1().deployments(ns).list().getItems());
        assertThat(protobuf.coreV1().pods(ns).list().getItems()).isEqualTo(json.coreV1().pods(ns).list().getItems());
        assertThat(protobuf.coreV1().services(ns).list().getItems())
                .isEqualTo(json.coreV1().services(ns).list().getItems());
    }

    @Test
    void watchEventsDecodeToEqualObjects() {
        int expected = json.coreV1().configMaps(ns).list().getItems().size();
        ListOptions options = ListOptions.builder().timeoutSeconds(30).build();
        Map<String, ConfigMap> byProtobuf = firstEvents(protobuf.coreV1().configMaps(ns).watch(options), expected);
        Map<String, ConfigMap> byJson = firstEvents(json.coreV1().configMaps(ns).watch(options), expected);
        assertThat(byProtobuf).isEqualTo(byJson);
        assertThat(byProtobuf.get("full").getBinaryData()).containsEntry("blob", "AAECAwT/");
    }

    private static Map<String, ConfigMap> firstEvents(Watch<ConfigMap> watch, int count) {
        Map<String, ConfigMap> objects = new TreeMap<>();
        try (watch) {
            for (WatchEvent<ConfigMap> event : watch) {
                assertThat(event.type()).isEqualTo(WatchEvent.Type.ADDED);
                objects.put(event.object().getMetadata().getName(), event.object());
                if (objects.size() == count) {
                    break;
                }
            }
        }
        assertThat(objects).hasSize(count);
        return objects;
    }

    /**
     * Every built-in resource the server lists (its own objects: RBAC roles, priority and flow-control objects, the
     * kubernetes Service and Endpoints, namespaces, ...): protobuf and JSON lists give equal objects. Objects that
     * changed between the two lists (other resourceVersion) are not compared.
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyBuiltInResourceTheServerListsDecodesToEqualObjects() {
        Map<String, String[]> known = ProtobufEveryKindIT.knownMismatches();
        List<String> compared = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        HasMetadata[] firstMismatch = new HasMetadata[2];
        for (ResourceType<?> type : json.typed().scheme().resourceTypes()) {
            if (type.listType() == null || !KubeProtobuf.canDecode(type.type()) || !KubeProtobuf.canDecode(type.listType())) {
                continue;
            }
            String namespace = type.namespaced() ? "" : null;
            ResourceClient byJson = json.typed().resourceClient((Class) type.type(), (Class) type.listType(), namespace);
            ResourceClient byProtobuf = protobuf.typed().resourceClient((Class) type.type(), (Class) type.listType(), namespace);
            List<HasMetadata> jsonItems;
            try {
                jsonItems = ((KubernetesResourceList<HasMetadata>) byJson.list()).getItems();
            } catch (KubeApiException e) {
                continue; // not served by this server (another version, or not listable)
            }
            List<HasMetadata> protobufItems = ((KubernetesResourceList<HasMetadata>) byProtobuf.list()).getItems();
            Map<String, HasMetadata> jsonByKey = new java.util.HashMap<>();
            jsonItems.forEach(o -> jsonByKey.put(key(o), o));
            int equal = 0;
            for (HasMetadata p : protobufItems) {
                HasMetadata j = jsonByKey.get(key(p));
                if (j == null || !java.util.Objects.equals(j.getMetadata().getResourceVersion(),
                        p.getMetadata().getResourceVersion())) {
                    continue;
                }
                String[] knownFields = known.get(type.kind().group().isEmpty() ? type.kind().version() + " " + type.kind().kind()
                        : type.kind().group() + "/" + type.kind().version() + " " + type.kind().kind());
                if (j.equals(p) || knownFields != null && equalIgnoring(p, j, knownFields)) {
                    equal++;
                } else {
                    mismatched.add(type.kind() + " " + p.getMetadata().getName());
                    if (firstMismatch[0] == null) {
                        firstMismatch[0] = p;
                        firstMismatch[1] = j;
                    }
                }
            }
            compared.add(type.kind().kind() + "=" + equal);
        }
        System.out.println("protobuf and JSON compared (kind=equal objects): " + compared);
        if (firstMismatch[0] != null) {
            assertThat(firstMismatch[0]).as("first of " + mismatched).usingRecursiveComparison().isEqualTo(firstMismatch[1]);
        }
        assertThat(mismatched).isEmpty();
        assertThat(compared).anyMatch(c -> c.startsWith("ClusterRole=")).anyMatch(c -> c.startsWith("Namespace="))
                .anyMatch(c -> c.startsWith("ConfigMap="));
    }

    /** Equal but for the fields of a known decoder mismatch (see {@code kinds/known-mismatches.txt}). */
    private static boolean equalIgnoring(HasMetadata fromProtobuf, HasMetadata fromJson, String[] fields) {
        try {
            assertThat(fromProtobuf).usingRecursiveComparison().ignoringFields(fields).isEqualTo(fromJson);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static String key(HasMetadata o) {
        return o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
    }

    @Test
    void errorAnswersInProtobufBecomeTypedExceptions() {
        assertThatThrownBy(() -> protobuf.coreV1().configMaps(ns).get("missing"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("configmaps \"missing\" not found");
    }

    private static void assertEqual(HasMetadata fromProtobuf, HasMetadata fromJson) {
        assertThat(fromProtobuf).usingRecursiveComparison().isEqualTo(fromJson);
        assertThat(fromProtobuf).isEqualTo(fromJson);
    }
}
