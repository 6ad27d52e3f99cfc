package io.tokenbench.simulations.cli;

import io.tokenbench.reports.format.SweepPage;
import io.tokenbench.simulations.scenarios.SweepAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code sweep.html}: the sweep's levels handed to the reports module's {@link SweepPage}, so a
 * sweep looks like every other tokenbench report (latency and error rate against load, the knee,
 * the SLO attainment target, a table linking each level's report).
 */
final class SweepChart {

    private SweepChart() {}

    /**
     * @param tableMarkdown {@code sweep.md}'s table: its last column is each level's run folder,
     *     relative to the sweep folder (linked from the page)
     * @param sloMillis the bound on {@code latencyMetric}, drawn as a line when present
     */
    static String html(
            String latencyMetric,
            List<SweepAnalysis.Level> levels,
            SweepAnalysis.Result result,
            String tableMarkdown,
            OptionalDouble sloMillis) {
        List<String> folders = runFolders(tableMarkdown);
        List<SweepPage.Level> rows = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            SweepAnalysis.Level l = levels.get(i);
            rows.add(
                    new SweepPage.Level(
                            l.offeredRps(),
                            l.completedRps(),
                            l.latencyP50Millis(),
                            l.latencyP99Millis(),
                            l.goodRps(),
                            l.sloAttainment(),
                            l.errorRate(),
                            l.generatorSaturated(),
                            l.passes(Sweep.ATTAINMENT_TARGET),
                            i < folders.size() ? folders.get(i) : ""));
        }
        return SweepPage.html(
                new SweepPage.Sweep(
                        "",
                        latencyMetric,
                        sloMillis,
                        Sweep.ATTAINMENT_TARGET,
                        rows,
                        result.maxSustainableRps(),
                        result.kneeRps(),
                        result.headroomRps(),
                        result.stoppedBecause()));
    }

    /** The last cell of every data row of a Markdown table (the level's run folder). */
    static List<String> runFolders(String tableMarkdown) {
        List<String> out = new ArrayList<>();
        for (String line : tableMarkdown.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("|") || t.startsWith("|---") || t.contains("offered/s")) {
                continue;
            }
            String[] cells = t.substring(1, t.length() - (t.endsWith("|") ? 1 : 0)).split("\\|");
            String last = cells[cells.length - 1].strip();
            // a run folder, never a URL or an absolute path
            if (!last.isEmpty() && !last.contains(":") && !last.startsWith("/")) {
                out.add(last);
            }
        }
        return out;
    }
}
