package dev.kubeclient.docs;

import dev.kubeclient.config.RestConfig;

/**
 * The Java example of {@code docs/wire-trace.md}. Compiled, never run; {@link DocsSnippetsTest} checks that the
 * page shows it exactly as it is here.
 */
@SuppressWarnings("unused")
final class WireTraceSnippets {

    RestConfig trace(RestConfig config) {
        // tag::level[]
        RestConfig traced = config.toBuilder().traceLevel(8).build();   // as kubectl -v=8
        // end::level[]
        return traced;
    }
}
