package io.tokenbench.simulations.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.reports.compare.Comparer;
import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.format.OutputFormat;
import io.tokenbench.reports.format.OverheadPage;
import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.simulations.record.PairedDifferences;
import io.tokenbench.simulations.record.RunSink;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What multi-lane scenarios add on top of each lane's own report: gateway-overhead's
 * request-by-request difference distributions ({@link PairedDifferences}) and per-percentile deltas
 * (the reports module's {@link Comparer}), and model-compare's side-by-side table with sample
 * outputs. Gateway overhead also gets {@code overhead.html} (the reports module's page design).
 */
final class LaneComparisons {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LaneComparisons() {}

    /**
     * Writes overhead.md, overhead.json and overhead.html into {@code dir} and prints the text
     * form.
     */
    static void overhead(
            Path dir,
            PlanExecution.LaneResult gateway,
            PlanExecution.LaneResult upstream,
            Map<String, PairedDifferences.Distribution> pairs,
            PrintStream out) {
        for (PlanExecution.LaneResult lane : List.of(gateway, upstream)) {
            RunSummary s = lane.summary();
            long ok =
                    s.outcomes().getOrDefault(Outcome.OK, 0L)
                            + s.outcomes().getOrDefault(Outcome.USAGE_MISSING, 0L);
            if (ok == 0) {
                String line =
                        "gateway overhead: not computed: the "
                                + lane.lane()
                                + " lane had no successful request in its window ("
                                + failures(s)
                                + "); see its verdict below and "
                                + lane.runDir().resolve("errors.jsonl");
                write(dir.resolve("overhead.md"), "# Gateway overhead\n\n" + line + "\n");
                out.println();
                out.println(line);
                return;
            }
        }
        Comparison c = Comparer.compare(upstream.summary(), gateway.summary());
        StringBuilder paired =
                new StringBuilder(
                        "## Request by request: gateway minus upstream (ms)\n\n"
                                + "Request i went to both with the same prompt and t_sched; successful pairs only.\n\n"
                                + "| metric | pairs | p1 | p10 | p50 | p90 | p99 | mean |\n|---|---|---|---|---|---|---|---|\n");
        List<String> unmeasured = new java.util.ArrayList<>();
        pairs.forEach(
                (name, d) -> {
                    if (d.count() == 0) {
                        unmeasured.add(name); // e.g. ttft of a non-streaming run: no NaN rows
                        return;
                    }
                    paired.append(
                            String.format(
                                    Locale.ROOT,
                                    "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                                    name,
                                    d.count(),
                                    d.p1(),
                                    d.p10(),
                                    d.p50(),
                                    d.p90(),
                                    d.p99(),
                                    d.mean()));
                });
        if (!unmeasured.isEmpty()) {
            paired.append("\nNo pairs (not measured in this run): ")
                    .append(String.join(", ", unmeasured))
                    .append('\n');
        }
        write(
                dir.resolve("overhead.md"),
                "# Gateway overhead (same schedule and prompts to both)\n\n"
                        + paired
                        + "\n## Distributions compared (baseline = upstream, current = gateway)\n\n"
                        + OutputFormat.MARKDOWN.renderer().comparison(c));
        write(dir.resolve("overhead.json"), OutputFormat.JSON.renderer().comparison(c));
        OverheadPage.write(
                dir.resolve("overhead.html"),
                upstream.runDir(),
                gateway.runDir(),
                pairs.entrySet().stream()
                        .map(
                                e ->
                                        new OverheadPage.Paired(
                                                e.getKey(),
                                                e.getValue().count(),
                                                e.getValue().p1(),
                                                e.getValue().p10(),
                                                e.getValue().p50(),
                                                e.getValue().p90(),
                                                e.getValue().p99(),
                                                e.getValue().mean()))
                        .toList());
        out.println();
        out.println(
                "gateway overhead: baseline = upstream ("
                        + upstream.runDir().getFileName()
                        + "), current = gateway ("
                        + gateway.runDir().getFileName()
                        + ")");
        out.println(OutputFormat.TEXT.renderer().comparison(c));
        out.println(paired);
    }

    /** Writes compare.md into {@code dir} (one column per variant) and prints it. */
    static void models(Path dir, List<PlanExecution.LaneResult> lanes, PrintStream out) {
        StringBuilder md =
                new StringBuilder("# Model comparison (same prompts, same schedule)\n\n| |");
        lanes.forEach(l -> md.append(' ').append(l.lane()).append(" |"));
        md.append("\n|---|").append("---|".repeat(lanes.size())).append('\n');
        row(md, "ttft p50 ms", lanes, s -> stat(s, "ttft", false));
        row(md, "ttft p99 ms", lanes, s -> stat(s, "ttft", true));
        row(md, "e2e p50 ms", lanes, s -> stat(s, "e2e", false));
        row(md, "e2e p99 ms", lanes, s -> stat(s, "e2e", true));
        row(md, "tpot p50 ms", lanes, s -> stat(s, "tpot", false));
        row(md, "decode tokens/s p50", lanes, s -> stat(s, "decode_rate", false));
        row(md, "output tokens/s (run)", lanes, s -> s.throughput().outputTokensPerSecond());
        row(
                md,
                "Credits per request",
                lanes,
                s ->
                        s.requests().completed() == 0
                                ? Double.NaN
                                : s.credits() / s.requests().completed());
        row(md, "error rate %", lanes, s -> 100 * s.errorRate());
        md.append("\n## Sample outputs\n");
        for (PlanExecution.LaneResult l : lanes) {
            md.append("\n### ").append(l.lane()).append("\n\n");
            Path samples = l.runDir().resolve(RunSink.SAMPLES_JSONL);
            try {
                for (String line :
                        Files.exists(samples) ? Files.readAllLines(samples) : List.<String>of()) {
                    String text = JSON.readTree(line).path("output").asText();
                    md.append("- ").append(text.replace("\n", " ")).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        write(dir.resolve("compare.md"), md.toString());
        out.println();
        out.println(md);
    }

    /** "http_5xx=12 connect_failed=3", or "no request" when none was attempted. */
    private static String failures(RunSummary s) {
        StringBuilder b = new StringBuilder();
        s.outcomes()
                .forEach(
                        (o, n) -> {
                            if (n > 0) {
                                b.append(b.length() == 0 ? "" : " ")
                                        .append(o.wireName())
                                        .append('=')
                                        .append(n);
                            }
                        });
        return b.length() == 0 ? "no request" : b.toString();
    }

    private interface Figure {
        double of(RunSummary s);
    }

    private static void row(
            StringBuilder md, String label, List<PlanExecution.LaneResult> lanes, Figure f) {
        md.append("| ").append(label).append(" |");
        for (PlanExecution.LaneResult l : lanes) {
            double v = f.of(l.summary());
            md.append(' ')
                    .append(Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v))
                    .append(" |");
        }
        md.append('\n');
    }

    private static double stat(RunSummary s, String metric, boolean p99) {
        MetricSummary m = s.metrics().get(metric);
        return m == null ? Double.NaN : p99 ? m.p99() : m.p50();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
