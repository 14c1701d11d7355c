package dev.kubeclient.testing.server.patch;

import dev.kubeclient.testing.server.patch.PatchFixture.Answer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every recorded fixture (answers of a real kube-apiserver v1.20.2) through the engines: each step must
 * give the same object (ignoring server bookkeeping) or the same error as the real server did.
 */
class PatchFixturesTest {

    @TestFactory
    Stream<DynamicTest> engineAnswersAsTheRecordedServerDid() {
        return PatchFixture.loadAll().stream().map(fixture -> DynamicTest.dynamicTest(fixture.name(), () -> {
            for (JsonNode step : fixture.steps()) {
                assertThat(step.has("response")).as(fixture.name() + ": a step without a recorded response; "
                        + "record with PatchFidelityIT (see patch-fixtures/README.md)").isTrue();
            }
            FixtureReplay.run(fixture, (index, step) -> {
                JsonNode response = fixture.steps().get(index).get("response");
                return new Answer(response.path("code").asInt(), response.get("body"));
            }, null);
        }));
    }
}
