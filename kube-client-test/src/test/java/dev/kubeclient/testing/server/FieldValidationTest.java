package dev.kubeclient.testing.server;

import dev.kubeclient.errors.BadRequestException;
import dev.kubeclient.observation.CollectingWarningHandler;
import dev.kubeclient.rest.KubeRestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Server-side field validation as a current server (1.27+) does it; envtest 1.20 predates it, so these answers are
 * checked against the recorded behaviour of a current server rather than in the fidelity suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldValidationTest {

    private static final String WITH_UNKNOWN = """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","colour":"red"},"data":{"k":"v"},"extra":1}""";

    private final KubeApiServer server = KubeApiServer.start();
    private final CollectingWarningHandler warnings = new CollectingWarningHandler();
    private final KubeRestClient rest = KubeRestClient.builder(server.restConfig()).warningHandler(warnings).build();

    @AfterAll
    void stop() {
        rest.close();
        server.close();
    }

    @Test
    void strictRejectsUnknownFieldsNamingEach() {
        assertThatThrownBy(() -> rest.post().version("v1").namespace("default").resource("configmaps")
                .param("fieldValidation", "Strict").body(WITH_UNKNOWN.formatted("strict")).execute())
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.statusMessage())
                        .isEqualTo("strict decoding error: unknown field \"extra\", unknown field \"metadata.colour\""));
    }

    @Test
    void warnIsTheDefaultAndSendsWarningHeaders() {
        rest.post().version("v1").namespace("default").resource("configmaps").body(WITH_UNKNOWN.formatted("warned")).execute();
        assertThat(warnings.warnings()).anySatisfy(w -> assertThat(w.toString()).contains("unknown field \"extra\""));
    }

    @Test
    void ignoreAcceptsUnknownFieldsSilently() {
        warnings.clear();
        rest.post().version("v1").namespace("default").resource("configmaps").param("fieldValidation", "Ignore")
                .body(WITH_UNKNOWN.formatted("ignored")).execute();
        assertThat(warnings.warnings()).isEmpty();
    }

    @Test
    void unknownFieldsInsideListsAreNamedWithTheirIndex() {
        String pod = """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
                 "spec":{"containers":[{"name":"c","image":"busybox","imagePullPolicyy":"Always"}]}}""";
        assertThatThrownBy(() -> rest.post().version("v1").namespace("default").resource("pods")
                .param("fieldValidation", "Strict").body(pod).execute())
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.statusMessage())
                        .isEqualTo("strict decoding error: unknown field \"spec.containers[0].imagePullPolicyy\""));
    }
}
