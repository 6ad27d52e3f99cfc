package io.tokenbench.simulations.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tokenbench.options.ExitCode;
import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.simulations.config.LoadModel;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.scenarios.Recipes;
import io.tokenbench.simulations.scenarios.RunPlan;
import io.tokenbench.simulations.scenarios.SweepAnalysis;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The capacity sweep: one Poisson run per rate level against one target (one mock process for all
 * levels), stopping when an SLO breaks or the target or the generator saturates. Writes {@code
 * sweep.json} (the latency-vs-load curve and the answer), {@code sweep.md} and {@code sweep.html}
 * (the curve as a chart) into {@code <out>/<UTC>-sweep/}, next to one run folder per level.
 */
final class Sweep {
    /** A level passes when at least this share of its requests were good (met every SLO). */
    static final double ATTAINMENT_TARGET = 0.95;

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Sweep() {}

    static int execute(RunParameters sweep, Map<String, String> env, PrintStream out) {
        LoadModel.Stepped steps = (LoadModel.Stepped) sweep.load();
        Path dir =
                TokenbenchRun.createDirectories(
                        sweep.outDir().resolve(STAMP.format(Instant.now()) + "-sweep"));
        List<SweepAnalysis.Level> levels = new ArrayList<>();
        List<Path> levelDirs = new ArrayList<>();
        List<PlanExecution.LaneResult> laneResults = new ArrayList<>();
        String stopped = "all " + steps.count() + " levels passed";
        try (TokenbenchRun.Target target = TokenbenchRun.Target.open(sweep, env, List.of(), dir)) {
            RequestNotes.before(sweep, out);
            out.println(
                    "tokenbench sweep: "
                            + steps.describe()
                            + " against "
                            + target.describe()
                            + "; SLOs ttft_sched<="
                            + sweep.slo().ttft().toMillis()
                            + "ms tpot<="
                            + sweep.slo().tpot().toMillis()
                            + "ms e2e_sched<="
                            + sweep.slo().e2e().toMillis()
                            + "ms; a level passes at >= "
                            + (int) (ATTAINMENT_TARGET * 100)
                            + " % attainment");
            if (sweep.guards().preflight() && !target.embedded()) {
                RunPlan first =
                        Recipes.plan(
                                Recipes.sweepLevel(sweep, 0),
                                target.baseUrl(),
                                target.apiKey(),
                                dir,
                                Map.of(),
                                "preflight");
                Optional<Preflight.Failure> failed =
                        Preflight.check(
                                first.lanes().get(0),
                                target.apiKey(),
                                sweep.apiKeyEnv(),
                                sweep.timeouts().firstToken(),
                                sweep.transport(),
                                out);
                if (failed.isPresent()) {
                    out.println(failed.get().message());
                    return ExitCode.COULD_NOT_RUN;
                }
            }
            warmUp(sweep, target, dir, out);
            for (int i = 0; i < steps.count(); i++) {
                RunParameters level = Recipes.sweepLevel(sweep, i);
                String name =
                        String.format(Locale.ROOT, "level-%02d-%s", i + 1, steps.levelLabel(i));
                RunPlan plan =
                        Recipes.plan(level, target.baseUrl(), target.apiKey(), dir, Map.of(), name);
                PlanExecution.LaneResult r =
                        PlanExecution.execute(plan, dir, false, false, out).get(0);
                SweepAnalysis.Level l = level(r.summary(), sweep.stream());
                levels.add(l);
                levelDirs.add(r.runDir());
                laneResults.add(r);
                out.println(line(l) + "  " + dir.relativize(r.runDir()));
                Optional<String> stop = SweepAnalysis.stopReason(l, ATTAINMENT_TARGET);
                if (stop.isPresent()) {
                    stopped = stop.get();
                    break;
                }
            }
        }
        SweepAnalysis.Result result = SweepAnalysis.analyse(levels, ATTAINMENT_TARGET, stopped);
        write(dir, sweep, levels, levelDirs, result);
        out.println();
        out.println("stopped: " + result.stoppedBecause());
        boolean everyLevelPassed = levels.size() == steps.count() && stopped.startsWith("all ");
        out.println(
                "max sustainable rate at SLO: "
                        + result.maxSustainableRps()
                                .map(
                                        r ->
                                                everyLevelPassed
                                                        ? "≥ "
                                                                + fmt(r)
                                                                + "/s (every level passed: a lower"
                                                                + " bound; sweep higher to find the"
                                                                + " limit)"
                                                        : fmt(r) + "/s")
                                .orElse("none of the levels"));
        out.println(
                "knee (p99 > "
                        + fmt(2.0)
                        + "x the first level's): "
                        + result.kneeRps().map(r -> fmt(r) + "/s").orElse("not reached"));
        out.println(
                "headroom past the knee: "
                        + result.headroomRps().map(r -> fmt(r) + "/s").orElse("n/a"));
        out.println(
                "sweep folder: "
                        + dir
                        + "  (sweep.html with the latency-vs-load curve, sweep.json, sweep.md, one run folder per level)");
        if (laneResults.isEmpty()) {
            return ExitCode.COULD_NOT_RUN;
        }
        // The sweep's verdict is its first level's: a target that fails the checks at the lowest
        // rate is broken; a later level breaking is the answer the sweep looks for, not a failure.
        PlanExecution.LaneResult first = laneResults.get(0);
        out.println();
        out.println("verdict of the first level (" + dir.relativize(first.runDir()) + "):");
        out.print(first.written().headlineText());
        return first.exitCode();
    }

