package io.tokenbench.simulations.cli;

import io.tokenbench.reports.model.ClassSummary;
import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.record.Outcome;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The console table printed after a run, from the reports module's {@link RunSummary}. */
final class ConsoleSummary {
    static final List<String> LATENCIES =
            List.of(
                    "ttft",
                    "ttft_sched",
                    "ttfc",
                    "ttfb",
                    "itl",
                    "tpot",
                    "e2e",
                    "e2e_sched",
                    "stream_tail",
                    "dispatch_lag");

    private ConsoleSummary() {}

    /**
     * Mixed runs: one row per endpoint class (goodput against its own SLO), the blend, then each
     * class's metrics.
     */
    static void printClasses(RunSummary s, PrintStream out) {
        out.println(
                String.format(
                        Locale.ROOT,
                        "%-16s %9s %10s %10s %9s  %s",
                        "endpoint class",
                        "attempted",
                        "error rate",
                        "goodput/s",
                        "SLO met",
                        "SLO"));
        for (ClassSummary c : s.classes().values()) {
            out.println(
                    classRow(
                                    c.endpoint().wireName(),
                                    c.requests().attempted(),
                                    c.errorRate(),
                                    c.goodput(),
                                    c.slo())
                            + failures(c.outcomes()));
        }
        out.println(
                classRow(
                                "blended (all)",
                                s.requests().attempted(),
                                s.errorRate(),
                                s.goodput(),
                                "each request by its class's SLO")
                        + failures(s.outcomes()));
        out.println(
                String.format(
                        Locale.ROOT,
                        "%-40s %8s %9s %9s %9s %9s",
                        "class metric",
                        "count",
                        "p50",
                        "p90",
                        "p99",
                        "max"));
        for (ClassSummary c : s.classes().values()) {
            for (MetricSummary m : c.metrics().values()) {
                if (m.count() == 0 || m.name().endsWith(".dispatch_lag")) {
                    continue;
                }
                out.println(
                        String.format(
                                Locale.ROOT,
                                "%-40s %8d %9.2f %9.2f %9.2f %9.2f",
                                m.name() + " (" + m.unit().reported() + ")",
                                m.count(),
                                m.p50(),
                                m.p90(),
                                m.p99(),
                                m.max()));
            }
        }
    }

    /** {@code "; failures: http_5xx=1"}, or empty. */
    private static String failures(Map<Outcome, Long> outcomes) {
        StringBuilder b = new StringBuilder();
        outcomes.forEach(
                (o, n) -> {
                    if (!o.isSuccess() && n > 0) {
                        b.append(b.length() == 0 ? "; failures:" : "")
                                .append(' ')
                                .append(o.wireName())
                                .append('=')
                                .append(n);
                    }
                });
        return b.toString();
    }

    private static String classRow(
            String name, long attempted, double errorRate, RunSummary.Goodput g, String slo) {
        return String.format(
                Locale.ROOT,
                "%-16s %9d %8.2f %% %10.2f %7.1f %%  %s",
                name,
                attempted,
                100 * errorRate,
                g.goodRps(),
                100 * g.sloAttainment(),
                slo);
    }

    static void print(String title, RunSummary s, PrintStream out) {
        out.println();
        out.println(
                title
                        + "  ("
                        + s.header().loadModel().describe()
                        + "; window "
                        + s.header().measurementMillis() / 1000
                        + " s after "
                        + s.header().warmupMillis() / 1000
                        + " s warm-up, grace "
                        + s.header().graceMillis() / 1000
                        + " s)");
        out.println(
                String.format(
                        Locale.ROOT,
                        "%-14s %8s %9s %9s %9s %9s %9s %9s",
                        "metric (ms)",
                        "count",
                        "p50",
                        "p90",
                        "p99",
                        "p99.9",
                        "max",
                        "mean"));
        for (String name : LATENCIES) {
            MetricSummary m = s.metrics().get(name);
            if (m == null || m.count() == 0) {
                continue;
            }
            out.println(
                    String.format(
                            Locale.ROOT,
                            "%-14s %8d %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f",
                            name,
                            m.count(),
                            m.p50(),
                            m.p90(),
                            m.p99(),
                            m.p99_9(),
                            m.max(),
                            m.mean()));
        }
        MetricSummary decode = s.metrics().get("decode_rate");
        if (decode != null && decode.count() > 0) {
            out.println(
                    String.format(
                            Locale.ROOT,
                            "%-14s %8d %9.1f %9.1f %9.1f  (tokens/s per stream)",
                            "decode_rate",
                            decode.count(),
                            decode.p50(),
                            decode.p90(),
                            decode.p99()));
        }
        RunSummary.Throughput t = s.throughput();
        out.println(
                String.format(
                        Locale.ROOT,
                        "rate: offered %.2f/s, sent %.2f/s, completed %.2f/s; output %.1f tokens/s, input %.1f tokens/s",
                        t.offeredRps(),
                        t.sentRps(),
                        t.completedRps(),
                        t.outputTokensPerSecond(),
                        t.inputTokensPerSecond()));
        out.println(
                String.format(
                        Locale.ROOT,
                        "goodput: %.2f/s, SLO attainment %.1f %%; error rate %.2f %%%s",
                        s.goodput().goodRps(),
                        100 * s.goodput().sloAttainment(),
                        100 * s.errorRate(),
                        s.microCredits() > 0
                                ? String.format(Locale.ROOT, "; Credits %.4f", s.credits())
                                : ""));
        StringBuilder outcomes = new StringBuilder("outcomes:");
        for (Map.Entry<Outcome, Long> e : s.outcomes().entrySet()) {
            if (e.getValue() > 0) {
                outcomes.append(' ').append(e.getKey().wireName()).append('=').append(e.getValue());
            }
        }
        out.println(outcomes);
        if (s.retryAfter().count() > 0) {
            out.println(
                    String.format(
                            Locale.ROOT,
                            "429 Retry-After: %d seen, mean %.0f ms, max %d ms",
                            s.retryAfter().count(),
                            s.retryAfter().meanMillis(),
                            s.retryAfter().maxMillis()));
        }
        if (!s.classes().isEmpty()) {
            printClasses(s, out);
        }
        for (RunSummary.ValidityFlag f : s.validity()) {
            out.println(
                    (f.code().equals("load_generator_saturated") ? "INVALID: " : "note: ")
                            + f.message());
        }
    }
}
