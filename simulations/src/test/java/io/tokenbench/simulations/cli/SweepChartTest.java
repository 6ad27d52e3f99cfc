package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.simulations.scenarios.SweepAnalysis;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SweepChartTest {

    private static final String TABLE =
            "# Capacity sweep\n\n| offered/s | sent/s | run |\n|---|---|---|\n"
                    + "| 5.0 | 5.0 | level-01 |\n| 10.0 | 10.0 | level-02 |\n| 15.0 | 15.0 | level-03 |\n"
                    + "\n- stopped: x\n";

    @Test
    void pageHasOneCurvePointPerLevelTheAnswerAndALinkToEveryLevel() {
        List<SweepAnalysis.Level> levels =
                List.of(
                        new SweepAnalysis.Level(5, 5, 5, 200, 250, 1500, 21, 5, 1.0, 0, 1, false),
                        new SweepAnalysis.Level(
                                10, 10, 10, 210, 600, 1700, 22, 9.6, 0.96, 0, 1, false),
                        new SweepAnalysis.Level(
                                15, 15, 12, 400, 2500, 3000, 40, 6, 0.4, 0.02, 2, false));
        SweepAnalysis.Result r =
                SweepAnalysis.analyse(levels, 0.95, "SLO broke at 15.0/s <attainment>");
        String html = SweepChart.html("ttft_sched", levels, r, TABLE, OptionalDouble.of(800));
        // the latency chart: one x per level, p50 and p99 with one point per level
        assertThat(html)
                .contains("\"xs\":[5.0,10.0,15.0]")
                .contains(
                        "\"label\":\"p50\",\"color\":\"#2563eb\",\"style\":\"line\",\"dash\":false,\"ys\":[200.0,210.0,400.0]")
                .contains("\"label\":\"p99\"")
                .contains("\"ys\":[250.0,600.0,2500.0]")
                .contains("\"label\":\"SLO 800 ms\"");
        assertThat(html)
                .contains("data-tile=\"max sustainable rate at SLO\"", ">10 req/s<")
                .contains("data-tile=\"knee\"")
                .contains("&lt;attainment&gt;")
                .contains(
                        "href=\"level-01/report.html\"",
                        "href=\"level-02/report.html\"",
                        "href=\"level-03/report.html\"")
                .doesNotContain("<pre>");
        assertThat(r.headroomRps()).isEqualTo(Optional.of(0.0));
    }

    @Test
    void runFoldersAreTheTablesLastColumnAndNeverAUrl() {
        assertThat(SweepChart.runFolders(TABLE))
                .containsExactly("level-01", "level-02", "level-03");
        assertThat(SweepChart.runFolders("| 1 | http://evil/x |\n| 2 | /etc |\n")).isEmpty();
    }
}
