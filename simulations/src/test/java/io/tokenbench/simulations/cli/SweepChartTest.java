package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.simulations.scenarios.SweepAnalysis;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SweepChartTest {

    @Test
    void pageHasOneCurvePointPerLevelTheAnswerAndNoScript() {
        List<SweepAnalysis.Level> levels =
                List.of(
                        new SweepAnalysis.Level(5, 5, 5, 200, 250, 1500, 21, 5, 1.0, 0, 1, false),
                        new SweepAnalysis.Level(
                                10, 10, 10, 210, 600, 1700, 22, 9.6, 0.96, 0, 1, false),
                        new SweepAnalysis.Level(
                                15, 15, 12, 400, 2500, 3000, 40, 6, 0.4, 0.02, 2, false));
        SweepAnalysis.Result r =
                SweepAnalysis.analyse(levels, 0.95, "SLO broke at 15.0/s <attainment>");
        String html = SweepChart.html("ttft_sched", levels, r, "| table |");
        // p50 and p99 curves and goodput: three polylines of three points each
        assertThat(html.split("<polyline", -1)).hasSize(4);
        assertThat(html.split("<circle", -1)).hasSize(10);
        assertThat(html)
                .contains("max sustainable rate at SLO: <b>10</b>")
                .contains("knee: <b>10</b>")
                .contains("&lt;attainment&gt;")
                .doesNotContain("<script");
        assertThat(r.headroomRps()).isEqualTo(Optional.of(0.0));
    }
}
