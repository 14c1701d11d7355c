package dev.kubeclient.testing.server;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.scheme.Scheme;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test
    void smoke() {
        long t0 = System.nanoTime();
        Scheme.withBuiltIns();
        System.out.println("scheme " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        t0 = System.nanoTime();
        new okhttp3.tls.HeldCertificate.Builder().certificateAuthority(0).build();
        System.out.println("cert " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        t0 = System.nanoTime();
        try (KubeApiServer server = KubeApiServer.start()) {
            System.out.println("started in " + (System.nanoTime() - t0) / 1_000_000 + " ms at " + server.url());
        }
        for (int i = 0; i < 3; i++) {
            t0 = System.nanoTime();
            try (KubeApiServer server = KubeApiServer.start()) {
                System.out.println("started in " + (System.nanoTime() - t0) / 1_000_000 + " ms at " + server.url());
                Clientset cs = server.clientset();
                ConfigMap cm = cs.coreV1().configMaps("default").create(new ConfigMapBuilder().withNewMetadata().withName("a").endMetadata().addToData("k", "v").build());
                System.out.println("first answer " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                assertThat(cm.getMetadata().getResourceVersion()).isNotNull();
                assertThat(cs.coreV1().configMaps("default").list().getItems()).hasSize(1);
            }
        }
    }
}