    /**
     * Warms the harness (JIT, connection pool, Gatling's start) once before the first level with a
     * run at the first level's rate for a quarter of a step (at least 2 s, at most 10 s), so the
     * first level's dispatch lag is not the harness's start-up; its folder is deleted.
     */
    private static void warmUp(
            RunParameters sweep, TokenbenchRun.Target target, Path dir, PrintStream out) {
        LoadModel.Stepped steps = (LoadModel.Stepped) sweep.load();
        java.time.Duration length = steps.stepDuration().dividedBy(4);
        length =
                length.compareTo(java.time.Duration.ofSeconds(2)) < 0
                        ? java.time.Duration.ofSeconds(2)
                        : length.compareTo(java.time.Duration.ofSeconds(10)) > 0
                                ? java.time.Duration.ofSeconds(10)
                                : length;
        Path scratch = TokenbenchRun.createDirectories(dir.resolve(".warmup"));
        out.println(
                "  warm-up: "
                        + steps.levelLoad(0).describe()
                        + " for "
                        + length.toSeconds()
                        + " s (not reported)");
        RunPlan plan =
                Recipes.plan(
                        Recipes.warmupLevel(sweep, length),
                        target.baseUrl(),
                        target.apiKey(),
                        scratch,
                        Map.of(),
                        "warmup");
        try {
            PlanExecution.execute(
                    plan, scratch, false, false, new PrintStream(OutputStream.nullOutputStream()));
        } finally {
            RunScratch.deleteTree(scratch);
        }
    }

    static SweepAnalysis.Level level(RunSummary s, boolean stream) {
        MetricSummary latency = s.metrics().get(stream ? "ttft_sched" : "e2e_sched");
        MetricSummary e2e = s.metrics().get("e2e_sched");
        MetricSummary tpot = s.metrics().get("tpot");
        MetricSummary lag = s.metrics().get("dispatch_lag");
        boolean saturated =
                s.validity().stream().anyMatch(f -> f.code().equals("load_generator_saturated"));
        return new SweepAnalysis.Level(
                s.throughput().offeredRps(),
                s.throughput().sentRps(),
                s.throughput().completedRps(),
                latency.p50(),
                latency.p99(),
                e2e.p99(),
                tpot.p99(),
                s.goodput().goodRps(),
                s.goodput().sloAttainment(),
                s.errorRate(),
                lag.p99(),
                saturated);
    }

    private static String line(SweepAnalysis.Level l) {
        return String.format(
                Locale.ROOT,
                "  offered %6.1f/s sent %6.1f/s done %6.1f/s | p50 %8.1f ms p99 %8.1f ms | e2e p99 %8.1f ms | good %5.1f %% | err %5.2f %% | lag p99 %6.2f ms%s",
                l.offeredRps(),
                l.sentRps(),
                l.completedRps(),
                l.latencyP50Millis(),
                l.latencyP99Millis(),
                l.e2eP99Millis(),
                100 * l.sloAttainment(),
                100 * l.errorRate(),
                l.dispatchLagP99Millis(),
                l.generatorSaturated() ? "  INVALID" : "");
    }

