package dev.kubeclient.testing.server;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.discovery.ApiGroup;
import dev.kubeclient.discovery.ApiResource;
import dev.kubeclient.discovery.ApiResourceList;
import dev.kubeclient.discovery.CachedDiscoveryClient;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.discovery.RestMapper;
import dev.kubeclient.discovery.RestMapping;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.Unstructured;
import dev.kubeclient.errors.AlreadyExistsException;
import dev.kubeclient.errors.ConflictException;
import dev.kubeclient.errors.GoneException;
import dev.kubeclient.errors.InvalidException;
import dev.kubeclient.errors.KubeApiException;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.meta.ApplyOptions;
import dev.kubeclient.meta.DeleteOptions;
import dev.kubeclient.meta.ListOptions;
import dev.kubeclient.meta.ResourceVersionMatch;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.scheme.GroupVersion;
import dev.kubeclient.scheme.GroupVersionKind;
import dev.kubeclient.scheme.GroupVersionResource;
import dev.kubeclient.watch.Watch;
import dev.kubeclient.watch.WatchEvent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The fidelity suite: what clients rely on, asserted the same way against the test kit's server and against a
 * real kube-apiserver. Where the two differ, the test kit is wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FidelitySuite {

    /** Tag of the cases that need the patch engines of {@code dev.kubeclient.testing.server.patch}. */

    private static final String MODIFIED = "the object has been modified; please apply your changes to the latest "
            + "version and try again";

    protected Clientset clientset;
    protected KubeRestClient rest;
    protected String ns;

    /** The admin configuration of the server under test. */
    protected abstract RestConfig restConfig();

    /**
     * Makes the history before now unavailable (the test kit compacts; a real server that has run a while has
     * already compacted resourceVersion 1).
     */
    protected void expireHistory() {
    }

    @BeforeAll
    void createNamespace() {
        clientset = Clientset.create(restConfig());
        rest = KubeRestClient.create(restConfig());
        ns = "fidelity-" + suffix();
        clientset.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build());
    }

    @AfterAll
    void deleteNamespace() {
        try {
            clientset.coreV1().namespaces().delete(ns);
        } finally {
            rest.close();
            clientset.close();
            afterSuite();
        }
    }

    /** Runs last, after the suite's namespace is deleted (the test kit stops its server here). */
    protected void afterSuite() {
    }

    static String suffix() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private static ConfigMap configMap(String name, Map<String, String> labels) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .addToData("key", "value").build();
    }

    private static Deployment deployment(String name, int replicas) {
        return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    // ------------------------------------------------------------------ CRUD

    @Test
    void createSetsUidResourceVersionAndCreationTimestamp() {
        ConfigMap created = clientset.coreV1().configMaps(ns).create(configMap("crud", Map.of()));
        assertThat(created.getMetadata().getUid()).matches("[0-9a-f-]{36}");
        assertThat(created.getMetadata().getResourceVersion()).matches("\\d+");
        assertThat(created.getMetadata().getCreationTimestamp()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(created.getMetadata().getNamespace()).isEqualTo(ns);
        assertThat(created.getMetadata().getGeneration()).isNull();

        ConfigMap fetched = clientset.coreV1().configMaps(ns).get("crud");
        assertThat(fetched.getMetadata().getResourceVersion()).isEqualTo(created.getMetadata().getResourceVersion());

        fetched.getData().put("key", "changed");
        ConfigMap updated = clientset.coreV1().configMaps(ns).update(fetched);
        assertThat(Long.parseLong(updated.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));
        assertThat(updated.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());

        clientset.coreV1().configMaps(ns).delete("crud");
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).get("crud"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusMessage()).isEqualTo("configmaps \"crud\" not found");
                    assertThat(e.name()).isEqualTo("crud");
                    assertThat(e.kind()).isEqualTo("configmaps");
                });
    }

    @Test
    void unchangedUpdateKeepsTheResourceVersion() {
        ConfigMap created = clientset.coreV1().configMaps(ns).create(configMap("noop", Map.of()));
        ConfigMap again = clientset.coreV1().configMaps(ns).update(created);
        assertThat(again.getMetadata().getResourceVersion()).isEqualTo(created.getMetadata().getResourceVersion());
    }

    @Test
    void generateNameAddsFiveCharacters() {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withGenerateName("gen-").endMetadata().build();
        ConfigMap created = clientset.coreV1().configMaps(ns).create(cm);
        assertThat(created.getMetadata().getName()).matches("gen-[a-z0-9]{5}");
    }

    @Test
    void createTwiceIsAlreadyExists() {
        clientset.coreV1().configMaps(ns).create(configMap("twice", Map.of()));
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).create(configMap("twice", Map.of())))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.statusMessage()).isEqualTo("configmaps \"twice\" already exists");
                });
    }

    @Test
    void staleUpdateIsConflictWithTheRealMessage() {
        ConfigMap created = clientset.coreV1().configMaps(ns).create(configMap("stale", Map.of()));
        ConfigMap copy = clientset.coreV1().configMaps(ns).get("stale");
        copy.getData().put("key", "first");
        clientset.coreV1().configMaps(ns).update(copy);
        created.getData().put("key", "second");
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).update(created))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.reason()).isEqualTo("Conflict");
                    assertThat(e.statusMessage()).isEqualTo("Operation cannot be fulfilled on configmaps \"stale\": " + MODIFIED);
                });
    }

    @Test
    void badNameIsInvalidWithACause() {
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).create(configMap("Bad_Name", Map.of())))
                .isInstanceOfSatisfying(InvalidException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.statusMessage()).startsWith("ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain");
                    assertThat(e.causes()).singleElement().satisfies(c -> {
                        assertThat(c.reason()).isEqualTo("FieldValueInvalid");
                        assertThat(c.field()).isEqualTo("metadata.name");
                    });
                });
    }

    @Test
    void createInAMissingNamespaceIsNotFound() {
        assertThatThrownBy(() -> clientset.coreV1().configMaps("missing-" + suffix()).create(configMap("x", Map.of())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusMessage()).matches("namespaces \"missing-[a-z]+\" not found");
                    assertThat(e.kind()).isEqualTo("namespaces");
                });
    }

    @Test
    void deletePreconditionOnUidIsConflict() {
        clientset.coreV1().configMaps(ns).create(configMap("precondition", Map.of()));
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).delete("precondition",
                DeleteOptions.builder().preconditionUid("not-the-uid").build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusMessage())
                        .startsWith("Operation cannot be fulfilled on ConfigMap \"precondition\": the UID in the precondition (not-the-uid) does not match the UID in record"));
        assertThat(clientset.coreV1().configMaps(ns).get("precondition")).isNotNull();
    }

    @Test
    void finalizersKeepADeletedObjectUntilRemoved() {
        ConfigMap cm = configMap("final", Map.of());
        cm.getMetadata().setFinalizers(List.of("example.com/hold"));
        clientset.coreV1().configMaps(ns).create(cm);
        clientset.coreV1().configMaps(ns).delete("final");
        ConfigMap terminating = clientset.coreV1().configMaps(ns).get("final");
        assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();

        terminating.getMetadata().setFinalizers(List.of());
        clientset.coreV1().configMaps(ns).update(terminating);
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).get("final")).isInstanceOf(NotFoundException.class);
    }

    // ------------------------------------------------------------------ generation and subresources

    @Test
    void generationMovesOnSpecChangesOnly() {
        Deployment created = clientset.appsV1().deployments(ns).create(deployment("gen", 1));
        assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);

        created.getMetadata().setLabels(Map.of("touched", "yes"));
        Deployment relabelled = clientset.appsV1().deployments(ns).update(created);
        assertThat(relabelled.getMetadata().getGeneration()).isEqualTo(1L);

        relabelled.getSpec().setReplicas(3);
        Deployment scaled = clientset.appsV1().deployments(ns).update(relabelled);
        assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void deploymentReplicasDefaultToOne() {
        Deployment unsized = deployment("unsized", 1);
        unsized.getSpec().setReplicas(null);
        assertThat(clientset.appsV1().deployments(ns).create(unsized).getSpec().getReplicas()).isEqualTo(1);
    }

    @Test
    void mainUpdateIgnoresStatusAndStatusUpdateChangesOnlyStatus() {
        Deployment created = clientset.appsV1().deployments(ns).create(deployment("split", 1));
        created.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(7).build());
        Deployment afterMain = clientset.appsV1().deployments(ns).update(created);
        assertThat(afterMain.getStatus() == null || afterMain.getStatus().getReplicas() == null).isTrue();

        afterMain.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(7).build());
        afterMain.getSpec().setReplicas(5);
        Deployment afterStatus = clientset.appsV1().deployments(ns).updateStatus(afterMain,
                dev.kubeclient.meta.UpdateOptions.DEFAULTS);
        assertThat(afterStatus.getStatus().getReplicas()).isEqualTo(7);
        assertThat(afterStatus.getSpec().getReplicas()).isEqualTo(1);
        assertThat(afterStatus.getMetadata().getGeneration()).isEqualTo(1L);
    }

    @Test
    void scaleSubresourceReadsAndWritesReplicas() {
        clientset.appsV1().deployments(ns).create(deployment("scaled", 2));
        Scale scale = clientset.appsV1().deployments(ns).scale("scaled");
        assertThat(scale.getSpec().getReplicas()).isEqualTo(2);
        scale.getSpec().setReplicas(4);
        clientset.appsV1().deployments(ns).updateScale("scaled", scale);
        assertThat(clientset.appsV1().deployments(ns).get("scaled").getSpec().getReplicas()).isEqualTo(4);

        assertThatThrownBy(() -> clientset.appsV1().deployments(ns).scale("no-such"))
                .isInstanceOfSatisfying(NotFoundException.class, e ->
                        assertThat(e.statusMessage()).isEqualTo("deployments/scale.apps \"no-such\" not found"));
    }

    @Test
    void evictionRemovesAnUnscheduledPod() {
        // Pods need their ServiceAccount; a cluster without controllers (envtest) has no "default" one.
        try {
            clientset.coreV1().serviceAccounts(ns).create(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                    .withNewMetadata().withName("default").endMetadata().build());
        } catch (AlreadyExistsException created) {
            // a real cluster's controller made it already
        }
        clientset.coreV1().pods(ns).create(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata()
                .withName("evictee").endMetadata().withNewSpec().withAutomountServiceAccountToken(false).addNewContainer().withName("c").withImage("busybox")
                .endContainer().endSpec().build());
        clientset.coreV1().pods(ns).evict("evictee", DeleteOptions.DEFAULTS);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(() ->
                clientset.coreV1().pods(ns).get("evictee")).isInstanceOf(NotFoundException.class));
    }

    // ------------------------------------------------------------------ lists

    @Test
    void pagingWalksAConsistentSnapshot() {
        for (int i = 0; i < 5; i++) {
            clientset.coreV1().configMaps(ns).create(configMap("page-" + i, Map.of("paging", "yes")));
        }
        ListOptions first = ListOptions.builder().labelSelector("paging=yes").limit(2L).build();
        ConfigMapList page = clientset.coreV1().configMaps(ns).list(first);
        assertThat(page.getItems()).extracting(c -> c.getMetadata().getName()).containsExactly("page-0", "page-1");
        String snapshotRv = page.getMetadata().getResourceVersion();
        String token = page.getMetadata().getContinue();
        assertThat(token).isNotEmpty();

        clientset.coreV1().configMaps(ns).create(configMap("page-00", Map.of("paging", "yes")));
        clientset.coreV1().configMaps(ns).delete("page-4");

        List<String> names = new ArrayList<>();
        while (token != null && !token.isEmpty()) {
            ConfigMapList next = clientset.coreV1().configMaps(ns).list(first.withContinue(token));
            assertThat(next.getMetadata().getResourceVersion()).isEqualTo(snapshotRv);
            next.getItems().forEach(c -> names.add(c.getMetadata().getName()));
            token = next.getMetadata().getContinue();
        }
        assertThat(names).containsExactly("page-2", "page-3", "page-4");
    }

    @Test
    void remainingItemCountIsReportedWithoutSelectors() {
        String other = "count-" + suffix();
        clientset.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName(other).endMetadata().build());
        try {
            for (int i = 0; i < 3; i++) {
                clientset.coreV1().configMaps(other).create(configMap("c" + i, Map.of()));
            }
            ConfigMapList page = clientset.coreV1().configMaps(other).list(ListOptions.builder().limit(1L).build());
            assertThat(page.getMetadata().getRemainingItemCount()).isEqualTo(2L);
        } finally {
            clientset.coreV1().namespaces().delete(other);
        }
    }

    @Test
    void labelSelectorOperators() {
        clientset.coreV1().configMaps(ns).create(configMap("sel-a", Map.of("tier", "web", "sel", "1")));
        clientset.coreV1().configMaps(ns).create(configMap("sel-b", Map.of("tier", "db", "sel", "1")));
        clientset.coreV1().configMaps(ns).create(configMap("sel-c", Map.of("sel", "1")));
        assertThat(names("sel=1,tier=web")).containsExactly("sel-a");
        assertThat(names("sel=1,tier==db")).containsExactly("sel-b");
        assertThat(names("sel=1,tier!=web")).containsExactly("sel-b", "sel-c");
        assertThat(names("sel=1,tier in (web,db)")).containsExactly("sel-a", "sel-b");
        assertThat(names("sel=1,tier notin (web)")).containsExactly("sel-b", "sel-c");
        assertThat(names("sel=1,tier")).containsExactly("sel-a", "sel-b");
        assertThat(names("sel=1,!tier")).containsExactly("sel-c");
    }

    private List<String> names(String selector) {
        return clientset.coreV1().configMaps(ns).list(ListOptions.builder().labelSelector(selector).build())
                .getItems().stream().map(c -> c.getMetadata().getName()).toList();
    }

    @Test
    void fieldSelectorOnName() {
        clientset.coreV1().configMaps(ns).create(configMap("field-a", Map.of()));
        clientset.coreV1().configMaps(ns).create(configMap("field-b", Map.of()));
        List<String> found = clientset.coreV1().configMaps(ns)
                .list(ListOptions.builder().fieldSelector("metadata.name=field-b").build())
                .getItems().stream().map(c -> c.getMetadata().getName()).toList();
        assertThat(found).containsExactly("field-b");
    }

    @Test
    void unknownFieldSelectorIsBadRequest() {
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns)
                .list(ListOptions.builder().fieldSelector("data.key=x").build()))
                .isInstanceOfSatisfying(KubeApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.statusMessage()).contains("\"data.key\" is not a known field selector");
                });
    }

    @Test
    void exactListAtAnOlderResourceVersion() {
        ConfigMap created = clientset.coreV1().configMaps(ns).create(configMap("exact", Map.of("exact", "yes")));
        String before = created.getMetadata().getResourceVersion();
        created.getData().put("key", "later");
        clientset.coreV1().configMaps(ns).update(created);
        ConfigMapList old = clientset.coreV1().configMaps(ns).list(ListOptions.builder().labelSelector("exact=yes")
                .resourceVersion(before).resourceVersionMatch(ResourceVersionMatch.EXACT).build());
        assertThat(old.getMetadata().getResourceVersion()).isEqualTo(before);
        assertThat(old.getItems()).singleElement().satisfies(c -> assertThat(c.getData()).containsEntry("key", "value"));
    }

    @Test
    void resourceVersionMatchWithoutResourceVersionIsInvalid() {
        assertThatThrownBy(() -> rest.get().version("v1").resource("configmaps").namespace(ns)
                .param("resourceVersionMatch", "NotOlderThan").execute())
                .isInstanceOfSatisfying(KubeApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.statusMessage()).contains("resourceVersionMatch is forbidden unless resourceVersion is provided");
                });
    }

    @Test
    void continueTokenFromACompactedSnapshotIsExpired() {
        expireHistory();
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"v\":\"meta.k8s.io/v1\",\"rv\":1,\"start\":\"a\\u0000\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).list(ListOptions.builder().limit(1L)
                .continueToken(token).build()))
                .isInstanceOfSatisfying(GoneException.class, e -> {
                    assertThat(e.reason()).isEqualTo("Expired");
                    assertThat(e.statusMessage()).startsWith("The provided continue parameter is too old to display a consistent list result.");
                    assertThat(e.status().getMetadata().getContinue()).isNotEmpty();
                });
    }

    // ------------------------------------------------------------------ watch

    @Test
    void watchFromAResourceVersionSeesLaterChangesInOrder() {
        ConfigMap created = clientset.coreV1().configMaps(ns).create(configMap("watched", Map.of("watch", "me")));
        String rv = created.getMetadata().getResourceVersion();
        created.getData().put("key", "v2");
        clientset.coreV1().configMaps(ns).update(created);
        clientset.coreV1().configMaps(ns).delete("watched");
        try (Watch<ConfigMap> watch = clientset.coreV1().configMaps(ns).watch(ListOptions.builder()
                .labelSelector("watch=me").resourceVersion(rv).timeoutSeconds(5).build())) {
            WatchEvent<ConfigMap> modified = watch.next();
            WatchEvent<ConfigMap> deleted = watch.next();
            assertThat(modified.type()).isEqualTo(WatchEvent.Type.MODIFIED);
            assertThat(modified.object().getData()).containsEntry("key", "v2");
            assertThat(deleted.type()).isEqualTo(WatchEvent.Type.DELETED);
            assertThat(Long.parseLong(deleted.object().getMetadata().getResourceVersion()))
                    .isGreaterThan(Long.parseLong(modified.object().getMetadata().getResourceVersion()));
        }
    }

    @Test
    void watchFromACompactedResourceVersionGetsAnExpiredErrorEvent() {
        clientset.coreV1().configMaps(ns).create(configMap("old-watch", Map.of()));
        expireHistory();
        try (Watch<ConfigMap> watch = clientset.coreV1().configMaps(ns).watch(ListOptions.builder()
                .resourceVersion("1").timeoutSeconds(5).build())) {
            WatchEvent<ConfigMap> event = watch.next();
            assertThat(event.type()).isEqualTo(WatchEvent.Type.ERROR);
            assertThat(event.isGone()).isTrue();
            assertThat(event.status().getCode()).isEqualTo(410);
            assertThat(event.status().getReason()).isEqualTo("Expired");
            assertThat(event.status().getMessage()).matches("too old resource version: 1 \\(\\d+\\)");
        }
    }

    @Test
    void watchWithoutResourceVersionStartsWithTheCurrentState() {
        clientset.coreV1().configMaps(ns).create(configMap("state-a", Map.of("state", "yes")));
        try (Watch<ConfigMap> watch = clientset.coreV1().configMaps(ns).watch(ListOptions.builder()
                .labelSelector("state=yes").timeoutSeconds(5).build())) {
            WatchEvent<ConfigMap> event = watch.next();
            assertThat(event.type()).isEqualTo(WatchEvent.Type.ADDED);
            assertThat(event.object().getMetadata().getName()).isEqualTo("state-a");
        }
    }

    // ------------------------------------------------------------------ discovery

    @Test
    void discoveryListsBuiltInGroupsAndResources() {
        DiscoveryClient discovery = DiscoveryClient.create(rest);
        assertThat(discovery.serverVersion().major()).isEqualTo("1");
        List<ApiGroup> groups = discovery.serverGroups();
        assertThat(groups).anySatisfy(g -> {
            assertThat(g.name()).isEqualTo("apps");
            assertThat(g.preferredVersion().version()).isEqualTo("v1");
        });
        ApiResourceList core = discovery.serverResourcesForGroupVersion(new GroupVersion("", "v1"));
        assertThat(core.resources()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("pods");
            assertThat(r.namespaced()).isTrue();
            assertThat(r.kind()).isEqualTo("Pod");
            assertThat(r.shortNames()).contains("po");
            assertThat(r.verbs()).contains("create", "delete", "get", "list", "patch", "update", "watch");
        });
        assertThat(core.resources()).extracting(ApiResource::name).contains("pods/status", "namespaces", "configmaps");
        ApiResourceList apps = discovery.serverResourcesForGroupVersion(new GroupVersion("apps", "v1"));
        assertThat(apps.resources()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("deployments/scale");
            assertThat(r.group()).isEqualTo("autoscaling");
            assertThat(r.kind()).isEqualTo("Scale");
        });
    }

    @Test
    void restMapperMapsKindsToResources() {
        RestMapper mapper = RestMapper.create(CachedDiscoveryClient.wrap(DiscoveryClient.create(rest)));
        RestMapping deployment = mapper.mappingFor(new GroupVersionKind("apps", "v1", "Deployment"));
        assertThat(deployment.resource()).isEqualTo(new GroupVersionResource("apps", "v1", "deployments"));
        assertThat(deployment.namespaced()).isTrue();
        assertThat(mapper.mappingFor("Namespace").namespaced()).isFalse();
    }

    @Test
    void customResourcesAppearWithTheirDefinitionAndGoWithIt() {
        String sfx = suffix();
        String group = "fidelity.kubeclient.dev";
        String plural = "gadget" + sfx + "s";
        String kind = "Gadget" + sfx;
        Unstructured crd = Unstructured.fromJson("""
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"%s.%s"},
                 "spec":{"group":"%s","scope":"Namespaced",
                  "names":{"plural":"%s","singular":"gadget%s","kind":"%s","listKind":"%sList"},
                  "versions":[{"name":"v1","served":true,"storage":true,
                   "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},
                   "subresources":{"status":{}}}]}}""".formatted(plural, group, group, plural, sfx, kind, kind));
        DynamicClient dynamic = DynamicClient.create(rest);
        GroupVersionResource crds = new GroupVersionResource("apiextensions.k8s.io", "v1", "customresourcedefinitions");
        dynamic.resource(crds).create(crd);
        try {
            GroupVersionResource gadgets = new GroupVersionResource(group, "v1", plural);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(DiscoveryClient.create(rest)
                    .serverResourcesForGroupVersion(new GroupVersion(group, "v1")).resources())
                    .extracting(ApiResource::name).contains(plural, plural + "/status"));
            Unstructured gadget = Unstructured.fromJson("""
                    {"apiVersion":"%s/v1","kind":"%s","metadata":{"name":"one"},"spec":{"size":3}}""".formatted(group, kind));
            Unstructured created = await().atMost(Duration.ofSeconds(20)).ignoreExceptionsInstanceOf(NotFoundException.class)
                    .until(() -> dynamic.resource(gadgets).namespace(ns).create(gadget), c -> c != null);
            assertThat(created.generation()).isEqualTo(1L);
            assertThat(dynamic.resource(gadgets).namespace(ns).list().items()).hasSize(1);
        } finally {
            dynamic.resource(crds).delete(plural + "." + group);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThatThrownBy(() -> DiscoveryClient.create(rest)
                .serverResourcesForGroupVersion(new GroupVersion(group, "v1"))).isInstanceOf(NotFoundException.class));
    }

    // ------------------------------------------------------------------ patch

    @Test
    void mergePatchChangesOnlyWhatItNames() {
        clientset.coreV1().configMaps(ns).create(configMap("merge", Map.of("a", "1")));
        ConfigMap patched = clientset.coreV1().configMaps(ns).patch("merge", PatchType.MERGE,
                "{\"metadata\":{\"labels\":{\"b\":\"2\",\"a\":null}},\"data\":{\"other\":\"x\"}}");
        assertThat(patched.getMetadata().getLabels()).containsExactly(Map.entry("b", "2"));
        assertThat(patched.getData()).containsEntry("key", "value").containsEntry("other", "x");
    }

    @Test
    void patchOfAMissingObjectIsNotFound() {
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).patch("absent", PatchType.MERGE, "{}"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void jsonPatchFailedTestIsInvalid() {
        clientset.coreV1().configMaps(ns).create(configMap("jsonpatch", Map.of()));
        ConfigMap patched = clientset.coreV1().configMaps(ns).patch("jsonpatch", PatchType.JSON_PATCH,
                "[{\"op\":\"test\",\"path\":\"/data/key\",\"value\":\"value\"},{\"op\":\"add\",\"path\":\"/data/n\",\"value\":\"1\"}]");
        assertThat(patched.getData()).containsEntry("n", "1");
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).patch("jsonpatch", PatchType.JSON_PATCH,
                "[{\"op\":\"test\",\"path\":\"/data/key\",\"value\":\"other\"}]"))
                .isInstanceOfSatisfying(KubeApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.reason()).isEqualTo("Invalid");
                });
    }

    @Test
    void strategicMergePatchMergesContainersByName() {
        clientset.appsV1().deployments(ns).create(deployment("strategic", 1));
        Deployment patched = clientset.appsV1().deployments(ns).patch("strategic", PatchType.STRATEGIC_MERGE,
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"busybox\"}]}}}}");
        assertThat(patched.getSpec().getTemplate().getSpec().getContainers())
                .extracting(c -> c.getName()).containsExactlyInAnyOrder("c", "sidecar");
    }

    @Test
    void applyWithoutFieldManagerIsInvalid() {
        assertThatThrownBy(() -> rest.patch(PatchType.APPLY).version("v1").resource("configmaps").namespace(ns).name("nomanager")
                .body("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"nomanager\"}}").execute())
                .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.statusMessage())
                        .isEqualTo("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"));
    }

    @Test
    void applyConflictsNameTheManagerAndForceTakesOver() {
        ConfigMap intent = new ConfigMapBuilder().withNewMetadata().withName("ssa").endMetadata().addToData("a", "1").build();
        clientset.coreV1().configMaps(ns).apply(intent, ApplyOptions.fieldManager("first"));
        ConfigMap rival = new ConfigMapBuilder().withNewMetadata().withName("ssa").endMetadata().addToData("a", "2").build();
        assertThatThrownBy(() -> clientset.coreV1().configMaps(ns).apply(rival, ApplyOptions.fieldManager("second")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.statusMessage()).isEqualTo("Apply failed with 1 conflict: conflict with \"first\": .data.a");
                    assertThat(e.causes()).singleElement().satisfies(c -> {
                        assertThat(c.reason()).isEqualTo("FieldManagerConflict");
                        assertThat(c.field()).isEqualTo(".data.a");
                    });
                });
        ConfigMap forced = clientset.coreV1().configMaps(ns).apply(rival,
                ApplyOptions.builder().fieldManager("second").force(true).build());
        assertThat(forced.getData()).containsEntry("a", "2");
    }

    @Test
    void applyCreatesTheObjectAndWritesRecordManagers() {
        ConfigMap intent = new ConfigMapBuilder().withNewMetadata().withName("ssa-create").endMetadata()
                .addToData("a", "1").build();
        ConfigMap created = clientset.coreV1().configMaps(ns).apply(intent, ApplyOptions.fieldManager("creator"));
        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getMetadata().getManagedFields()).anySatisfy(m -> {
            assertThat(m.getManager()).isEqualTo("creator");
            assertThat(m.getOperation()).isEqualTo("Apply");
        });
        ConfigMap plain = clientset.coreV1().configMaps(ns).create(configMap("plain-create", Map.of()));
        assertThat(plain.getMetadata().getManagedFields()).anySatisfy(m -> assertThat(m.getOperation()).isEqualTo("Update"));
    }

    // ------------------------------------------------------------------ errors

    @Test
    void unknownResourceIsNotFound() {
        assertThatThrownBy(() -> rest.get().absPath("/apis/no.such.group/v1/things").execute())
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo(404));
    }
}
