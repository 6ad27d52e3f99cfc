package io.tokenbench.benchmarks.reports;

import io.tokenbench.reports.format.ReportWriter;
import io.tokenbench.reports.ingest.RunLoader;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long summarising one hour of 1 s intervals takes (issue 3: "seconds, not minutes"). The run
 * folder is generated once per fork: 3600 intervals x 11 metrics in the measured phase (~40 000
 * .hlog lines). {@code summarize}: read run.json, metrics.hlog and outcomes.jsonl and build the
 * summary (what compare and gate need). {@code report}: the whole {@code report} command
 * (summary.json, summary.md, report.html, junit.xml).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SummarizeHourBench {

    @Param({"50"})
    public int ratePerSecond;

    private Path runDir;

    @Setup(Level.Trial)
    public void createRun() throws IOException {
        runDir = HourRun.create(Files.createTempDirectory("tokenbench-hour"), ratePerSecond);
    }

    @Benchmark
    public RunSummary summarize() {
        return SummaryBuilder.build(RunLoader.load(runDir, false));
    }

    @Benchmark
    public ReportWriter.Written report() {
        return ReportWriter.writeAll(runDir);
    }
}
