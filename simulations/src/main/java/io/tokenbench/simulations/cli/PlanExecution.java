package io.tokenbench.simulations.cli;

import io.tokenbench.reports.format.ReportWriter;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.simulations.record.RunSink;
import io.tokenbench.simulations.scenarios.GatlingRunner;
import io.tokenbench.simulations.scenarios.RunPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs one {@link RunPlan} end to end: progress line, Gatling in-process, closing the recorders
 * (also from a shutdown hook, so Ctrl-C leaves readable run folders), Gatling's HTML report moved
 * into the first lane's folder as {@code gatling/}, the reports module's report files per lane
 * ({@code ReportWriter.writeAll}), then a console summary per lane.
 */
final class PlanExecution {
    /**
     * One finished lane: its run folder, the reports module's summary of it and its verdict ({@code
     * written.verdict()}, {@code written.headlineText()}).
     */
    record LaneResult(String lane, Path runDir, RunSummary summary, ReportWriter.Written written) {
        /** The lane's verdict's exit code: 0 pass, 1 failed or invalid, 2 not evaluated. */
        int exitCode() {
            return written.verdict().exitCode();
        }
    }

    private PlanExecution() {}

    // the progress printer prints while the block runs; nothing in the block reads it
    @SuppressWarnings("try")
    static List<LaneResult> execute(
            RunPlan plan,
            Path outDir,
            boolean gatlingReport,
            boolean printSummary,
            PrintStream out) {
        // unique per run: injectors sharing one output folder must not share Gatling's folder
        Path gatlingTmp = RunScratch.gatlingResults(outDir);
        Thread hook = new Thread(() -> closeAndReport(plan), "tokenbench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Duration total = plan.maxDuration();
        int gatlingStatus;
        try (ProgressPrinter progress =
                new ProgressPrinter(plan, total, Duration.ofSeconds(5), out)) {
            gatlingStatus =
                    GatlingConsole.quiet(() -> GatlingRunner.run(plan, gatlingTmp, gatlingReport));
        } finally {
            plan.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running; it closes the plan too (idempotent)
            }
        }
        List<RunSink> sinks = plan.openSinks();
        if (sinks.isEmpty()) {
            RunScratch.deleteIfEmpty(gatlingTmp);
            throw new IllegalStateException(
                    "Gatling ended before injecting (status " + gatlingStatus + ")");
        }
        moveGatlingReport(gatlingTmp, sinks.get(0).folder().dir());
        GatlingConsole.keep(sinks.get(0).folder().dir().resolve("gatling"));
        List<LaneResult> results = new ArrayList<>();
        for (int i = 0; i < sinks.size(); i++) {
            Path dir = sinks.get(i).folder().dir();
            // summary.json, report.html, summary.md, junit.xml, each with the verdict
            ReportWriter.Written written =
                    ReportWriter.writeAll(dir, plan.params().guards().checks());
            RunSummary summary = written.summary();
            results.add(new LaneResult(plan.lanes().get(i).name(), dir, summary, written));
            if (printSummary) {
                ConsoleSummary.print(
                        plan.lanes().get(i).name() + " -> " + summary.header().targetHost(),
                        summary,
                        out);
            }
        }
        plan.abortWatch().reason().ifPresent(r -> out.println("tokenbench: run aborted by " + r));
        return results;
    }

    /**
     * Ctrl-C / SIGTERM: close the recorders (last interval, unfinished as timeouts) and write the
     * reports.
     */
    private static void closeAndReport(RunPlan plan) {
        plan.close();
        for (RunSink sink : plan.openSinks()) {
            try {
                ReportWriter.writeAll(sink.folder().dir(), plan.params().guards().checks());
                System.err.println("tokenbench: interrupted; run folder " + sink.folder().dir());
            } catch (RuntimeException e) {
                System.err.println(
                        "tokenbench: interrupted; logs kept in "
                                + sink.folder().dir()
                                + " ("
                                + e.getMessage()
                                + ")");
            }
        }
    }

    private static void moveGatlingReport(Path gatlingTmp, Path runDir) {
        if (!Files.isDirectory(gatlingTmp)) {
            return;
        }
        try (Stream<Path> runs = Files.list(gatlingTmp)) {
            for (Path p : runs.toList()) {
                Files.move(p, runDir.resolve("gatling"));
                break;
            }
            RunScratch.deleteIfEmpty(gatlingTmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move Gatling's report into " + runDir, e);
        }
    }
}
