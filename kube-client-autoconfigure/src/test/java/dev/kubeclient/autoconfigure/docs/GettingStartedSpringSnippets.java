package dev.kubeclient.autoconfigure.docs;

import dev.kubeclient.clientset.Clientset;
import dev.kubeclient.meta.ListOptions;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The Spring Boot examples of {@code docs/getting-started.md}, compiled here; {@code DocsSnippetsTest} in core
 * checks that the page quotes these regions exactly.
 */
@SuppressWarnings("unused")
final class GettingStartedSpringSnippets {

    private GettingStartedSpringSnippets() {
    }

    // tag::service[]
    @Service
    static class PodLister {

        private final Clientset clientset;

        PodLister(Clientset clientset) {                     // the starter's bean
            this.clientset = clientset;
        }

        List<String> webPods(String namespace) {
            return clientset.coreV1().pods(namespace)
                    .list(ListOptions.builder().labelSelector("app=web").build())
                    .getItems().stream()
                    .map(pod -> pod.getMetadata().getName())
                    .toList();
        }
    }
    // end::service[]
}