    private static void write(
            Path dir,
            RunParameters sweep,
            List<SweepAnalysis.Level> levels,
            List<Path> levelDirs,
            SweepAnalysis.Result result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema_version", 1);
        json.put("load", sweep.load().describe());
        json.put("latency_metric", sweep.stream() ? "ttft_sched" : "e2e_sched");
        json.put("attainment_target", ATTAINMENT_TARGET);
        json.put("max_sustainable_rps", result.maxSustainableRps().orElse(null));
        json.put("knee_rps", result.kneeRps().orElse(null));
        json.put("headroom_rps", result.headroomRps().orElse(null));
        json.put("stopped_because", result.stoppedBecause());
        List<Map<String, Object>> curve = new ArrayList<>();
        StringBuilder md =
                new StringBuilder(
                        "# Capacity sweep\n\n| offered/s | sent/s | completed/s | p50 ms | p99 ms | e2e_sched p99 ms | tpot p99 ms | goodput/s | attainment | errors | lag p99 ms | run |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < levels.size(); i++) {
            SweepAnalysis.Level l = levels.get(i);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("offered_rps", l.offeredRps());
            point.put("sent_rps", l.sentRps());
            point.put("completed_rps", l.completedRps());
            point.put("latency_p50_ms", nullIfNaN(l.latencyP50Millis()));
            point.put("latency_p99_ms", nullIfNaN(l.latencyP99Millis()));
            point.put("e2e_sched_p99_ms", nullIfNaN(l.e2eP99Millis()));
            point.put("tpot_p99_ms", nullIfNaN(l.tpotP99Millis()));
            point.put("goodput_rps", l.goodRps());
            point.put("slo_attainment", nullIfNaN(l.sloAttainment()));
            point.put("error_rate", nullIfNaN(l.errorRate()));
            point.put("dispatch_lag_p99_ms", nullIfNaN(l.dispatchLagP99Millis()));
            point.put("generator_saturated", l.generatorSaturated());
            point.put("run_folder", dir.relativize(levelDirs.get(i)).toString());
            curve.add(point);
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f %% | %.2f %% | %.2f | %s |%n",
                            l.offeredRps(),
                            l.sentRps(),
                            l.completedRps(),
                            l.latencyP50Millis(),
                            l.latencyP99Millis(),
                            l.e2eP99Millis(),
                            l.tpotP99Millis(),
                            l.goodRps(),
                            100 * l.sloAttainment(),
                            100 * l.errorRate(),
                            l.dispatchLagP99Millis(),
                            dir.relativize(levelDirs.get(i))));
        }
        json.put("curve", curve);
        md.append("\n- stopped: ")
                .append(result.stoppedBecause())
                .append("\n- max sustainable rate at SLO: ")
                .append(result.maxSustainableRps().map(r -> fmt(r) + "/s").orElse("none"))
                .append("\n- knee: ")
                .append(result.kneeRps().map(r -> fmt(r) + "/s").orElse("not reached"))
                .append("\n- headroom past the knee: ")
                .append(result.headroomRps().map(r -> fmt(r) + "/s").orElse("n/a"))
                .append('\n');
        try {
            Files.writeString(
                    dir.resolve("sweep.json"),
                    new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(json));
            Files.writeString(dir.resolve("sweep.md"), md);
            Files.writeString(
                    dir.resolve("sweep.html"),
                    SweepChart.html(
                            sweep.stream() ? "ttft_sched" : "e2e_sched",
                            levels,
                            result,
                            md.toString(),
                            OptionalDouble.of(
                                    (sweep.stream() ? sweep.slo().ttft() : sweep.slo().e2e())
                                                    .toNanos()
                                            / 1e6)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep results in " + dir, e);
        }
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate)
                ? Long.toString((long) rate)
                : String.format(Locale.ROOT, "%.1f", rate);
    }
}
