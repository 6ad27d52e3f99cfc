package io.tokenbench.simulations.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepAnalysisTest {
    private static SweepAnalysis.Level level(
            double rate, double p99, double attainment, boolean saturated) {
        return new SweepAnalysis.Level(
                rate,
                rate,
                rate,
                p99 / 2,
                p99,
                p99 * 3,
                20,
                rate * attainment,
                attainment,
                0,
                1,
                saturated);
    }

    @Test
    void maxSustainableIsTheLastPassingLevelAndKneeTheFirstDoubling() {
        List<SweepAnalysis.Level> levels =
                List.of(
                        level(5, 100, 1.0, false),
                        level(10, 120, 1.0, false),
                        level(15, 250, 0.99, false),
                        level(20, 900, 0.60, false));
        SweepAnalysis.Result r = SweepAnalysis.analyse(levels, 0.95, "x");
        assertThat(r.maxSustainableRps()).contains(15.0);
        assertThat(r.kneeRps()).contains(15.0);
        assertThat(r.headroomRps()).contains(0.0);
    }

    @Test
    void aSaturatedGeneratorStopsTheSweepAndNeverCountsAsPassing() {
        SweepAnalysis.Level sat = level(50, 100, 1.0, true);
        assertThat(SweepAnalysis.stopReason(sat, 0.95))
                .get()
                .asString()
                .contains("load generator saturated");
        SweepAnalysis.Result r =
                SweepAnalysis.analyse(List.of(level(25, 100, 1.0, false), sat), 0.95, "x");
        assertThat(r.maxSustainableRps()).contains(25.0);
        assertThat(r.kneeRps()).isEmpty();
    }

    @Test
    void stopReasonsNameTheBrokenSloAndTargetSaturation() {
        assertThat(SweepAnalysis.stopReason(level(10, 100, 0.5, false), 0.95))
                .get()
                .asString()
                .contains("SLO broke at 10.0/s");
        SweepAnalysis.Level slow =
                new SweepAnalysis.Level(10, 10, 5, 1, 1, 1, 1, 5, 1.0, 0, 1, false);
        assertThat(SweepAnalysis.stopReason(slow, 0.95))
                .get()
                .asString()
                .contains("target saturated");
        assertThat(SweepAnalysis.stopReason(level(10, 100, 1.0, false), 0.95)).isEmpty();
    }
}
