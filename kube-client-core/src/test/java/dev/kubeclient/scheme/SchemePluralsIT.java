package dev.kubeclient.scheme;

import dev.kubeclient.config.RestConfig;
import dev.kubeclient.errors.NotFoundException;
import dev.kubeclient.rest.KubeRestClient;
import dev.kubeclient.testing.IntegrationTest;
import dev.kubeclient.testing.RealCluster;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the plural rule and the scheme's scopes against every resource the real server serves. */
@IntegrationTest
class SchemePluralsIT {

    @Test
    void thePluralRuleNamesEveryServedResourceAndBuiltInScopesMatch(RealCluster cluster) throws Exception {
        RestConfig config = cluster.adminConfig();
        Scheme scheme = Scheme.withBuiltIns();
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        try (KubeRestClient rest = KubeRestClient.create(config)) {
            List<String[]> groupVersions = new ArrayList<>();
            groupVersions.add(new String[] {"", "v1"});
            for (APIGroup group : rest.get().absPath("/apis").as(APIGroupList.class).getGroups()) {
                for (GroupVersionForDiscovery v : group.getVersions()) {
                    groupVersions.add(new String[] {group.getName(), v.getVersion()});
                }
            }
            for (String[] gv : groupVersions) {
                String path = gv[0].isEmpty() ? "/api/v1" : "/apis/" + gv[0] + "/" + gv[1];
                List<APIResource> resources;
                try {
                    resources = rest.get().absPath(path).as(APIResourceList.class).getResources();
                } catch (NotFoundException e) {
                    // A custom resource's group removed since /apis was read (other tests' CRDs come and go).
                    continue;
                }
                for (APIResource resource : resources) {
                    if (resource.getName().contains("/")) {
                        continue;
                    }
                    String where = gv[0] + "/" + gv[1] + " " + resource.getKind();
                    checked.add(where);
                    if (!KindPlurals.resourceOf(resource.getKind()).equals(resource.getName())) {
                        wrong.add(where + ": rule says " + KindPlurals.resourceOf(resource.getKind()) + ", server says " + resource.getName());
                    }
                    scheme.find(new GroupVersionResource(gv[0], gv[1], resource.getName())).ifPresent(known -> {
                        if (known.namespaced() != resource.getNamespaced() || !known.kind().kind().equals(resource.getKind())) {
                            wrong.add(where + ": scheme has " + known + ", server says namespaced=" + resource.getNamespaced());
                        }
                    });
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(50);
        assertThat(wrong).isEmpty();
    }
}
