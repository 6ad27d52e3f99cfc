package io.tokenbench.reports.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outcomes.jsonl line format round-trips per-class counts, also when the phase's own counts are
 * empty.
 */
class OutcomesJsonTest {

    private static PhaseCounts sentAndOk(long n) {
        EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        outcomes.put(Outcome.OK, n);
        return new PhaseCounts(n, n, n, outcomes, 0, 0, n, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void classCountsSurviveAnIntervalWhosePhaseCountsLandedInTheNextOne() {
        // A chat request's class counters were drained into this interval, its phase counters into
        // the
        // previous one: the line holds measure/chat = 1 and an empty measure phase.
        OutcomesLine line =
                new OutcomesLine(
                        1_000,
                        2_000,
                        Map.of(Phase.MEASURE, PhaseCounts.ZERO),
                        Map.of(Phase.MEASURE, Map.of(EndpointClass.CHAT, sentAndOk(1))));

        OutcomesLine back = OutcomesJson.parse(OutcomesJson.toJson(line));

        assertThat(back.phase(Phase.MEASURE, EndpointClass.CHAT).sent()).isEqualTo(1);
        assertThat(back.phase(Phase.MEASURE, EndpointClass.CHAT).outcome(Outcome.OK)).isEqualTo(1);
        assertThat(back.phase(Phase.MEASURE).isEmpty()).isTrue();
    }

    @Test
    void phasesWithNeitherOwnNorClassCountsAreLeftOut() {
        OutcomesLine line =
                new OutcomesLine(1_000, 2_000, Map.of(Phase.WARMUP, sentAndOk(2)), Map.of());

        String json = OutcomesJson.toJson(line);

        assertThat(json).contains("\"warmup\"").doesNotContain("\"measure\"");
        assertThat(OutcomesJson.parse(json).phase(Phase.WARMUP).sent()).isEqualTo(2);
    }
}
