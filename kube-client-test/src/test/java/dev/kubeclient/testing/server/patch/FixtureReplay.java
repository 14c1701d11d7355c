package dev.kubeclient.testing.server.patch;

import dev.kubeclient.testing.server.patch.PatchFixture.Answer;
import dev.kubeclient.testing.server.patch.PatchFixture.Step;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a fixture's steps against a server (recorded or live) and checks the engine gives the same answers. */
final class FixtureReplay {

    private FixtureReplay() {
    }

    /**
     * @param server   answers a step; given the step's index and request
     * @param afterRun sees the server's answers before the engine's differences fail the test; may be null
     * @return the server's answers, in step order
     */
    static List<Answer> run(PatchFixture fixture, BiFunction<Integer, Step, Answer> server,
                            Consumer<List<Answer>> afterRun) {
        List<Answer> answers = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        ObjectNode live = null;
        int index = 0;
        for (JsonNode raw : fixture.steps()) {
            Step step = Step.of(raw);
            Answer real = server.apply(index, step);
            answers.add(real);
            Answer engine = fixture.engine(step, live, real, timeOf(real));
            String what = fixture.name() + " step " + index + " (" + step.action() + " " + step.contentType() + " by "
                    + step.fieldManager() + ")";
            JsonNode expected = PatchFixture.comparable(real);
            JsonNode actual = PatchFixture.comparable(engine);
            if (!expected.equals(actual)) {
                differences.add(what + "\n  server: " + expected + "\n  engine: " + actual);
            }
            if (real.ok()) {
                live = (ObjectNode) real.body();
            }
            index++;
        }
        if (afterRun != null) {
            afterRun.accept(answers);
        }
        // every step is checked before failing, so one run shows all differences
        assertThat(differences).as(fixture.name()).isEmpty();
        return answers;
    }

    /** The newest managedFields time of an answer, so the engine's new entry sorts as the server's did. */
    private static Instant timeOf(Answer answer) {
        Instant newest = Instant.EPOCH;
        for (JsonNode entry : answer.body().path("metadata").path("managedFields")) {
            Instant time = Instant.parse(entry.path("time").asString());
            newest = time.isAfter(newest) ? time : newest;
        }
        return newest.equals(Instant.EPOCH) ? Instant.now() : newest;
    }
}
